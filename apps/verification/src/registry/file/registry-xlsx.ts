/**
 * The first sheet of an .xlsx registry export, row by row, in bounded memory whatever the
 * workbook holds. exceljs's own streaming reader is used for what it does well (the XML of the
 * sheet, the shared strings, the styles that tell a date from a number), but the zip's entries
 * are walked here, for three reasons:
 * - every byte the zip unpacks is counted, and a workbook that unpacks to more than the
 *   installation's cap (SIGAP_REGISTRY_XLSX_MAX_UNPACKED_BYTES) is refused as a zip bomb: a few
 *   MB of upload must not become gigabytes of XML to parse and disk to fill;
 * - the shared-string table goes to disk (xlsx-shared-strings.ts) instead of exceljs's
 *   in-memory cache: in a registry it holds every NIK, name and address;
 * - Excel writes the sheet before the shared strings and the styles; that sheet is spooled to a
 *   temporary file of the import (removed with it), read once the strings are known.
 * exceljs 4.4's WorkbookReader methods used here (`_parseSharedStrings`, `_parseStyles`,
 * `_parseWorkbook`, `_parseWorksheet`) are internal: the version is pinned, and the unit spec
 * beside this file reads a real workbook through them.
 */
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import ExcelJS from 'exceljs';
import { FileFormatError, type FileRow } from './registry-file.js';
import { SharedStringTable } from './xlsx-shared-strings.js';

const require = createRequire(import.meta.url);
// unzipper is what exceljs itself unzips with (the same version)
const unzipper = require('unzipper') as { Parse(opts: { forceStream: true }): NodeJS.ReadWriteStream & AsyncIterable<ZipEntry> };

interface ZipEntry extends Readable {
  path: string;
  type: 'File' | 'Directory';
  autodrain(): { promise(): Promise<void> };
}

/** The parts of exceljs's WorkbookReader this reader drives (exceljs 4.4, lib/stream/xlsx/workbook-reader.js). */
interface BookInternals {
  properties?: unknown;
  _parseSharedStrings(entry: Readable): AsyncGenerator<{ index: number; text: unknown }>;
  _parseStyles(entry: Readable): Promise<void>;
  _parseWorkbook(entry: Readable): Promise<void>;
  _parseWorksheet(iterator: Readable, sheetNo: string): Generator<{ eventType: string; value: AsyncIterable<ExcelJS.Row> }>;
}

/** The default cap on what an .xlsx may unpack to (a sheet holds at most 1,048,576 rows: well below this). */
export const DEFAULT_XLSX_MAX_UNPACKED_BYTES = 2 * 1024 ** 3;
/** More entries than any workbook of one sheet has: a zip of countless empty entries is refused too. */
const MAX_ENTRIES = 10_000;
const SHEET = /^xl\/worksheets\/sheet(\d+)\.xml$/;

export interface XlsxLimits {
  /** bytes the whole zip may unpack to */
  maxUnpackedBytes?: number;
  /** where the import's temporary files go (default: the OS's) */
  tmpDir?: string;
}

/** A cell's value as text; `numeric` when the workbook stored a number (its text is what Excel kept of it). */
export function cellText(v: unknown, strings?: SharedStringTable): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'number')
    return Number.isInteger(v) ? v.toLocaleString('en-US', { useGrouping: false, maximumFractionDigits: 0 }) : String(v);
  if (typeof v === 'boolean') return String(v);
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? '' : v.toISOString().slice(0, 10);
  if (typeof v === 'object') {
    const o = v as { sharedString?: number; richText?: Array<{ text: string }>; text?: unknown; result?: unknown; error?: unknown };
    if (o.sharedString !== undefined) return strings?.get(o.sharedString) ?? '';
    if (o.richText) return o.richText.map((t) => t.text ?? '').join('');
    if (o.text !== undefined) return cellText(o.text, strings);
    if (o.result !== undefined) return cellText(o.result, strings);
  }
  return '';
}

function isNumber(v: unknown): boolean {
  return typeof v === 'number' || (typeof v === 'object' && v !== null && typeof (v as { result?: unknown }).result === 'number');
}

/** A shared string's text: plain, or the runs of a rich text joined. */
function sharedText(t: unknown): string {
  if (typeof t === 'string') return t;
  if (t && typeof t === 'object' && Array.isArray((t as { richText?: unknown }).richText))
    return (t as { richText: Array<{ text?: string | null }> }).richText.map((r) => r.text ?? '').join('');
  return '';
}

/** The rows of the workbook's first sheet (empty rows skipped). */
export async function* xlsxRows(input: Readable, limits: XlsxLimits = {}): AsyncGenerator<FileRow> {
  const max = limits.maxUnpackedBytes ?? DEFAULT_XLSX_MAX_UNPACKED_BYTES;
  const dir = await mkdtemp(path.join(limits.tmpDir ?? os.tmpdir(), 'sigap-xlsx-'));
  const strings = new SharedStringTable(dir);
  // styles are read: without them a date cell is only its serial number
  const book = new ExcelJS.stream.xlsx.WorkbookReader(input, {
    sharedStrings: 'emit',
    styles: 'cache',
    hyperlinks: 'ignore',
    worksheets: 'emit',
    entries: 'ignore',
  }) as unknown as BookInternals;
  // the workbook's properties (its date system) come with xl/workbook.xml, which may follow the sheet
  book.properties = {};
  let unpacked = 0;
  const counted = (entry: Readable): Readable =>
    entry.pipe(
      new Transform({
        transform(chunk: Buffer, _enc, done) {
          unpacked += chunk.length;
          if (unpacked > max)
            done(
              new FileFormatError(
                `the workbook unpacks to more than ${max.toLocaleString('en-US')} bytes, the limit of this installation: it is refused (a zip bomb, or a workbook to split)`,
              ),
            );
          else done(null, chunk);
        },
      }),
    );
  const zip = input.pipe(unzipper.Parse({ forceStream: true }));
  input.on('error', (e) => (zip as unknown as Readable).destroy(e));
  let entries = 0;
  let sharedStrings = false;
  let styles = false;
  let sheet: { no: string; file?: string } | undefined;
  let done = false;
  try {
    for await (const entry of zip) {
      if (++entries > MAX_ENTRIES) throw new FileFormatError(`the workbook has more than ${MAX_ENTRIES} parts: it is refused`);
      const body = counted(entry);
      const match = SHEET.exec(entry.path);
      if (entry.path === 'xl/sharedStrings.xml') {
        for await (const s of book._parseSharedStrings(body)) strings.add(sharedText(s.text));
        sharedStrings = true;
      } else if (entry.path === 'xl/styles.xml') {
        await book._parseStyles(body);
        styles = true;
      } else if (entry.path === 'xl/workbook.xml') {
        await book._parseWorkbook(body);
      } else if (match && !sheet) {
        // the first sheet (CONTRACT.md): read now if what its cells refer to is known, else kept for later
        sheet = { no: match[1] };
        if (sharedStrings && styles) {
          yield* sheetRows(book, body, sheet.no, strings);
          done = true;
        } else {
          sheet.file = path.join(dir, 'sheet.xml');
          await pipeline(body, createWriteStream(sheet.file));
        }
      } else {
        // other parts (further sheets, themes, images) are unpacked and counted, not kept
        for await (const _ of body) void _;
      }
    }
    if (sheet?.file && !done) yield* sheetRows(book, createReadStream(sheet.file), sheet.no, strings);
  } finally {
    (zip as unknown as Readable).destroy?.();
    strings.close();
    await rm(dir, { recursive: true, force: true });
  }
}

async function* sheetRows(book: BookInternals, body: Readable, no: string, strings: SharedStringTable): AsyncGenerator<FileRow> {
  const [{ value: sheet }] = [...book._parseWorksheet(body, no)];
  for await (const r of sheet) {
    const raw = (r.values as unknown[]).slice(1);
    let numeric: number[] | undefined;
    const values = raw.map((v, i) => {
      if (isNumber(v)) (numeric ??= []).push(i);
      return cellText(v, strings);
    });
    if (values.every((v) => v === '')) continue;
    yield numeric ? { row: r.number, values, numeric } : { row: r.number, values };
  }
}
