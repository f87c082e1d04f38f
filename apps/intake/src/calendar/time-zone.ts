/**
 * The time zone of an agency, from its province: Indonesia has three (WIB, WITA, WIT) and no
 * daylight saving. Deadlines in days end at midnight local time, so this matters.
 */
const WITA = new Set(['51', '52', '53', '63', '64', '65', '71', '72', '73', '74', '75', '76']);
const WIT = new Set(['81', '82', '91', '92', '93', '94', '95', '96']);

export function timeZoneOf(agencyCode: string): string {
  const province = agencyCode.slice(0, 2);
  if (WITA.has(province)) return 'Asia/Makassar';
  if (WIT.has(province)) return 'Asia/Jayapura';
  return 'Asia/Jakarta';
}
