import { describe, expect, it } from '@jest/globals';
import { StringDecoder } from 'node:string_decoder';
import { CsvRecordReader, guessDelimiter, MAX_RECORD_CHARS } from './registry-csv.js';
import type { FileRow } from './registry-file.js';

/** The records of `input` (bytes or text), fed in pieces of `piece` bytes through a UTF-8 decoder as the import does. */
function read(input: string | Buffer, piece = 1 << 20, maxRecord?: number): FileRow[] {
  const bytes = typeof input === 'string' ? Buffer.from(input) : input;
  const reader = new CsvRecordReader(maxRecord);
  const decoder = new StringDecoder('utf8');
  const out: FileRow[] = [];
  for (let off = 0; off < bytes.length; off += piece) reader.push(decoder.write(bytes.subarray(off, off + piece)), out);
  reader.push(decoder.end(), out);
  reader.end(out);
  return out;
}

const problems = (rows: FileRow[]) => rows.filter((r) => r.problem).map((r) => ({ row: r.row, problem: r.problem }));
const values = (rows: FileRow[]) => rows.map((r) => (r.problem ? `#${r.row} ✗` : r.values.join('|')));

describe('registry CSV reader (RFC 4180)', () => {
  it('reads quoted fields, doubled quotes and line breaks inside quotes, in pieces cut anywhere', () => {
    const text = '\uFEFFnik;nama;alamat\r\n1;"Siti ""Ami""";"Jl. A;\nRT 1"\r\n2;Budi;\n\n3;"x";y';
    const expected = [
      { row: 1, values: ['nik', 'nama', 'alamat'] },
      { row: 2, values: ['1', 'Siti "Ami"', 'Jl. A;\nRT 1'] },
      { row: 3, values: ['2', 'Budi', ''] },
      { row: 4, values: ['3', 'x', 'y'] },
    ];
    expect(read(text)).toEqual(expected);
    // one byte at a time: records and multi-byte characters cut across pieces
    expect(read(text, 1)).toEqual(expected);
    expect(read(text, 7)).toEqual(expected);
  });

  it('opens a quoted field only at the start of a field: a quote inside an unquoted field is a literal character', () => {
    const rows = read('a,b,c\nx"y,z"w,v\nJl. "Melati" 5,2,3\n"",""""," "\n');
    expect(rows.map((r) => r.values)).toEqual([
      ['a', 'b', 'c'],
      ['x"y', 'z"w', 'v'],
      ['Jl. "Melati" 5', '2', '3'],
      ['', '"', ' '],
    ]);
    expect(problems(rows)).toEqual([]);
  });

  it('lets one stray quote cost its own row only: reading resumes on the next line', () => {
    // row 3 opens a quote that nothing closes: rows 4 and 5 are read as they are
    const rows = read('nik,nama,alamat\n1,Ani,Jl. A\n2,"Budi,Jl. B\n3,Cici,"Jl. C, 1"\n4,Dedi,Jl. D\n');
    expect(values(rows)).toEqual(['nik|nama|alamat', '1|Ani|Jl. A', '#3 ✗', '3|Cici|Jl. C, 1', '4|Dedi|Jl. D']);
    expect(problems(rows)).toEqual([{ row: 3, problem: expect.stringMatching(/text after its closing quote/) }]);
  });

  it('reports a quote that is never closed by the end of the file, and keeps the lines after it', () => {
    const rows = read('nik,nama\n1,"Ani\n2,Budi\n3,Cici');
    expect(values(rows)).toEqual(['nik|nama', '#2 ✗', '2|Budi', '3|Cici']);
    expect(problems(rows)).toEqual([{ row: 2, problem: expect.stringMatching(/not closed/) }]);
  });

  it('reports a quote not closed within the record limit, and keeps the lines after it', () => {
    const filler = Array.from({ length: 40 }, (_, i) => `${i + 10},Orang ${i}`).join('\n');
    // a limit of 200 characters: the open quote of row 2 would run past it
    const rows = read(`nik,nama\n1,"Ani\n${filler}\n`, 16, 200);
    expect(rows[1]).toEqual({ row: 2, values: [], problem: expect.stringMatching(/not closed within 200 characters/) });
    expect(rows.slice(2).map((r) => r.values.join(','))).toEqual(filler.split('\n'));
  });

  it('does not let a stray quote "closed" by another one lines later swallow the lines between', () => {
    // the quote opening field 2 of row 2 meets a literal quote at the end of row 4's last field
    const rows = read('nik,nama,alamat\n1,"Ani,Jl. A\n2,Budi,Jl. B\n3,Cici,Jl. C"\n4,Dedi,Jl. D\n');
    expect(values(rows)).toEqual(['nik|nama|alamat', '#2 ✗', '2|Budi|Jl. B', '3|Cici|Jl. C"', '4|Dedi|Jl. D']);
    expect(problems(rows)[0].problem).toMatch(/runs over several lines/);
    // a legitimate line break inside quotes, with the header's number of fields, is one record
    expect(values(read('nik,nama,alamat\n1,Ani,"Jl. A\nRT 1"\n2,Budi,Jl. B\n'))).toEqual([
      'nik|nama|alamat',
      '1|Ani|Jl. A\nRT 1',
      '2|Budi|Jl. B',
    ]);
  });

  it('refuses a record over 64 KB as a row error and reads the next one', () => {
    expect(MAX_RECORD_CHARS).toBe(65536);
    const long = `2,${'x'.repeat(MAX_RECORD_CHARS)}`;
    const quotedLong = `3,"${'y'.repeat(MAX_RECORD_CHARS)}"`;
    for (const piece of [1 << 20, 4096]) {
      const rows = read(`nik,nama\n1,Ani\n${long}\n${quotedLong}\n4,Dedi\n`, piece);
      expect(values(rows)).toEqual(['nik|nama', '1|Ani', '#3 ✗', '#4 ✗', '4|Dedi']);
      expect(problems(rows).map((p) => p.problem)).toEqual([
        expect.stringMatching(/longer than 65,536 characters/),
        expect.stringMatching(/longer than 65,536 characters|not closed/),
      ]);
    }
    // exactly at the limit is fine
    const edge = `5,${'z'.repeat(MAX_RECORD_CHARS - 2)}`;
    expect(read(`nik,nama\n${edge}\n`)[1].values[1]).toHaveLength(MAX_RECORD_CHARS - 2);
  });

  it('does not hold an endless line in memory: a line without a line break is passed over', () => {
    const reader = new CsvRecordReader(1000);
    const out: FileRow[] = [];
    reader.push('nik,nama\n1,Ani\n2,', out);
    for (let i = 0; i < 200; i++) reader.push('x'.repeat(1000), out);
    expect((reader as unknown as { rest: string }).rest.length).toBeLessThan(3000);
    reader.push('x\n3,Cici\n', out);
    reader.end(out);
    expect(values(out)).toEqual(['nik|nama', '1|Ani', '#3 ✗', '3|Cici']);
  });

  it('refuses a row with a NUL byte, or with bytes that are not UTF-8, naming the row', () => {
    const latin1 = Buffer.concat([
      Buffer.from('nik,nama\n1,Ani\n2,Ren'),
      Buffer.from([0xe9]),
      Buffer.from('\n3,Budi\n4,"Ci\0ci"\n5,Désiré\n'),
    ]);
    for (const piece of [1 << 20, 3]) {
      const rows = read(latin1, piece);
      expect(values(rows)).toEqual(['nik|nama', '1|Ani', '#3 ✗', '3|Budi', '#5 ✗', '5|Désiré']);
      expect(problems(rows)).toEqual([
        { row: 3, problem: expect.stringMatching(/not UTF-8/) },
        { row: 5, problem: expect.stringMatching(/NUL byte/) },
      ]);
    }
  });

  it('guesses the delimiter from the header, after any empty lines', () => {
    expect(guessDelimiter('nik,no_kk,nama')).toBe(',');
    expect(guessDelimiter('nik;no_kk;nama')).toBe(';');
    expect(guessDelimiter('nik\tno_kk\tnama')).toBe('\t');
    expect(read('\n\nnik;nama\n1;"a,b"\n').map((r) => r.values)).toEqual([
      ['nik', 'nama'],
      ['1', 'a,b'],
    ]);
  });
});
