import { describe, expect, it } from '@jest/globals';
import ExcelJS from 'exceljs';
import { DocumentInputError } from './format.js';
import { REALISATION_COLUMNS, REALISATION_HEADER_ROW, type RealisationRow, renderRealisationXlsx } from './realisation-xlsx.js';

const row = (over: Partial<RealisationRow>): RealisationRow => ({
  budgetLine: 'BTT-2026-01 Santunan Anak',
  source: 'APBD BTT',
  programme: 'SANTUNAN_ANAK',
  areaCode: '33.04.01',
  areaName: 'Susukan',
  month: '2026-03',
  committed: '0',
  paid: '0',
  returned: '0',
  ...over,
});

describe('the realisation report as XLSX', () => {
  it('lists each budget line, programme, area and month in order, with subtotals per line and the total', async () => {
    const rows = [
      row({
        budgetLine: 'JPST-2026-02 Rehsos',
        source: 'JPST',
        programme: 'BANSOS_REHSOS',
        month: '2026-04',
        committed: '9000000',
        paid: '6000000',
        returned: '0',
      }),
      row({ month: '2026-04', committed: 3_000_000n, paid: 1_500_000n, returned: 0n }),
      row({ month: '2026-03', committed: '45000000', paid: '42000000', returned: '1500000' }),
      row({
        areaCode: '33.04.02',
        areaName: 'Purwareja Klampok',
        month: '2026-03',
        committed: '1500000',
        paid: '0',
        returned: '0',
        remaining: '1500000',
      }),
    ];
    const wb = new ExcelJS.Workbook();
    const agencyName = 'Dinas Sosial Kabupaten Banjarnegara';
    const file = await renderRealisationXlsx({ agencyName, fiscalYear: 2026, asOf: '2026-12-02', rows });
    await wb.xlsx.load(file as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('Realisasi')!;
    expect(ws.getRow(1).getCell(1).value).toBe('LAPORAN REALISASI PENYALURAN BANTUAN TAHUN ANGGARAN 2026');
    expect(ws.getRow(2).getCell(1).value).toBe('Dinas Sosial Kabupaten Banjarnegara — keadaan per 2 Desember 2026');
    expect(ws.getRow(REALISATION_HEADER_ROW).values).toEqual([undefined, ...REALISATION_COLUMNS]);
    const body = [];
    for (let r = REALISATION_HEADER_ROW + 1; r <= ws.rowCount; r++) {
      const v = ws.getRow(r).values as unknown[];
      body.push([v[1], v[4] ?? '', v[6] ?? '', v[7], v[8], v[9], v[10]]);
    }
    expect(body).toEqual([
      ['BTT-2026-01 Santunan Anak', '33.04.01', 'Maret 2026', 45_000_000, 42_000_000, 1_500_000, 1_500_000],
      ['BTT-2026-01 Santunan Anak', '33.04.01', 'April 2026', 3_000_000, 1_500_000, 0, 1_500_000],
      ['BTT-2026-01 Santunan Anak', '33.04.02', 'Maret 2026', 1_500_000, 0, 0, 1_500_000],
      ['Subtotal BTT-2026-01 Santunan Anak', '', '', 49_500_000, 43_500_000, 1_500_000, 4_500_000],
      ['JPST-2026-02 Rehsos', '33.04.01', 'April 2026', 9_000_000, 6_000_000, 0, 3_000_000],
      ['Subtotal JPST-2026-02 Rehsos', '', '', 9_000_000, 6_000_000, 0, 3_000_000],
      ['JUMLAH', '', '', 58_500_000, 49_500_000, 1_500_000, 7_500_000],
    ]);
  });

  it('refuses a JS number or a bad month, naming the row and field', async () => {
    const err = await renderRealisationXlsx({
      agencyName: 'X',
      fiscalYear: 2026,
      asOf: '2026-12-02',
      rows: [row({ committed: 1.5 as unknown as bigint }), row({ month: '2026-13' })],
    }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DocumentInputError);
    expect((err as DocumentInputError).details.map((d) => d.path)).toEqual(['rows[0].committed', 'rows[1].month']);
  });
});
