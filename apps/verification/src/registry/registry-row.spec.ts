import { describe, expect, it } from '@jest/globals';
import { Readable } from 'node:stream';
import { loadAreaIndex, parseNik } from '#domain';
import type { RegistryRowError } from '#contracts';
import { guessDelimiter, parseCsvRecord, readRegistryFile } from './registry-file.js';
import { copyLine, mapHeader, parseRegistryDate, RegistryRowValidator } from './registry-row.js';

describe('registry file reading', () => {
  it('parses quoted fields, doubled quotes and line breaks inside quotes, in chunks cut anywhere', async () => {
    const text = '\uFEFFnik;nama;alamat\r\n1;"Siti ""Ami""";"Jl. A;\nRT 1"\r\n2;Budi;\n\n3;"x";y';
    const bytes = Buffer.from(text);
    // one byte at a time: records and multi-byte characters cut across chunks
    const chunks = Array.from(bytes, (b) => Buffer.from([b]));
    const rows = [];
    for await (const batch of readRegistryFile(Readable.from(chunks), 'CSV')) rows.push(...batch);
    expect(rows).toEqual([
      { row: 1, values: ['nik', 'nama', 'alamat'] },
      { row: 2, values: ['1', 'Siti "Ami"', 'Jl. A;\nRT 1'] },
      { row: 3, values: ['2', 'Budi', ''] },
      { row: 4, values: ['3', 'x', 'y'] },
    ]);
  });

  it('reads a quote wherever it stands: mid-field, doubled, empty, unclosed', () => {
    expect(parseCsvRecord('x"y,z"w,v', ',')).toEqual(['xy,zw', 'v']);
    expect(parseCsvRecord('"a ""q"" b",c', ',')).toEqual(['a "q" b', 'c']);
    expect(parseCsvRecord('"",""""', ',')).toEqual(['', '"']);
    expect(parseCsvRecord('"open,never', ',')).toEqual(['open,never']);
    expect(parseCsvRecord('a,', ',')).toEqual(['a', '']);
  });

  it('reads chunks larger than it decodes at once, with characters cut between the pieces', async () => {
    // 'é' is two bytes: some of them straddle the 32 KB boundaries
    const lines = ['nama,alamat', ...Array.from({ length: 3000 }, (_, i) => `Désiré ${i},"Jl. é, ${i}"`)];
    const rows = [];
    for await (const batch of readRegistryFile(Readable.from([Buffer.from(lines.join('\n'))]), 'CSV')) rows.push(...batch);
    expect(rows.length).toBe(3001);
    expect(rows[2999]).toEqual({ row: 3000, values: ['Désiré 2998', 'Jl. é, 2998'] });
    expect(rows.every((r, i) => i === 0 || r.values[0] === `Désiré ${i - 1}`)).toBe(true);
  });

  it('guesses the delimiter from the header', () => {
    expect(guessDelimiter('nik,no_kk,nama')).toBe(',');
    expect(guessDelimiter('nik;no_kk;nama')).toBe(';');
    expect(guessDelimiter('nik\tno_kk\tnama')).toBe('\t');
    expect(parseCsvRecord('a,"b,c",d', ',')).toEqual(['a', 'b,c', 'd']);
  });

  it('maps the header case-insensitively and names every missing required column', () => {
    expect(mapHeader(['NIK', 'No_KK', 'nama', 'tanggal_lahir', 'jenis_kelamin', 'alamat', 'kode_desa'])).toMatchObject({ ok: true, columns: { nik: 0, no_kk: 1, desil: -1 } });
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
      ['3304015102880001', '1988-02-11', 'P'], ['3304015102880001', '1988-02-12', 'P'], ['3304015102880001', '1988-02-11', 'L'],
      ['3304015102880000', '1988-02-11', 'P'], ['9904015102880001', '1988-02-11', 'P'], ['3304015113880001', '1988-02-11', 'P'], ['33040151028800', '1988-02-11', 'P'],
    ];
    for (const [nik, birth, sex] of cases) {
      const errors: RegistryRowError[] = [];
      v.check([nik, '3304010101200001', 'Siti', birth, sex, 'Jl. A', '33.04.01.2001', '3', 'PKH'], header.columns, 2, errors);
      const domain = parseNik(nik, { areas, today: new Date('2026-11-26T00:00:00Z'), expectedBirthDate: birth, expectedSex: sex === 'P' ? 'F' : 'M' });
      const mine = errors.find((e) => e.field === 'nik');
      expect(!!mine).toBe(!domain.ok);
      // the same words (none of them the row's values), except that a row is not a form
      if (!domain.ok) expect(mine!.message).toBe(`nik ${domain.message.replace('on the form', 'in the row')}`);
    }
  });

  it('escapes text for COPY', () => {
    const line = copyLine('s', { row: 2, nik: '1', kk: '2', name: 'A\tB\\C', birthDate: '2000-01-01', sex: 'M', address: 'x\ny', villageCode: 'v', decile: null, programs: ['BPNT', 'PKH'] });
    expect(line).toBe('s\t2\t1\t2\tA\\tB\\\\C\t2000-01-01\tM\tx\\ny\tv\t\\N\t{BPNT,PKH}\n');
  });
});
