/**
 * Reads a registry file as a stream of rows, never the whole file: CSV with its own small
 * RFC 4180 reader (the delimiter, `,` `;` or tab, guessed from the header line), .xlsx through
 * exceljs's streaming reader (the first sheet). The first row yielded is the header.
 */
import type { Readable } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
import ExcelJS from 'exceljs';
import type { RegistryFileFormat } from '#contracts';

export interface FileRow {
  /** the row's number as a spreadsheet shows it (the header is row 1) */
  row: number;
  values: string[];
}

const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
/**
 * A chunk is decoded this much at a time: the strings stay below V8's large-object size
 * (~128 KB), so they live in the young generation whose pages are reused, where a string per
 * 128 KB Object Store chunk is a large object with pages of its own: measured here, decoding
 * a 100 MB file took 1.3 s in 128 KB pieces and 0.03 s in 32 KB ones.
 */
const DECODE_BYTES = 32 * 1024;

/**
 * The rows of a registry file of the given format, in batches (one per chunk read: awaiting
 * each row alone would cost more than checking it).
 */
export async function* readRegistryFile(input: Readable, format: RegistryFileFormat): AsyncGenerator<FileRow[]> {
  if (format === 'XLSX') yield* batched(xlsxRows(input), 512);
  else yield* csvRows(input);
}

async function* batched(rows: AsyncGenerator<FileRow>, size: number): AsyncGenerator<FileRow[]> {
  let batch: FileRow[] = [];
  for await (const r of rows) {
    batch.push(r);
    if (batch.length >= size) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length) yield batch;
}

/** Which delimiter the header line uses: the most frequent of `,` `;` and tab. */
export function guessDelimiter(headerLine: string): string {
  const count = (ch: string) => headerLine.split(ch).length - 1;
  const candidates: Array<[string, number]> = [[',', count(',')], [';', count(';')], ['\t', count('\t')]];
  candidates.sort((a, b) => b[1] - a[1]);
  return candidates[0][1] > 0 ? candidates[0][0] : ',';
}

/**
 * One CSV record (RFC 4180: `"` quotes, `""` escapes a quote); the fast path splits a record
 * without quotes. A quote opens a quoted stretch wherever it stands and the next lone quote
 * closes it. Fields are cut with indexOf/slice rather than built a character at a time: a
 * string grown by `+=` per character is a rope that every later read has to flatten.
 */
export function parseCsvRecord(text: string, delimiter: string): string[] {
  let quote = text.indexOf('"');
  if (quote < 0) return text.split(delimiter);
  const n = text.length;
  const out: string[] = [];
  let field = '';
  let i = 0;
  for (;;) {
    let d = text.indexOf(delimiter, i);
    if (d < 0) d = n;
    if (quote >= 0 && quote < i) quote = text.indexOf('"', i);
    if (quote >= 0 && quote < d) {
      field += text.slice(i, quote);
      // inside quotes: up to the closing quote (an unclosed one runs to the end of the record)
      let j = quote + 1;
      for (;;) {
        const close = text.indexOf('"', j);
        if (close < 0) {
          field += text.slice(j);
          i = n;
          break;
        }
        if (text.charCodeAt(close + 1) === 34) {
          field += text.slice(j, close + 1);
          j = close + 2;
          continue;
        }
        field += text.slice(j, close);
        i = close + 1;
        break;
      }
      quote = i < n ? text.indexOf('"', i) : -1;
      continue;
    }
    out.push(field + text.slice(i, d));
    field = '';
    if (d >= n) return out;
    i = d + 1;
  }
}

function countQuotes(s: string, from: number, to: number): number {
  let n = 0;
  for (let i = s.indexOf('"', from); i >= 0 && i < to; i = s.indexOf('"', i + 1)) n++;
  return n;
}

/**
 * CSV records as the chunks arrive: a record ends at a line break outside quotes (a quoted
 * field may hold line breaks); the delimiter is guessed from the header line. Measured here at
 * several times csv-parse's rate, which its per-record stream events cap near 50,000 rows/s.
 */
async function* csvRows(input: Readable): AsyncGenerator<FileRow[]> {
  const decoder = new StringDecoder('utf8');
  let rest = '';
  let delimiter: string | undefined;
  let row = 0;
  let first = true;
  for await (const chunk of input as AsyncIterable<Buffer>) {
    if (first) {
      first = false;
      if (chunk.subarray(0, 4).equals(ZIP_MAGIC)) throw new FileFormatError('the file is an .xlsx workbook, not a CSV file');
    }
    const batch: FileRow[] = [];
    for (let off = 0; off < chunk.length; off += DECODE_BYTES) {
      let text = rest + decoder.write(chunk.subarray(off, off + DECODE_BYTES));
      if (row === 0 && text.charCodeAt(0) === 0xfeff) text = text.slice(1);
      let start = 0;
      for (;;) {
        let nl = text.indexOf('\n', start);
        if (nl < 0) break;
        // a line break inside quotes belongs to the field: extend to the next one
        let quotes = countQuotes(text, start, nl);
        while (quotes % 2 === 1) {
          const next = text.indexOf('\n', nl + 1);
          if (next < 0) break;
          quotes += countQuotes(text, nl, next);
          nl = next;
        }
        if (quotes % 2 === 1) break;
        const end = nl > start && text.charCodeAt(nl - 1) === 13 ? nl - 1 : nl;
        const line = text.slice(start, end);
        start = nl + 1;
        if (!line) continue;
        delimiter ??= guessDelimiter(line);
        row++;
        batch.push({ row, values: parseCsvRecord(line, delimiter) });
      }
      rest = text.slice(start);
    }
    if (batch.length) yield batch;
  }
  rest += decoder.end();
  const line = rest.replace(/\r$/, '');
  if (line) {
    delimiter ??= guessDelimiter(line);
    yield [{ row: row + 1, values: parseCsvRecord(line, delimiter) }];
  }
}

async function* xlsxRows(input: Readable): AsyncGenerator<FileRow> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(input, {
    // styles are read: without them a date cell is only its serial number
    sharedStrings: 'cache', hyperlinks: 'ignore', styles: 'cache', worksheets: 'emit', entries: 'emit',
  });
  for await (const sheet of reader) {
    for await (const r of sheet as AsyncIterable<ExcelJS.Row>) {
      const values = (r.values as unknown[]).slice(1).map(cellText);
      if (values.every((v) => v === '')) continue;
      yield { row: r.number, values };
    }
    // the first sheet only (CONTRACT.md)
    break;
  }
}

function cellText(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return Number.isInteger(v) ? v.toLocaleString('en-US', { useGrouping: false, maximumFractionDigits: 0 }) : String(v);
  if (typeof v === 'boolean') return String(v);
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? '' : v.toISOString().slice(0, 10);
  if (typeof v === 'object') {
    const o = v as { richText?: Array<{ text: string }>; text?: unknown; result?: unknown; error?: unknown };
    if (o.richText) return o.richText.map((t) => t.text).join('');
    if (o.text !== undefined) return cellText(o.text);
    if (o.result !== undefined) return cellText(o.result);
  }
  return '';
}

/** The file is not what it claims to be. */
export class FileFormatError extends Error {}
