import { beforeAll, describe, expect, it } from '@jest/globals';
import { loadAreaIndex, type AreaIndex } from './area/area-codes.js';
import { ageOn, maskNik, maskNiksInText, parseNik, validateKk } from './nik.js';

/** "today" for these tests: Fri 27 Nov 2026, 10:00 WIB */
const today = new Date('2026-11-27T10:00:00+07:00');
let areas: AreaIndex;
beforeAll(async () => {
  areas = await loadAreaIndex();
});

describe('parseNik', () => {
  it('reads a woman’s NIK: day + 40 (51 → the 11th)', () => {
    // 33.04.01 = Kec. Susukan, Kab. Banjarnegara; 51 02 88 = 11 Feb 1988, female
    const r = parseNik('3304015102880001', { areas, today });
    expect(r).toEqual({
      ok: true,
      parts: {
        provinceCode: '33',
        regencyCode: '33.04',
        districtCode: '33.04.01',
        birthDate: { year2: 88, month: 2, day: 11 },
        birthDateIso: '1988-02-11',
        sex: 'F',
        serial: '0001',
      },
    });
  });

  it('reads a man’s NIK and a child born this century', () => {
    const r = parseNik('3304010205190001', { areas, today });
    expect(r.ok && r.parts).toMatchObject({ sex: 'M', birthDateIso: '2019-05-02' });
  });

  it('refuses what is not 16 digits', () => {
    for (const bad of ['330401510288000', '33040151028800011', '33040151028800a1', '3304 0151 0288 0001', '']) {
      expect(parseNik(bad)).toMatchObject({ ok: false, rule: 'NIK_FORMAT', message: 'must be 16 digits' });
    }
  });

  it('refuses 31 February, for men and women', () => {
    expect(parseNik('3304013102880001', { today })).toMatchObject({ ok: false, rule: 'NIK_BIRTH_DATE' });
    expect(parseNik('3304017102880001', { today })).toMatchObject({ ok: false, rule: 'NIK_BIRTH_DATE' });
  });

  it('refuses day parts that are no day: 00, 32–40, 72+, and month 13', () => {
    for (const d of ['00', '32', '35', '40', '72', '99']) {
      expect(parseNik(`330401${d}02880001`, { today })).toMatchObject({ ok: false, rule: 'NIK_BIRTH_DATE' });
    }
    expect(parseNik('3304011513880001', { today })).toMatchObject({ ok: false, rule: 'NIK_BIRTH_DATE' });
  });

  it('accepts 29 February of a leap year only', () => {
    expect(parseNik('3304012902000001', { today })).toMatchObject({ ok: true, parts: { birthDateIso: '2000-02-29' } });
    expect(parseNik('3304016902040001', { today })).toMatchObject({ ok: true, parts: { birthDateIso: '2004-02-29', sex: 'F' } });
    expect(parseNik('3304012902010001', { today })).toMatchObject({ ok: false, rule: 'NIK_BIRTH_DATE' });
  });

  it('refuses a birth date in the future, accepts a newborn', () => {
    // 20 Dec 2026, after "today" (27 Nov 2026)
    expect(parseNik('3304012012260001', { areas, today })).toMatchObject({ ok: false, rule: 'NIK_BIRTH_DATE_FUTURE' });
    expect(parseNik('3304012011260001', { areas, today })).toMatchObject({ ok: true, parts: { birthDateIso: '2026-11-20' } });
    // 28 Nov 2026: future at 10:00 WIB on the 27th, today in WIB at 01:00 on the 28th (still the 27th in UTC)
    expect(parseNik('3304012811260001', { today })).toMatchObject({ ok: false, rule: 'NIK_BIRTH_DATE_FUTURE' });
    expect(parseNik('3304012811260001', { today: new Date('2026-11-27T18:00:00Z') })).toMatchObject({ ok: true });
  });

  it('reads a two-digit year above this year’s as the 1900s', () => {
    expect(parseNik('3304012012270001', { today })).toMatchObject({ ok: true, parts: { birthDateIso: '1927-12-20' } });
  });

  it('refuses an unknown district when the area list is given', () => {
    // 33.04 is Banjarnegara, but it has no district 99
    expect(parseNik('3304995102880001', { areas, today })).toMatchObject({ ok: false, rule: 'NIK_AREA' });
    expect(parseNik('9904015102880001', { areas, today })).toMatchObject({ ok: false, rule: 'NIK_AREA' });
    // without the list only the shape is checked
    expect(parseNik('3304995102880001', { today }).ok).toBe(true);
    expect(parseNik('0004015102880001', { today })).toMatchObject({ ok: false, rule: 'NIK_AREA' });
  });

  it('refuses serial 0000', () => {
    expect(parseNik('3304015102880000', { today })).toMatchObject({ ok: false, rule: 'NIK_SERIAL' });
  });

  it('checks the NIK against the form’s birth date and sex when given', () => {
    expect(parseNik('3304015102880001', { today, expectedBirthDate: '1988-02-11', expectedSex: 'F' }).ok).toBe(true);
    expect(parseNik('3304015102880001', { today, expectedBirthDate: '1988-02-12' })).toMatchObject({
      ok: false,
      rule: 'NIK_BIRTH_DATE_MISMATCH',
    });
    expect(parseNik('3304015102880001', { today, expectedSex: 'M' })).toMatchObject({ ok: false, rule: 'NIK_SEX_MISMATCH' });
    // the form settles the century: born 1 Jan 1925, not 2025
    expect(parseNik('3304010101250001', { today, expectedBirthDate: '1925-01-01' })).toMatchObject({
      ok: true,
      parts: { birthDateIso: '1925-01-01' },
    });
    expect(parseNik('3304010101250001', { today })).toMatchObject({ ok: true, parts: { birthDateIso: '2025-01-01' } });
  });

  it('keeps the fixtures other code files with valid', () => {
    // libs/testing's applicant and beneficiary, the gateway e2e applicant
    expect(parseNik('3304015102880001', { areas, today }).ok).toBe(true);
    expect(parseNik('3304010205190001', { areas, today }).ok).toBe(true);
    expect(parseNik('6171015502880001', { areas, today }).ok).toBe(true);
  });
});

describe('validateKk', () => {
  it('accepts 16 digits with a real district', () => {
    expect(validateKk('3304010101200002', { areas })).toEqual({ ok: true, districtCode: '33.04.01' });
    expect(validateKk('6171010101880002', { areas })).toEqual({ ok: true, districtCode: '61.71.01' });
  });

  it('refuses other lengths and unknown districts', () => {
    expect(validateKk('330401010120000')).toMatchObject({ ok: false, rule: 'KK_FORMAT', message: 'must be 16 digits' });
    expect(validateKk('3304990101200002', { areas })).toMatchObject({ ok: false, rule: 'KK_AREA' });
    expect(validateKk('3300010101200002')).toMatchObject({ ok: false, rule: 'KK_AREA' });
  });
});

describe('ageOn', () => {
  it('counts whole years, a year older on the birthday', () => {
    expect(ageOn('1988-02-11', new Date('2026-02-10T12:00:00+07:00'))).toBe(37);
    expect(ageOn('1988-02-11', new Date('2026-02-11T00:00:00+07:00'))).toBe(38);
    expect(ageOn('2019-05-02', today)).toBe(7);
    expect(ageOn('2026-11-20', today)).toBe(0);
  });

  it('uses the local date (WIB by default): 10 Feb 17:30 UTC is already 11 Feb in WIB', () => {
    expect(ageOn('1988-02-11', new Date('2026-02-10T17:30:00Z'))).toBe(38);
    expect(ageOn('1988-02-11', new Date('2026-02-10T17:30:00Z'), 'UTC')).toBe(37);
  });

  it('born 29 Feb: a year older on 1 Mar in other years', () => {
    expect(ageOn('2008-02-29', new Date('2026-02-28T12:00:00+07:00'))).toBe(17);
    expect(ageOn('2008-02-29', new Date('2026-03-01T12:00:00+07:00'))).toBe(18);
  });

  it('refuses a non-date', () => {
    expect(() => ageOn('1988-02-30', today)).toThrow(RangeError);
  });
});

describe('masking (unchanged)', () => {
  it('masks all but the last 4 digits', () => {
    expect(maskNik('3304015102880001')).toBe('************0001');
    expect(maskNiksInText('nik 3304015102880001 kk 3304010101200002')).toBe('nik ************0001 kk ************0002');
  });
});
