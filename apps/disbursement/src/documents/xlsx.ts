/** exceljs's streaming writer, set up the same way for every workbook the documents write. */
import { PassThrough, type Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import { watchOutput } from './format.js';

export type Sheet = ExcelJS.Worksheet;

export const THIN: Partial<ExcelJS.Borders> = {
  top: { style: 'thin' },
  left: { style: 'thin' },
  bottom: { style: 'thin' },
  right: { style: 'thin' },
};
/** Thousands grouped, no decimals: Rupiah has no sen in use */
export const AMOUNT_FMT = '#,##0';
/** A text cell: NIKs, account numbers and tickets must never become numbers (Excel keeps 15 digits) */
export const TEXT_FMT = '@';
export const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE6E6E6' } };

/** Rows written between two yields to the event loop. */
export const YIELD_EVERY = 500;
/** Yields to the event loop; throws once the output has closed early. */
export type Pause = () => Promise<void>;

/**
 * Opens a streaming workbook on `out`, lets `fill` add and commit its sheets, and resolves once
 * the last byte is written. Rows are committed as they are written, so memory stays flat.
 */
export async function writeWorkbook(
  out: Writable,
  fill: (wb: ExcelJS.stream.xlsx.WorkbookWriter, pause: Pause) => Promise<void>,
): Promise<void> {
  const { done, pause } = watchOutput(out);
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  wb.creator = 'Sigap';
  await fill(wb, pause);
  await wb.commit();
  await done;
}

/** A workbook as one Buffer (tests, small files). */
export async function workbookBuffer(write: (out: Writable) => Promise<unknown>): Promise<Buffer> {
  const chunks: Buffer[] = [];
  const sink = new PassThrough();
  sink.on('data', (c: Buffer) => chunks.push(c));
  await write(sink);
  return Buffer.concat(chunks);
}

/** A4 portrait, fitted to the page's width, the header rows repeated on every printed page. */
export function printSetup(ws: Sheet, repeatRows?: string, landscape = false): void {
  ws.pageSetup = {
    paperSize: 9,
    orientation: landscape ? 'landscape' : 'portrait',
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    margins: { left: 0.6, right: 0.5, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
    ...(repeatRows ? { printTitlesRow: repeatRows } : {}),
  };
  ws.headerFooter = { oddFooter: '&L&8&A&R&8Halaman &P dari &N' };
}
