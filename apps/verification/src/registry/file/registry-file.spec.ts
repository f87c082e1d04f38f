import { describe, expect, it } from '@jest/globals';
import { Readable } from 'node:stream';
import { FileFormatError, readRegistryFile, type FileRow } from './registry-file.js';

async function rowsOf(chunks: Buffer[]): Promise<FileRow[]> {
  const rows: FileRow[] = [];
  for await (const batch of readRegistryFile(Readable.from(chunks), 'CSV')) rows.push(...batch);
  return rows;
}

describe('registry file reading (CSV)', () => {
  it('parses a file streamed one byte at a time: records and multi-byte characters cut across chunks', async () => {
    const text = '\uFEFFnik;nama;alamat\r\n1;"Siti ""Ami""";"Jl. A;\nRT 1"\r\n2;Budi;\n\n3;"x";y';
    const rows = await rowsOf(Array.from(Buffer.from(text), (b) => Buffer.from([b])));
    expect(rows).toEqual([
      { row: 1, values: ['nik', 'nama', 'alamat'] },
      { row: 2, values: ['1', 'Siti "Ami"', 'Jl. A;\nRT 1'] },
      { row: 3, values: ['2', 'Budi', ''] },
      { row: 4, values: ['3', 'x', 'y'] },
    ]);
  });

  it('reads chunks larger than it decodes at once, with characters cut between the pieces', async () => {
    // 'é' is two bytes: some of them straddle the 32 KB boundaries
    const lines = ['nama,alamat', ...Array.from({ length: 3000 }, (_, i) => `Désiré ${i},"Jl. é, ${i}"`)];
    const rows = await rowsOf([Buffer.from(lines.join('\n'))]);
    expect(rows.length).toBe(3001);
    expect(rows[2999]).toEqual({ row: 3000, values: ['Désiré 2998', 'Jl. é, 2998'] });
    expect(rows.every((r, i) => i === 0 || r.values[0] === `Désiré ${i - 1}`)).toBe(true);
  });

  it('refuses the file when its header row cannot be read, and an .xlsx sent as CSV', async () => {
    await expect(rowsOf([Buffer.from('nik,"nama\n1,x\n')])).rejects.toThrow(FileFormatError);
    await expect(rowsOf([Buffer.from('nik,na\0ma\n1,x\n')])).rejects.toThrow(/header row.*NUL/);
    await expect(rowsOf([Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0])])).rejects.toThrow(/xlsx/);
  });
});
