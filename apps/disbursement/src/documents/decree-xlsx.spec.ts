import { describe, expect, it } from '@jest/globals';
import ExcelJS from 'exceljs';
import { decree } from './decree.fixtures.js';
import { Writable } from 'node:stream';
import { LAMPIRAN_COLUMNS, LAMPIRAN_HEADER_ROW, renderDecreeXlsx, writeDecreeXlsx } from './decree-xlsx.js';
import { writeDecreePdf } from './decree-pdf.js';
import { OutputClosedError } from './format.js';

async function load(buf: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as unknown as ArrayBuffer);
  return wb;
}

const texts = (ws: ExcelJS.Worksheet) => {
  const out: string[] = [];
  ws.eachRow((row) => row.eachCell((c) => out.push(String(c.value))));
  return out.join('\n');
};

describe('the decree as an XLSX', () => {
  it('holds the decree text, and one row per recipient with the NIK as text and the total with its words', async () => {
    const input = decree(30); // 30 × 1.500.000
    const wb = await load(await renderDecreeXlsx(input));
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Keputusan', 'Lampiran']);

    const text = texts(wb.getWorksheet('Keputusan')!);
    expect(text).toContain('KEPUTUSAN WALIKOTA PASURUAN');
    expect(text).toContain('NOMOR 188.45/412/423.011/2026');
    expect(text).toContain('Rp45.000.000,- (empat puluh lima juta rupiah)');
    expect(text).toContain('pada tanggal 2 Desember 2026');
    expect(text).toContain('ADI WIBOWO');

    const ws = wb.getWorksheet('Lampiran')!;
    expect(texts(ws)).toContain('NOMOR : 188.45/412/423.011/2026');
    expect(ws.getRow(LAMPIRAN_HEADER_ROW).values).toEqual([undefined, ...LAMPIRAN_COLUMNS]);
    input.recipients.forEach((r, i) => {
      const row = ws.getRow(LAMPIRAN_HEADER_ROW + 1 + i);
      expect(row.getCell(1).value).toBe(i + 1);
      expect(row.getCell(2).value).toBe(r.name);
      // a 16-digit NIK as a number would lose its last digit in Excel: it must be a string cell
      expect(row.getCell(3).type).toBe(ExcelJS.ValueType.String);
      expect(row.getCell(3).value).toBe(r.nik);
      expect(row.getCell(4).value).toBe(r.address);
      expect(row.getCell(5).value).toBe(1_500_000);
      expect(row.getCell(6).value).toBe(r.reference);
    });
    const totalRow = ws.getRow(LAMPIRAN_HEADER_ROW + 31);
    expect(totalRow.getCell(1).value).toBe('JUMLAH (30 penerima)');
    const sum = `SUM(E${LAMPIRAN_HEADER_ROW + 1}:E${LAMPIRAN_HEADER_ROW + 30})`;
    expect(totalRow.getCell(5).value).toEqual({ formula: sum, result: 45_000_000 });
    expect(ws.getRow(LAMPIRAN_HEADER_ROW + 32).getCell(1).value).toBe('Terbilang: Empat Puluh Lima Juta Rupiah');
    // printed with the header on every page
    expect(ws.pageSetup.printTitlesRow).toBe(`${LAMPIRAN_HEADER_ROW}:${LAMPIRAN_HEADER_ROW}`);
  });

  it('sums mixed amounts exactly', async () => {
    const input = decree(3);
    input.recipients[0].amount = '2.750.000';
    input.recipients[1].amount = 300_000n;
    input.recipients[2].amount = '1000000';
    const ws = (await load(await renderDecreeXlsx(input))).getWorksheet('Lampiran')!;
    expect(ws.getRow(LAMPIRAN_HEADER_ROW + 4).getCell(5).value).toMatchObject({ result: 4_050_000 });
    expect(ws.getRow(LAMPIRAN_HEADER_ROW + 5).getCell(1).value).toBe('Terbilang: Empat Juta Lima Puluh Ribu Rupiah');
  });
});

describe('a document whose reader goes away', () => {
  /** A response whose client disconnects after the first bytes. */
  const leaving = () => {
    let chunks = 0;
    return new Writable({
      write(_c, _e, cb) {
        if (++chunks === 2) this.destroy();
        cb();
      },
    });
  };

  it('rejects with OutputClosedError, checked at each pause so the rest is not drawn for nobody', async () => {
    await expect(writeDecreePdf(decree(3000), leaving())).rejects.toBeInstanceOf(OutputClosedError);
    await expect(writeDecreeXlsx(decree(3000), leaving())).rejects.toBeInstanceOf(OutputClosedError);
  });
});
