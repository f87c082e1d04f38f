import { findAgency } from '#domain';

/** The agencies whose current registry covers an agency's area: its own, and its province's. */
export function registryAgencies(agencyCode: string): string[] {
  const a = findAgency(agencyCode);
  const codes = [agencyCode];
  if (a && a.level === 'REGENCY') codes.push(a.areaCode.slice(0, 2));
  return codes;
}

/** Whose eligibility settings an agency's cases may follow, most specific first: its own, its province's, the installation's (`*`). */
export function ruleLayers(agencyCode: string): string[] {
  return [...registryAgencies(agencyCode), '*'];
}

/** The agency's area code (`33.04`), for the domicile rules. */
export function areaOf(agencyCode: string): string {
  return findAgency(agencyCode)?.areaCode ?? agencyCode;
}
