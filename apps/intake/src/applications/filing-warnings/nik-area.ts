import { findAgency } from '#domain';

/** The dotted district (kecamatan) code a NIK was issued in: its first six digits. */
export function nikDistrict(nik: string): string {
  return `${nik.slice(0, 2)}.${nik.slice(2, 4)}.${nik.slice(4, 6)}`;
}

/**
 * Whether a NIK was issued outside the agency's area: a regency's Dinas Sosial serves its own
 * districts, a province's its regencies'. An unknown agency answers false (the filing refuses it).
 */
export function nikOutsideAgency(nik: string, agencyCode: string): boolean {
  const agency = findAgency(agencyCode);
  if (!agency) return false;
  return !nikDistrict(nik).startsWith(`${agency.areaCode}.`);
}
