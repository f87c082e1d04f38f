/** NIK (Nomor Induk Kependudukan) and KK numbers: 16 digits; a NIK encodes area, birth date (day + 40 for women) and serial. */
import { isIsoDate, localDateIn } from './calendar/local-date.js';

/** Masks all but the last 4 digits: `************1234`. Logs never hold a full NIK. */
export function maskNik(nik: string | null | undefined): string {
  if (!nik) return '';
  return nik.length <= 4 ? '****' : '*'.repeat(nik.length - 4) + nik.slice(-4);
}

/** Masks every 16-digit run in a text (NIKs and KK numbers inside log messages). */
export function maskNiksInText(text: string): string {
  return text.replace(/(?<!\d)\d{12}(\d{4})(?!\d)/g, '************$1');
}

export interface NikParts {
  provinceCode: string;
  /** dotted: `33.04` */
  regencyCode: string;
  /** dotted: `33.04.01`, the kecamatan where the NIK was issued */
  districtCode: string;
  /** the digits as written (day already without the +40) */
  birthDate: { year2: number; month: number; day: number };
  /** the full birth date, YYYY-MM-DD, its century inferred (see `parseNik`) or taken from `expectedBirthDate` */
  birthDateIso: string;
  sex: 'M' | 'F';
  serial: string;
}

/** The rule a NIK breaks, for a 400 or a `sigap.rejected` naming it. */
export type NikRule =
  'NIK_FORMAT' | 'NIK_AREA' | 'NIK_BIRTH_DATE' | 'NIK_BIRTH_DATE_FUTURE' | 'NIK_BIRTH_DATE_MISMATCH' | 'NIK_SEX_MISMATCH' | 'NIK_SERIAL';

/** The rule a KK (Kartu Keluarga) number breaks. */
export type KkRule = 'KK_FORMAT' | 'KK_AREA';

/** What `parseNik` and `validateKk` check the area against; an `AreaIndex` fits. */
export interface DistrictLookup {
  isDistrict(code: string): boolean;
}

export interface NikCheckOptions {
  /** the official area list (`await loadAreaIndex()`): the area part must then be a real district */
  areas?: DistrictLookup;
  /** "now", for the birth date not in the future; default the current time */
  today?: Date;
  /** zone of "today"; default 'Asia/Jakarta' */
  timeZone?: string;
  /** the birth date on the form (YYYY-MM-DD): must match the NIK's, and gives its century */
  expectedBirthDate?: string;
  /** the sex on the form: must match the NIK's */
  expectedSex?: 'M' | 'F';
}

type Fail<R> = { ok: false; rule: R; message: string };

/**
 * Checks a NIK's plausibility and splits it into its parts, or returns the rule it breaks:
 * 16 digits; area part (digits 1–6) a real district when `areas` is given (otherwise only not
 * `00`); birth date part (digits 7–12, DDMMYY, day + 40 for women) a real date, not in the
 * future; serial (digits 13–16) not `0000`. Messages read after the field's name ("nik must be
 * 16 digits") and name the rule, never the digits: they reach `sigap.rejected`, which outside
 * systems read. The century: 20YY when YY is at most this year's, 19YY otherwise, so a date later
 * this year is refused as future; `expectedBirthDate` settles the century instead.
 * NIKs are never reissued when districts split, so an old NIK may carry a district code the
 * current list no longer has: such a NIK fails NIK_AREA with `areas` given.
 */
export function parseNik(nik: string, opts: NikCheckOptions = {}): { ok: true; parts: NikParts } | Fail<NikRule> {
  if (typeof nik !== 'string' || !/^\d{16}$/.test(nik)) return fail('NIK_FORMAT', 'must be 16 digits');
  const area = checkArea(nik, opts.areas, 'NIK_AREA');
  if (!area.ok) return area;
  const rawDay = Number(nik.slice(6, 8));
  const month = Number(nik.slice(8, 10));
  const year2 = Number(nik.slice(10, 12));
  const sex = rawDay > 40 ? 'F' : 'M';
  const day = rawDay > 40 ? rawDay - 40 : rawDay;
  const dd = String(day).padStart(2, '0');
  const mm = String(month).padStart(2, '0');
  const yy = String(year2).padStart(2, '0');
  if (!isIsoDate(`20${yy}-${mm}-${dd}`) && !isIsoDate(`19${yy}-${mm}-${dd}`)) {
    return fail('NIK_BIRTH_DATE', 'birth date part (digits 7–12) is not a date DDMMYY (day + 40 for women)');
  }
  const today = localDateIn(opts.today ?? new Date(), opts.timeZone ?? 'Asia/Jakarta');
  let birthDateIso: string;
  if (opts.expectedBirthDate !== undefined) {
    if (!isIsoDate(opts.expectedBirthDate) || opts.expectedBirthDate.slice(2) !== `${yy}-${mm}-${dd}`) {
      return fail('NIK_BIRTH_DATE_MISMATCH', 'birth date part (digits 7–12) does not match the birth date');
    }
    birthDateIso = opts.expectedBirthDate;
  } else {
    const century = year2 <= Number(today.slice(2, 4)) ? Number(today.slice(0, 2)) : Number(today.slice(0, 2)) - 1;
    birthDateIso = `${century}${yy}-${mm}-${dd}`;
    // 29 Feb of a year that only the other century makes a leap year (1900, 2100)
    if (!isIsoDate(birthDateIso)) return fail('NIK_BIRTH_DATE', 'birth date part (digits 7–12) is not a date DDMMYY (day + 40 for women)');
  }
  if (birthDateIso > today) return fail('NIK_BIRTH_DATE_FUTURE', 'birth date part (digits 7–12) gives a date in the future');
  if (opts.expectedSex !== undefined && opts.expectedSex !== sex) {
    return fail('NIK_SEX_MISMATCH', 'birth day part (digits 7–8) does not agree with the sex on the form (day + 40 for women)');
  }
  if (nik.slice(12) === '0000') return fail('NIK_SERIAL', 'serial part (last 4 digits) must not be 0000');
  return {
    ok: true,
    parts: {
      provinceCode: area.provinceCode,
      regencyCode: area.regencyCode,
      districtCode: area.districtCode,
      birthDate: { year2, month, day },
      birthDateIso,
      sex,
      serial: nik.slice(12),
    },
  };
}

/**
 * Checks a KK (Kartu Keluarga, family card) number: 16 digits whose first 6 are the issuing
 * district (a real one when `areas` is given). Digits 7–12 (the issue date) are not checked:
 * old cards do not always follow it.
 */
export function validateKk(kk: string, opts: { areas?: DistrictLookup } = {}): { ok: true; districtCode: string } | Fail<KkRule> {
  if (typeof kk !== 'string' || !/^\d{16}$/.test(kk)) return fail('KK_FORMAT', 'must be 16 digits');
  const area = checkArea(kk, opts.areas, 'KK_AREA');
  return area.ok ? { ok: true, districtCode: area.districtCode } : area;
}

/** Age in whole years on a date (local date of `on` in `timeZone`, default WIB); born 29 Feb, one is a year older on 1 Mar in other years. */
export function ageOn(birthDate: string, on: Date, timeZone = 'Asia/Jakarta'): number {
  if (!isIsoDate(birthDate)) throw new RangeError(`${JSON.stringify(birthDate)} is not a date YYYY-MM-DD`);
  if (!(on instanceof Date) || Number.isNaN(on.getTime())) throw new RangeError('on is not a valid instant');
  const today = localDateIn(on, timeZone);
  const years = Number(today.slice(0, 4)) - Number(birthDate.slice(0, 4));
  return today.slice(5) >= birthDate.slice(5) ? years : years - 1;
}

function checkArea<R extends NikRule | KkRule>(
  digits: string,
  areas: DistrictLookup | undefined,
  rule: R,
): { ok: true; provinceCode: string; regencyCode: string; districtCode: string } | Fail<R> {
  const [prov, reg, dist] = [digits.slice(0, 2), digits.slice(2, 4), digits.slice(4, 6)];
  const districtCode = `${prov}.${reg}.${dist}`;
  if (prov === '00' || reg === '00' || dist === '00') return fail(rule, 'area part (first 6 digits) is not a valid area code');
  if (areas && !areas.isDistrict(districtCode)) {
    return fail(rule, 'area part (first 6 digits) is not a district (kecamatan) of the official Kemendagri list');
  }
  return { ok: true, provinceCode: prov, regencyCode: `${prov}.${reg}`, districtCode };
}

function fail<R>(rule: R, message: string): Fail<R> {
  return { ok: false, rule, message };
}
