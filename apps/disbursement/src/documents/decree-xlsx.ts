/**
 * The decree and its attachment as an XLSX to print and sign (and for the officer to check):
 * sheet "Keputusan" with the decree's text, sheet "Lampiran" with one row per recipient, the
 * total (a SUM formula with its computed value) and the total in words. Streams with exceljs.
 */
import type { Writable } from 'node:stream';
import { type DecreeInput, type PreparedDecree, decreeArticles, prepareDecree } from './decree.js';
import { displayNik, excelAmount, formatAmount } from './format.js';
import {
  AMOUNT_FMT,
  HEADER_FILL,
  type Sheet,
  TEXT_FMT,
  THIN,
  type Pause,
  YIELD_EVERY,
  printSetup,
  workbookBuffer,
  writeWorkbook,
} from './xlsx.js';

/** Row of the attachment's table header (1-based); data rows follow it. */
export const LAMPIRAN_HEADER_ROW = 8;
export const LAMPIRAN_COLUMNS = ['No', 'Nama', 'NIK', 'Alamat', 'Jumlah (Rp)', 'Nomor Tiket'] as const;

/** Writes the decree's XLSX into `out` (ended when done). */
export async function writeDecreeXlsx(input: DecreeInput, out: Writable): Promise<void> {
  const d = prepareDecree(input);
  await writeWorkbook(out, async (wb, pause) => {
    decreeSheet(wb.addWorksheet('Keputusan'), d);
    await lampiranSheet(wb.addWorksheet('Lampiran'), d, pause);
  });
}

/** The decree's XLSX as one Buffer. */
export function renderDecreeXlsx(input: DecreeInput): Promise<Buffer> {
  return workbookBuffer((out) => writeDecreeXlsx(input, out));
}

function line(ws: Sheet, text: string, opts: { bold?: boolean; center?: boolean; from?: string; to?: string; height?: number } = {}): void {
  const row = ws.addRow([]);
  const from = `${opts.from ?? 'A'}${row.number}`;
  const to = `${opts.to ?? 'F'}${row.number}`;
  ws.mergeCells(`${from}:${to}`);
  const cell = ws.getCell(from);
  cell.value = text;
  cell.font = { bold: !!opts.bold, size: 11 };
  cell.alignment = { horizontal: opts.center ? 'center' : 'left', vertical: 'top', wrapText: true };
  if (opts.height) row.height = opts.height;
  row.commit();
}

/** Height for a wrapped text in a merged cell about `chars` characters wide (Excel does not grow merged rows). */
const heightFor = (text: string, chars: number) => Math.max(15, Math.ceil(text.length / chars) * 15);

function labelled(ws: Sheet, label: string, items: string[], marker?: (i: number) => string): void {
  items.forEach((item, i) => {
    const row = ws.addRow([i === 0 ? label : '', i === 0 ? ':' : '', marker ? `${marker(i)} ${item}` : item]);
    ws.mergeCells(`C${row.number}:F${row.number}`);
    row.getCell(3).alignment = { wrapText: true, vertical: 'top', horizontal: 'justify' };
    row.getCell(1).alignment = { vertical: 'top' };
    row.getCell(2).alignment = { vertical: 'top' };
    row.height = heightFor(item, 75);
    row.commit();
  });
}

function signature(ws: Sheet, d: PreparedDecree): void {
  ws.addRow([]).commit();
  line(ws, `Ditetapkan di ${d.input.place}`, { from: 'D' });
  line(ws, `pada tanggal ${d.dateText}`, { from: 'D' });
  line(ws, `${d.signatoryTitle},`, { from: 'D', bold: true });
  for (let i = 0; i < 4; i++) ws.addRow([]).commit();
  line(ws, d.input.signatory.name, { from: 'D', bold: true });
  if (d.input.signatory.nip) line(ws, `NIP. ${d.input.signatory.nip}`, { from: 'D' });
}

function decreeSheet(ws: Sheet, d: PreparedDecree): void {
  ws.columns = [{ width: 14 }, { width: 2 }, { width: 30 }, { width: 18 }, { width: 18 }, { width: 18 }];
  printSetup(ws);
  line(ws, d.office, { bold: true, center: true });
  ws.addRow([]).commit();
  line(ws, `KEPUTUSAN ${d.office}`, { bold: true, center: true });
  line(ws, `NOMOR ${d.input.decreeNumber}`, { center: true });
  line(ws, 'TENTANG', { bold: true, center: true });
  line(ws, d.input.subject.toUpperCase(), { bold: true, center: true, height: heightFor(d.input.subject, 90) });
  ws.addRow([]).commit();
  line(ws, 'DENGAN RAHMAT TUHAN YANG MAHA ESA', { bold: true, center: true });
  line(ws, `${d.office},`, { bold: true, center: true });
  ws.addRow([]).commit();
  if (d.input.considering?.length) labelled(ws, 'Menimbang', d.input.considering, (i) => `${String.fromCharCode(97 + (i % 26))}.`);
  if (d.input.observing?.length) labelled(ws, 'Mengingat', d.input.observing, (i) => `${i + 1}.`);
  line(ws, 'MEMUTUSKAN:', { bold: true, center: true });
  labelled(ws, 'Menetapkan', [`KEPUTUSAN ${d.office} TENTANG ${d.input.subject.toUpperCase()}.`]);
  for (const [label, text] of decreeArticles(d, formatAmount(d.total))) labelled(ws, label, [text]);
  signature(ws, d);
  ws.commit();
}

async function lampiranSheet(ws: Sheet, d: PreparedDecree, pause: Pause): Promise<void> {
  ws.columns = [
    { width: 6 },
    { width: 30 },
    { width: 19, style: { numFmt: TEXT_FMT } },
    { width: 48 },
    { width: 15, style: { numFmt: AMOUNT_FMT } },
    { width: 30, style: { numFmt: TEXT_FMT } },
  ];
  printSetup(ws, `${LAMPIRAN_HEADER_ROW}:${LAMPIRAN_HEADER_ROW}`, true);
  line(ws, `LAMPIRAN KEPUTUSAN ${d.office}`, { from: 'D' });
  line(ws, `NOMOR : ${d.input.decreeNumber}`, { from: 'D' });
  line(ws, `TANGGAL : ${d.dateText}`, { from: 'D' });
  line(ws, `TENTANG : ${d.input.subject.toUpperCase()}`, { from: 'D', height: heightFor(d.input.subject, 80) });
  ws.addRow([]).commit();
  line(ws, `DAFTAR PENERIMA ${d.input.subject.toUpperCase()}`, { bold: true, center: true });
  ws.addRow([]).commit();
  const header = ws.addRow([...LAMPIRAN_COLUMNS]);
  if (header.number !== LAMPIRAN_HEADER_ROW) throw new Error(`the attachment's header landed on row ${header.number}`);
  header.eachCell((c) => {
    c.font = { bold: true };
    c.fill = HEADER_FILL;
    c.border = THIN;
    c.alignment = { horizontal: 'center', vertical: 'middle' };
  });
  header.commit();
  for (let i = 0; i < d.recipients.length; i++) {
    const r = d.recipients[i];
    const row = ws.addRow([r.no, r.name, displayNik(r.nik, d.nikDisplay), r.address, excelAmount(r.amount), r.reference]);
    row.eachCell((c) => {
      c.border = THIN;
      c.alignment = { vertical: 'top', wrapText: true };
    });
    row.commit();
    if ((i + 1) % YIELD_EVERY === 0) await pause();
  }
  const first = LAMPIRAN_HEADER_ROW + 1;
  const last = LAMPIRAN_HEADER_ROW + d.recipients.length;
  const sum = { formula: `SUM(E${first}:E${last})`, result: excelAmount(d.total) };
  const total = ws.addRow([`JUMLAH (${d.recipients.length} penerima)`, '', '', '', sum, '']);
  ws.mergeCells(`A${total.number}:D${total.number}`);
  total.eachCell((c) => {
    c.font = { bold: true };
    c.border = THIN;
  });
  total.commit();
  line(ws, `Terbilang: ${d.totalWordsTitle}`, { bold: true });
  signature(ws, d);
  ws.commit();
}
