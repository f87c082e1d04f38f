/**
 * Agencies sharing one installation. An agency's code is its Kemendagri area code; a
 * province sees the roll-up of its regencies. A bureau of a province's secretariat carries a
 * suffix (`61.BKS`) and is an agency of its own: it sees neither the province's Dinas Sosial
 * nor the regencies, and they do not see it (README, "Security").
 */
export interface Agency {
  code: string;
  name: string;
  areaCode: string;
  level: 'PROVINCE' | 'REGENCY';
  /** a bureau of the province's secretariat, not its Dinas Sosial: no roll-up either way */
  bureau?: boolean;
}

export const AGENCIES: Agency[] = [
  { code: '61', name: 'Dinas Sosial Provinsi Kalimantan Barat', areaCode: '61', level: 'PROVINCE' },
  { code: '61.BKS', name: 'Biro Kesejahteraan Rakyat Setda Provinsi Kalimantan Barat', areaCode: '61', level: 'PROVINCE', bureau: true },
  { code: '61.71', name: 'Dinas Sosial Kota Pontianak', areaCode: '61.71', level: 'REGENCY' },
  { code: '33.04', name: 'Dinas Sosial PPPA Kabupaten Banjarnegara', areaCode: '33.04', level: 'REGENCY' },
  { code: '35.75', name: 'Dinas Sosial Kota Pasuruan', areaCode: '35.75', level: 'REGENCY' },
  { code: '19', name: 'Dinas Sosial Provinsi Kepulauan Bangka Belitung', areaCode: '19', level: 'PROVINCE' },
];

export function findAgency(code: string): Agency | undefined {
  return AGENCIES.find((a) => a.code === code);
}

/**
 * Whether a user of `viewer` may see data of agency `owner`: its own, or its regencies' for a
 * province's Dinas Sosial. Seeing only: changing is `canChange` (scope/actor-scope.ts).
 */
export function agencyCovers(viewer: string, owner: string): boolean {
  if (viewer === owner) return true;
  const v = findAgency(viewer);
  if (!v || v.level !== 'PROVINCE' || v.bureau) return false;
  return owner.startsWith(`${v.areaCode}.`) && !findAgency(owner)?.bureau && !owner.includes('.BKS');
}
