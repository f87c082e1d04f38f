// The agencies sharing this installation come from the domain library (the server's own list).
import { AGENCIES, agencyCovers, type Agency } from '@domain/agencies';

export { AGENCIES, agencyCovers, type Agency };

/** Agencies a user of `agencyCode` works for: its own, and a province's regencies. */
export function coveredAgencies(agencyCode: string | undefined): Agency[] {
  return agencyCode ? AGENCIES.filter((a) => agencyCovers(agencyCode, a.code)) : [];
}

/** Agencies with a registry (DTSEN) area: the regional ones, not a province's bureau. */
export function registryAgencies(agencyCode: string | undefined): Agency[] {
  return coveredAgencies(agencyCode).filter((a) => /^\d{2}(\.\d{2})?$/.test(a.code));
}

/** `61.71 · Dinas Sosial Kota Pontianak`, as every agency picker shows it. */
export const agencyOption = (a: Agency) => ({ value: a.code, label: `${a.code} · ${a.name}` });
