import { describe, expect, it } from '@jest/globals';
import { loadAreaIndex, parseNik } from '#domain';
import type { RegistryRowError } from '#contracts';
import { copyLine, mapHeader, parseRegistryDate, RegistryRowValidator } from './registry-row.js';

describe('registry header', () => {
  it('maps the header case-insensitively and names every missing required column', () => {
    expect(mapHeader(['NIK', 'No_KK', 'nama', 'tanggal_lahir', 'jenis_kelamin', 'alamat', 'kode_desa'])).toMatchObject({
      ok: true,
      columns: { nik: 0, no_kk: 1, desil: -1 },
    });
    expect(mapHeader(['nik', 'nama'])).toEqual({ ok: false, missing: ['no_kk', 'tanggal_lahir', 'jenis_kelamin', 'alamat', 'kode_desa'] });
  });
});

describe('registry row checks', () => {
  it('reads dates in the three formats and refuses others', () => {
    expect(parseRegistryDate('2019-05-02')).toBe('2019-05-02');
    expect(parseRegistryDate('02-05-2019')).toBe('2019-05-02');
    expect(parseRegistryDate('2/5/2019')).toBe('2019-05-02');
    expect(parseRegistryDate('2019-02-29')).toBeUndefined();
    expect(parseRegistryDate('2019.05.02')).toBeUndefined();
  });

  it('agrees with libs/domain parseNik on the NIK rules', async () => {
    const areas = await loadAreaIndex();
    const v = new RegistryRowValidator(areas, '33.04', '2026-11-26');
    const header = mapHeader(['nik', 'no_kk', 'nama', 'tanggal_lahir', 'jenis_kelamin', 'alamat', 'kode_desa', 'desil', 'program']);
    if (!header.ok) throw new Error('header');
    const cases = [
      ['3304015102880001', '1988-02-11', 'P'],
      ['3304015102880001', '1988-02-12', 'P'],
      ['3304015102880001', '1988-02-11', 'L'],
      ['3304015102880000', '1988-02-11', 'P'],
      ['9904015102880001', '1988-02-11', 'P'],
      ['3304015113880001', '1988-02-11', 'P'],
      ['33040151028800', '1988-02-11', 'P'],
    ];
    for (const [nik, birth, sex] of cases) {
      const errors: RegistryRowError[] = [];
      v.check([nik, '3304010101200001', 'Siti', birth, sex, 'Jl. A', '33.04.01.2001', '3', 'PKH'], header.columns, 2, errors);
      const domain = parseNik(nik, {
        areas,
        today: new Date('2026-11-26T00:00:00Z'),
        expectedBirthDate: birth,
        expectedSex: sex === 'P' ? 'F' : 'M',
      });
      const mine = errors.find((e) => e.field === 'nik');
      expect(!!mine).toBe(!domain.ok);
      // the same words (none of them the row's values), except that a row is not a form
      if (!domain.ok) expect(mine!.message).toBe(`nik ${domain.message.replace('on the form', 'in the row')}`);
    }
  });

  it('escapes text for COPY', () => {
    const line = copyLine('s', {
      row: 2,
      nik: '1',
      kk: '2',
      name: 'A\tB\\C',
      birthDate: '2000-01-01',
      sex: 'M',
      address: 'x\ny',
      villageCode: 'v',
      decile: null,
      programs: ['BPNT', 'PKH'],
    });
    expect(line).toBe('s\t2\t1\t2\tA\\tB\\\\C\t2000-01-01\tM\tx\\ny\tv\t\\N\t{BPNT,PKH}\n');
  });
});

describe('registry row checks of an .xlsx', () => {
  it('refuses a NIK or KK the workbook stored as a number (Excel has rounded it), whatever its digits', async () => {
    const v = new RegistryRowValidator(await loadAreaIndex(), '33.04', '2026-11-26');
    const header = mapHeader(['nik', 'no_kk', 'nama', 'tanggal_lahir', 'jenis_kelamin', 'alamat', 'kode_desa']);
    if (!header.ok) throw new Error('header');
    const values = ['3304015102880001', '3304010101200001', 'Siti', '1988-02-11', 'P', 'Jl. A', '33.04.01.2001'];
    const errors: RegistryRowError[] = [];
    expect(v.check(values, header.columns, 2, errors)).toBeDefined();
    expect(v.check(values, header.columns, 3, errors, [0])).toBeUndefined();
    expect(v.check(values, header.columns, 4, errors, [1])).toBeUndefined();
    // a number in another column (desil, a date serial) is no concern of this rule
    expect(v.check(values, header.columns, 5, errors, [3])).toBeDefined();
    expect(errors).toEqual([
      { row: 3, field: 'nik', message: expect.stringMatching(/^nik is a number cell in the workbook.*15 digits/) },
      { row: 4, field: 'no_kk', message: expect.stringMatching(/^no_kk is a number cell/) },
    ]);
  });
});
