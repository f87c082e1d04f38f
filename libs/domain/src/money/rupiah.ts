/**
 * Rupiah amounts in whole units as `bigint` (no sen: the Rupiah has no minor unit in use), so
 * sums of disbursements never round. Stored in `bigint` columns; pg returns them as strings,
 * which `parseRupiah` reads.
 */

/** Why a string is not a Rupiah amount. */
export enum RupiahErrorCode {
  Empty = 'RUPIAH_EMPTY',
  Negative = 'RUPIAH_NEGATIVE',
  Decimal = 'RUPIAH_DECIMAL',
  Format = 'RUPIAH_FORMAT',
}

export class RupiahError extends Error {
  constructor(
    readonly code: RupiahErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'RupiahError';
  }
}

const PLAIN = /^\d+$/;
/** Indonesian thousands grouping: 1.500.000 */
const GROUPED = /^\d{1,3}(?:\.\d{3})+$/;

/**
 * A Rupiah amount in whole units: "1500000", also "1.500.000", "Rp1.500.000", "Rp 1.500.000,-"
 * (Indonesian grouping: the dot separates thousands). Refuses negatives, decimals ("1500000,50",
 * "1.5", "1500.00") and anything else, with a `RupiahError` saying which.
 */
export function parseRupiah(s: string): bigint {
  if (typeof s !== 'string' || s.trim() === '') throw new RupiahError(RupiahErrorCode.Empty, 'a Rupiah amount is required');
  let t = s.trim().replace(/^rp\.?\s*/i, '');
  if (/^[-−]/.test(t) || /^\(.*\)$/.test(t)) {
    throw new RupiahError(RupiahErrorCode.Negative, `${JSON.stringify(s)} is negative: a Rupiah amount must be 0 or more`);
  }
  // "Rp1.500.000,-": the usual way of writing "no sen", not a decimal
  t = t.replace(/^\+/, '').replace(/,-$/, '');
  if (PLAIN.test(t)) return BigInt(t);
  if (GROUPED.test(t)) return BigInt(t.replaceAll('.', ''));
  if (/^[\d.]*\d[,.]\d{1,2}$/.test(t) || /^\d+\.\d+$/.test(t)) {
    throw new RupiahError(
      RupiahErrorCode.Decimal,
      `${JSON.stringify(s)} has decimals: Rupiah amounts are whole Rupiah (1.500.000 or 1500000)`,
    );
  }
  throw new RupiahError(
    RupiahErrorCode.Format,
    `${JSON.stringify(s)} is not a Rupiah amount: digits only, optionally grouped by dots (1.500.000)`,
  );
}

/** "Rp1.500.000" (id) or "Rp1,500,000" (en); a negative amount (a correction) as "-Rp1.500.000". */
export function formatRupiah(v: bigint, lang: 'id' | 'en' = 'id'): string {
  if (typeof v !== 'bigint') throw new TypeError('formatRupiah takes a bigint');
  const sep = lang === 'en' ? ',' : '.';
  const digits = (v < 0n ? -v : v).toString();
  const grouped = digits.replace(/\B(?=(\d{3})+(?!\d))/g, sep);
  return `${v < 0n ? '-' : ''}Rp${grouped}`;
}

/** The exact sum of Rupiah amounts (0n for none). */
export function sumRupiah(values: Iterable<bigint>): bigint {
  let total = 0n;
  for (const v of values) total += v;
  return total;
}
