/** NIK (Nomor Induk Kependudukan) and KK numbers: 16 digits; a NIK encodes area, birth date (day + 40 for women) and serial. */

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
  regencyCode: string;
  districtCode: string;
  birthDate: { year2: number; month: number; day: number };
  sex: 'M' | 'F';
  serial: string;
}

/** Splits a NIK into its parts, or returns the rule it breaks. */
export function parseNik(nik: string): { ok: true; parts: NikParts } | { ok: false; message: string } {
  if (!/^\d{16}$/.test(nik)) return { ok: false, message: 'must be 16 digits' };
  const prov = nik.slice(0, 2);
  const reg = nik.slice(2, 4);
  const dist = nik.slice(4, 6);
  if (prov === '00' || reg === '00' || dist === '00') return { ok: false, message: 'area part (first 6 digits) is not a valid area code' };
  let day = Number(nik.slice(6, 8));
  const month = Number(nik.slice(8, 10));
  const year2 = Number(nik.slice(10, 12));
  const sex = day > 40 ? 'F' : 'M';
  if (day > 40) day -= 40;
  if (month < 1 || month > 12 || day < 1 || day > 31) return { ok: false, message: 'birth date part (digits 7–12) is not a date' };
  const dim = new Date(Date.UTC(2000 + year2, month, 0)).getUTCDate();
  if (day > dim) return { ok: false, message: 'birth date part (digits 7–12) is not a date' };
  if (nik.slice(12) === '0000') return { ok: false, message: 'serial part (last 4 digits) must not be 0000' };
  return {
    ok: true,
    parts: {
      provinceCode: prov,
      regencyCode: `${prov}.${reg}`,
      districtCode: `${prov}.${reg}.${dist}`,
      birthDate: { year2, month, day },
      sex,
      serial: nik.slice(12),
    },
  };
}
