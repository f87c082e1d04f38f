// Whole Rupiah as the API sends them (decimal strings) and as an officer reads them
// ("Rp 1.500.000"): BigInt all the way, never a JS number, so a ceiling beyond 2^53 stays exact.

/** Whether `s` is whole Rupiah as the API takes it (no sign, no separators, no leading zero). */
export const RUPIAH_INPUT = /^(0|[1-9]\d{0,17})$/;

/** `"1500000"` → `"Rp 1.500.000"` in the user's locale; anything else as it came. */
export function formatRupiah(value: string | null | undefined, locale: string): string {
  if (value === null || value === undefined || value === '') return '—';
  if (!/^-?\d+$/.test(value)) return value;
  return new Intl.NumberFormat(locale, { style: 'currency', currency: 'IDR', maximumFractionDigits: 0, minimumFractionDigits: 0 }).format(
    BigInt(value),
  );
}

/** The sum of whole-Rupiah strings, as a string. */
export function sumRupiah(values: readonly string[]): string {
  return values.reduce((s, v) => s + BigInt(v), 0n).toString();
}

/** `a − b` of whole-Rupiah strings. */
export function minusRupiah(a: string, b: string): string {
  return (BigInt(a) - BigInt(b)).toString();
}

/** Whether `a ≤ b`. */
export function atMost(a: string, b: string): boolean {
  return BigInt(a) <= BigInt(b);
}

/** What is typed in a Rupiah field, without the dots and spaces an officer may type ("1.500.000" → "1500000"). */
export function rupiahDigits(typed: string | undefined): string {
  return (typed ?? '').replace(/[.\s]/g, '').replace(/^Rp/i, '');
}
