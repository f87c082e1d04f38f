import type { RegistryPersonView } from '#contracts';

/** The columns of a person row, as the views read them (dates as text: no time zone can shift them). */
export const PERSON_COLUMNS = `p.snapshot_id, p.row_number, p.nik, p.kk, p.name, p.birth_date::text AS birth_date, p.sex, p.address, p.village_code, p.decile, p.programs`;

export interface PersonRow {
  snapshot_id: string;
  row_number: number;
  nik: string;
  kk: string;
  name: string;
  birth_date: string;
  sex: 'M' | 'F';
  address: string;
  village_code: string;
  decile: number | null;
  programs: string[];
  agency_code?: string;
  snapshot_created_at?: Date;
}

export function personView(r: PersonRow): RegistryPersonView {
  return {
    nik: r.nik,
    kkNumber: r.kk,
    name: r.name,
    birthDate: r.birth_date,
    sex: r.sex,
    address: r.address,
    villageCode: r.village_code,
    decile: r.decile,
    programs: r.programs,
    snapshot: {
      snapshotId: r.snapshot_id,
      agencyCode: r.agency_code ?? '',
      createdAt: r.snapshot_created_at?.toISOString() ?? '',
      row: r.row_number,
    },
  };
}
