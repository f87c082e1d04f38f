/**
 * Reads a registry file as a stream of rows, never the whole file: CSV with its own small
 * RFC 4180 reader (registry-csv.ts; the delimiter, `,` `;` or tab, guessed from the header line), .xlsx through
 * registry-xlsx.ts (the first sheet, in bounded memory, its unpacked size capped). The first row yielded is the header.
 */
import type { Readable } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
import type { RegistryFileFormat } from '#contracts';
import { CsvRecordReader } from './registry-csv.js';
import { xlsxRows, type XlsxLimits } from './registry-xlsx.js';

export interface FileRow {
  /** the row's number as a spreadsheet shows it (the header is row 1) */
  row: number;
  values: string[];
  /** why the row cannot be read at all (a broken CSV record): a row error, `values` is empty */
  problem?: string;
  /** .xlsx: the positions of the cells the workbook stored as numbers (a NIK there has lost digits) */
  numeric?: number[];
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
export async function* readRegistryFile(input: Readable, format: RegistryFileFormat, limits: XlsxLimits = {}): AsyncGenerator<FileRow[]> {
  if (format === 'XLSX') yield* batched(xlsxRows(input, limits), 512);
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

/**
 * CSV records as the chunks arrive (registry-csv.ts): decoded 32 KB at a time and handed to the
 * reader, which keeps at most one unfinished record. Measured here at several times csv-parse's
 * rate, which its per-record stream events cap near 50,000 rows/s. A broken header row refuses
 * the file; any other broken record is a row error.
 */
async function* csvRows(input: Readable): AsyncGenerator<FileRow[]> {
  const decoder = new StringDecoder('utf8');
  const reader = new CsvRecordReader();
  let first = true;
  let header = true;
  const checked = (batch: FileRow[]): FileRow[] => {
    if (header && batch.length) {
      header = false;
      if (batch[0].problem) throw new FileFormatError(`the header row cannot be read: ${batch[0].problem}`);
    }
    return batch;
  };
  for await (const chunk of input as AsyncIterable<Buffer>) {
    if (first) {
      first = false;
      if (chunk.subarray(0, 4).equals(ZIP_MAGIC)) throw new FileFormatError('the file is an .xlsx workbook, not a CSV file');
    }
    const batch: FileRow[] = [];
    for (let off = 0; off < chunk.length; off += DECODE_BYTES) reader.push(decoder.write(chunk.subarray(off, off + DECODE_BYTES)), batch);
    if (batch.length) yield checked(batch);
  }
  const batch: FileRow[] = [];
  reader.push(decoder.end(), batch);
  reader.end(batch);
  if (batch.length) yield checked(batch);
}

/** The file is not what it claims to be. */
export class FileFormatError extends Error {}
