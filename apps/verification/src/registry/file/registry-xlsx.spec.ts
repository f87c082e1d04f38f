import { describe, expect, it } from '@jest/globals';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { FileFormatError, readRegistryFile, type FileRow } from './registry-file.js';

/** A workbook written the way Excel writes one: text cells in the shared-string table, after the sheet. */
async function workbook(rows: unknown[][], extraSheet = false): Promise<Buffer> {
  const chunks: Buffer[] = [];
  const sink = new (await import('node:stream')).Writable({
    write(c: Buffer, _e, cb) {
      chunks.push(c);
      cb();
    },
  });
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: sink, useSharedStrings: true, useStyles: true });
  const ws = wb.addWorksheet('DTSEN');
  for (const r of rows) ws.addRow(r).commit();
  ws.commit();
  if (extraSheet) {
    const notes = wb.addWorksheet('Catatan');
    notes.addRow(['not', 'read']).commit();
    notes.commit();
  }
  await wb.commit();
  return Buffer.concat(chunks);
}

async function read(bytes: Buffer, limits = {}): Promise<FileRow[]> {
  const out: FileRow[] = [];
  // 64 KB chunks, as the Object Store hands them over
  const chunks = Array.from({ length: Math.ceil(bytes.length / 65536) }, (_, i) => bytes.subarray(i * 65536, (i + 1) * 65536));
  for await (const batch of readRegistryFile(Readable.from(chunks), 'XLSX', limits)) out.push(...batch);
  return out;
}

describe('registry file reading (.xlsx)', () => {
  it('reads the first sheet: shared strings resolved from disk, dates, and which cells were numbers', async () => {
    const tmp = mkdtempSync(path.join(os.tmpdir(), 'xlsx-spec-'));
    try {
      const bytes = await workbook(
        [
          ['nik', 'no_kk', 'nama', 'tanggal_lahir', 'desil'],
          ['3304015102880001', '3304010101200001', 'Siti', new Date(Date.UTC(1988, 1, 11)), 3],
          [3304015102880002, '3304010101200001', 'Budi', '1988-02-12', null],
          ...Array.from({ length: 2000 }, (_, i) => [String(3304010101500001 + i), '3304010101200002', `Warga ${i}`, '1950-01-01', null]),
        ],
        true,
      );
      const rows = await read(bytes, { tmpDir: tmp });
      expect(rows).toHaveLength(2003);
      expect(rows[0]).toEqual({ row: 1, values: ['nik', 'no_kk', 'nama', 'tanggal_lahir', 'desil'] });
      expect(rows[1]).toEqual({ row: 2, values: ['3304015102880001', '3304010101200001', 'Siti', '1988-02-11', '3'], numeric: [4] });
      // a NIK typed as a number: its text is what Excel kept, and the cell is marked as a number
      expect(rows[2]).toMatchObject({ row: 3, values: ['3304015102880002', '3304010101200001', 'Budi', '1988-02-12'], numeric: [0] });
      expect(rows[2002].values.slice(0, 3)).toEqual([String(3304010101500001 + 1999), '3304010101200002', 'Warga 1999']);
      // the import's temporary files (spooled sheet, shared strings) are gone
      expect(readdirSync(tmp)).toEqual([]);
    } finally {
      rmSync(tmp, { recursive: true, force: true });
    }
  });

  it('refuses a workbook that unpacks to more than the cap (a zip bomb), and leaves no temporary file', async () => {
    const tmp = mkdtempSync(path.join(os.tmpdir(), 'xlsx-spec-'));
    try {
      const zip = await JSZip.loadAsync(
        await workbook([
          ['nik', 'nama'],
          ['3304015102880001', 'Siti'],
        ]),
      );
      // 20 MB of XML whitespace in the sheet: a few KB once compressed
      const sheet = await zip.file('xl/worksheets/sheet1.xml')!.async('string');
      zip.file('xl/worksheets/sheet1.xml', sheet.replace('<sheetData>', `<sheetData>${' '.repeat(20 * 1024 * 1024)}`));
      const bomb = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 9 } });
      expect(bomb.length).toBeLessThan(200 * 1024);
      await expect(read(bomb, { maxUnpackedBytes: 5 * 1024 * 1024, tmpDir: tmp })).rejects.toThrow(FileFormatError);
      await expect(read(bomb, { maxUnpackedBytes: 5 * 1024 * 1024, tmpDir: tmp })).rejects.toThrow(/unpacks to more than 5,242,880 bytes/);
      expect(readdirSync(tmp)).toEqual([]);
      // under a cap it fits, it is read
      expect((await read(bomb, { maxUnpackedBytes: 64 * 1024 * 1024, tmpDir: tmp }))[1].values).toEqual(['3304015102880001', 'Siti']);
    } finally {
      rmSync(tmp, { recursive: true, force: true });
    }
  });
});
