/**
 * The realisation report (laporan realisasi) as XLSX: per budget line, programme, area and month,
 * what was committed, paid, returned and what remains, with a subtotal per budget line and a grand
 * total. The rows are given (the disbursement service aggregates them); sums are bigint.
 */
import type { Writable } from 'node:stream';
import { type Detail, type DocumentInputError, excelAmount, formatDateId, formatMonthId, refuse, toAmount } from './format.js';
import { AMOUNT_FMT, HEADER_FILL, TEXT_FMT, THIN, YIELD_EVERY, printSetup, workbookBuffer, writeWorkbook } from './xlsx.js';

export interface RealisationRow {
  /** the budget line (pagu) as users know it: "BTT-2026-01 Santunan Anak" */
  budgetLine: string;
  /** APBD BTT, JPST, APBN, … */
  source?: string;
  /** the service standard: "SANTUNAN_ANAK" or its name */
  programme: string;
  /** Kemendagri code of the area (regency, district or village) */
  areaCode: string;
  areaName?: string;
  /** YYYY-MM */
  month: string;
  committed: bigint | string;
  paid: bigint | string;
  returned: bigint | string;
  /** what remains; committed − paid − returned when not given */
  remaining?: bigint | string;
}

export interface RealisationReportInput {
  /** "Dinas Sosial Kota Pasuruan" */
  agencyName: string;
  fiscalYear: number;
  /** YYYY-MM-DD, printed under the title */
  asOf: string;
  rows: RealisationRow[];
}

export const REALISATION_COLUMNS = [
  'Pagu',
  'Sumber Dana',
  'Program',
  'Kode Wilayah',
  'Wilayah',
  'Bulan',
  'Komitmen (Rp)',
  'Dibayar (Rp)',
  'Dikembalikan (Rp)',
  'Sisa (Rp)',
] as const;
export const REALISATION_HEADER_ROW = 4;

interface Prepared {
  row: RealisationRow;
  sums: [bigint, bigint, bigint, bigint];
}

function prepare(input: RealisationReportInput): Prepared[] {
  const details: Detail[] = [];
  const out: Prepared[] = [];
  input.rows.forEach((r, i) => {
    const p = `rows[${i}]`;
    for (const f of ['budgetLine', 'programme', 'areaCode'] as const) {
      if (!r[f]?.trim()) details.push({ path: `${p}.${f}`, message: 'is required' });
    }
    if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(r.month ?? '')) details.push({ path: `${p}.month`, message: 'must be YYYY-MM' });
    try {
      const committed = toAmount(r.committed, `${p}.committed`);
      const paid = toAmount(r.paid, `${p}.paid`);
      const returned = toAmount(r.returned, `${p}.returned`);
      const remaining = r.remaining === undefined ? committed - paid - returned : toAmount(r.remaining, `${p}.remaining`);
      out.push({ row: r, sums: [committed, paid, returned, remaining] });
    } catch (e) {
      details.push(...((e as DocumentInputError).details ?? []));
    }
  });
  if (details.length) refuse('the realisation report', details);
  const key = (p: Prepared) => [p.row.budgetLine, p.row.programme, p.row.areaCode, p.row.month];
  return out.sort((a, b) => {
    const ka = key(a);
    const kb = key(b);
    for (let i = 0; i < ka.length; i++) if (ka[i] !== kb[i]) return ka[i] < kb[i] ? -1 : 1;
    return 0;
  });
}

const add = (a: bigint[], b: bigint[]) => a.map((v, i) => v + b[i]) as [bigint, bigint, bigint, bigint];

/** Writes the realisation report into `out` (ended when done). */
export async function writeRealisationXlsx(input: RealisationReportInput, out: Writable): Promise<void> {
  const rows = prepare(input);
  const asOf = formatDateId(input.asOf);
  await writeWorkbook(out, async (wb, pause) => {
    const ws = wb.addWorksheet('Realisasi', { views: [{ state: 'frozen', ySplit: REALISATION_HEADER_ROW }] });
    ws.columns = [
      { width: 30 },
      { width: 12 },
      { width: 18 },
      { width: 15, style: { numFmt: TEXT_FMT } },
      { width: 22 },
      { width: 15 },
      ...[0, 1, 2, 3].map(() => ({ width: 17, style: { numFmt: AMOUNT_FMT } })),
    ];
    printSetup(ws, `${REALISATION_HEADER_ROW}:${REALISATION_HEADER_ROW}`, true);
    const title = ws.addRow([`LAPORAN REALISASI PENYALURAN BANTUAN TAHUN ANGGARAN ${input.fiscalYear}`]);
    title.font = { bold: true, size: 12 };
    title.commit();
    ws.addRow([`${input.agencyName} — keadaan per ${asOf}`]).commit();
    ws.addRow([]).commit();
    const header = ws.addRow([...REALISATION_COLUMNS]);
    header.eachCell((c) => {
      c.font = { bold: true };
      c.fill = HEADER_FILL;
      c.border = THIN;
      c.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    });
    header.commit();

    const amounts = (s: bigint[]) => s.map(excelAmount);
    const totalRow = (label: string, s: bigint[]) => {
      const row = ws.addRow([label, '', '', '', '', '', ...amounts(s)]);
      row.eachCell((c) => {
        c.font = { bold: true };
        c.border = THIN;
      });
      row.commit();
    };
    let grand: [bigint, bigint, bigint, bigint] = [0n, 0n, 0n, 0n];
    let sub: [bigint, bigint, bigint, bigint] = [0n, 0n, 0n, 0n];
    for (let i = 0; i < rows.length; i++) {
      const { row: r, sums } = rows[i];
      const labels = [r.budgetLine, r.source ?? '', r.programme, r.areaCode, r.areaName ?? '', formatMonthId(r.month)];
      const row = ws.addRow([...labels, ...amounts(sums)]);
      row.eachCell((c) => (c.border = THIN));
      row.commit();
      sub = add(sub, sums);
      grand = add(grand, sums);
      if (i === rows.length - 1 || rows[i + 1].row.budgetLine !== r.budgetLine) {
        totalRow(`Subtotal ${r.budgetLine}`, sub);
        sub = [0n, 0n, 0n, 0n];
      }
      if ((i + 1) % YIELD_EVERY === 0) await pause();
    }
    totalRow('JUMLAH', grand);
    ws.commit();
  });
}

/** The realisation report as one Buffer. */
export function renderRealisationXlsx(input: RealisationReportInput): Promise<Buffer> {
  return workbookBuffer((out) => writeRealisationXlsx(input, out));
}
