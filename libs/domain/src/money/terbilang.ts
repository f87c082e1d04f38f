/**
 * Terbilang: a Rupiah amount in words, as a decree writes its total beside the figures
 * ("Rp45.000.000,- (empat puluh lima juta rupiah)"). Works on `bigint` only: the amounts of a
 * province's decrees pass 2^53 long before they pass the words' range.
 *
 * Indonesian: 1 in the tens, hundreds and thousands is written with "se-" (sepuluh, sebelas,
 * seratus, seribu), but "satu juta", "satu miliar", "satu triliun" (KBBI; "sejuta" is
 * colloquial). Groups of three digits, short scale: ribu 10^3, juta 10^6, miliar 10^9,
 * triliun 10^12, kuadriliun 10^15. Above 999 kuadriliun (10^18 − 1) there is no word in
 * common official use, so it is refused with a `TerbilangError` rather than guessed.
 */
import { parseRupiah } from './rupiah.js';

export enum TerbilangErrorCode {
  Negative = 'TERBILANG_NEGATIVE',
  TooLarge = 'TERBILANG_TOO_LARGE',
}

export class TerbilangError extends Error {
  constructor(
    readonly code: TerbilangErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'TerbilangError';
  }
}

/** The largest amount that has words: 999.999.999.999.999.999 (999 kuadriliun …). */
export const TERBILANG_MAX = 10n ** 18n - 1n;

const ID_UNITS = ['', 'satu', 'dua', 'tiga', 'empat', 'lima', 'enam', 'tujuh', 'delapan', 'sembilan'];
const ID_SCALES = ['', 'ribu', 'juta', 'miliar', 'triliun', 'kuadriliun'];

const EN_UNITS = [
  '',
  'one',
  'two',
  'three',
  'four',
  'five',
  'six',
  'seven',
  'eight',
  'nine',
  'ten',
  'eleven',
  'twelve',
  'thirteen',
  'fourteen',
  'fifteen',
  'sixteen',
  'seventeen',
  'eighteen',
  'nineteen',
];
const EN_TENS = ['', '', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];
const EN_SCALES = ['', 'thousand', 'million', 'billion', 'trillion', 'quadrillion'];

function checked(value: bigint | string): bigint {
  if (typeof value === 'number') throw new TypeError('terbilang takes a bigint or a decimal string, never a JS number');
  const v = typeof value === 'string' ? parseRupiah(value) : value;
  if (typeof v !== 'bigint') throw new TypeError('terbilang takes a bigint or a decimal string');
  if (v < 0n) throw new TerbilangError(TerbilangErrorCode.Negative, `${v} is negative: terbilang reads amounts of 0 or more`);
  if (v > TERBILANG_MAX) {
    throw new TerbilangError(
      TerbilangErrorCode.TooLarge,
      `${v} is above ${TERBILANG_MAX} (999 kuadriliun): there are no words for it in official use`,
    );
  }
  return v;
}

/** Groups of three digits, least significant first: 45000000n → [0, 0, 45]. */
function groups(v: bigint): number[] {
  const out: number[] = [];
  for (let r = v; r > 0n; r /= 1000n) out.push(Number(r % 1000n)); // each group < 1000: exact as a number
  return out;
}

/** 1..999 in Indonesian words. */
function idHundreds(n: number): string[] {
  const words: string[] = [];
  const h = Math.floor(n / 100);
  const rest = n % 100;
  if (h === 1) words.push('seratus');
  else if (h > 1) words.push(ID_UNITS[h], 'ratus');
  if (rest === 10) words.push('sepuluh');
  else if (rest === 11) words.push('sebelas');
  else if (rest > 11 && rest < 20) words.push(ID_UNITS[rest - 10], 'belas');
  else if (rest >= 20) {
    words.push(ID_UNITS[Math.floor(rest / 10)], 'puluh');
    if (rest % 10) words.push(ID_UNITS[rest % 10]);
  } else if (rest > 0) words.push(ID_UNITS[rest]);
  return words;
}

/** 1..999 in English words (US style: "one hundred twenty-one"). */
function enHundreds(n: number): string[] {
  const words: string[] = [];
  const h = Math.floor(n / 100);
  const rest = n % 100;
  if (h) words.push(EN_UNITS[h], 'hundred');
  if (rest >= 20) words.push(EN_TENS[Math.floor(rest / 10)] + (rest % 10 ? `-${EN_UNITS[rest % 10]}` : ''));
  else if (rest) words.push(EN_UNITS[rest]);
  return words;
}

/** A whole number in Indonesian words, without a currency: 1000n → "seribu", 0n → "nol". */
export function numberInWordsId(value: bigint | string): string {
  const v = checked(value);
  if (v === 0n) return 'nol';
  const g = groups(v);
  const words: string[] = [];
  for (let i = g.length - 1; i >= 0; i--) {
    if (!g[i]) continue;
    // "seribu", but "dua ribu", "sebelas ribu", "seratus ribu", "satu juta"
    if (i === 1 && g[i] === 1) words.push('seribu');
    else words.push(...idHundreds(g[i]), ...(ID_SCALES[i] ? [ID_SCALES[i]] : []));
  }
  return words.join(' ');
}

/** A whole number in English words: 45000000n → "forty-five million". */
export function numberInWordsEn(value: bigint | string): string {
  const v = checked(value);
  if (v === 0n) return 'zero';
  const g = groups(v);
  const words: string[] = [];
  for (let i = g.length - 1; i >= 0; i--) {
    if (g[i]) words.push(...enHundreds(g[i]), ...(EN_SCALES[i] ? [EN_SCALES[i]] : []));
  }
  return words.join(' ');
}

/**
 * A Rupiah amount in words (terbilang), lower case: 45000000n → "empat puluh lima juta rupiah",
 * 0n → "nol rupiah"; `lang: 'en'` → "forty-five million rupiah". Takes a bigint or a whole-Rupiah
 * string ("45000000", "45.000.000"); refuses a JS number, a negative amount and anything above
 * `TERBILANG_MAX`.
 */
export function terbilang(amount: bigint | string, lang: 'id' | 'en' = 'id'): string {
  return `${lang === 'en' ? numberInWordsEn(amount) : numberInWordsId(amount)} rupiah`;
}

/** The same words with each word capitalised, as decrees print them: "Empat Puluh Lima Juta Rupiah". */
export function terbilangTitle(amount: bigint | string, lang: 'id' | 'en' = 'id'): string {
  return terbilang(amount, lang).replace(/(^|[\s-])([a-z])/g, (_m, sep: string, c: string) => sep + c.toUpperCase());
}
