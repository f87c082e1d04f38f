/**
 * The CPU-heavy part of a registry import (CSV or .xlsx), on a thread of its own: the file's chunks come
 * in as they are read from the Object Store, and out go, per batch of rows, the rows' COPY text
 * (as bytes, ready for the socket), their rejections and counts. The import's own thread keeps
 * the Object Store reading, the COPY stream and the database writes, so parsing and checking
 * one stretch of the file runs beside the COPY of the one before (two cores: Node and Postgres).
 * One import at a time per worker; messages are answered in order.
 */
import { Readable } from 'node:stream';
import { parentPort } from 'node:worker_threads';
import type { RegistryFileFormat, RegistryRowError } from '#contracts';
import { loadAreaIndex } from '#domain';
import { FileFormatError, readRegistryFile } from '../file/registry-file.js';
import { copyLine, mapHeader, RegistryRowValidator, type ColumnMap } from '../file/registry-row.js';

/** To the worker. */
export type LoadRequest =
  | { type: 'start'; format: RegistryFileFormat; areaCode: string; today: string; snapshotId: string; xlsxMaxUnpackedBytes: number }
  | { type: 'chunk'; data: Uint8Array }
  | { type: 'end' };

/** From the worker. */
export type LoadReply =
  /** one more chunk taken from the queue: the sender may send another */
  | { type: 'took' }
  | { type: 'rows'; copy: Uint8Array[]; errors: RegistryRowError[]; read: number; accepted: number; rejected: number }
  | { type: 'missing'; missing: string[] }
  | { type: 'done'; empty: boolean }
  | { type: 'failed'; format: boolean; message: string };

// COPY text is handed over this much at a time: a larger string (and the Buffer made of it) is a
// V8 large object or an mmap of its own per write, measured here at several times the cost
const COPY_CHUNK_CHARS = 32 * 1024;

const port = parentPort!;
let queue: Array<Uint8Array | null> = [];
let wake: (() => void) | undefined;

port.on('message', (m: LoadRequest) => {
  if (m.type === 'start') {
    queue = [];
    void run(m).catch((e: unknown) => {
      port.postMessage({
        type: 'failed',
        format: e instanceof FileFormatError,
        message: e instanceof Error ? e.message : String(e),
      } satisfies LoadReply);
    });
    return;
  }
  queue.push(m.type === 'chunk' ? m.data : null);
  wake?.();
});

async function* chunks(): AsyncGenerator<Uint8Array> {
  for (;;) {
    while (!queue.length) await new Promise<void>((r) => (wake = r));
    wake = undefined;
    const c = queue.shift()!;
    if (c === null) return;
    port.postMessage({ type: 'took' } satisfies LoadReply);
    yield Buffer.from(c.buffer, c.byteOffset, c.byteLength);
  }
}

async function run(start: Extract<LoadRequest, { type: 'start' }>): Promise<void> {
  const validator = new RegistryRowValidator(await loadAreaIndex(), start.areaCode, start.today);
  let columns: ColumnMap | undefined;
  for await (const batch of readRegistryFile(Readable.from(chunks(), { objectMode: false }), start.format, {
    maxUnpackedBytes: start.xlsxMaxUnpackedBytes,
  })) {
    let read = 0;
    let accepted = 0;
    let rejected = 0;
    const errors: RegistryRowError[] = [];
    const parts: Buffer[] = [];
    let buf = '';
    for (const r of batch) {
      if (!columns) {
        const header = mapHeader(r.values);
        if (!header.ok) {
          port.postMessage({ type: 'missing', missing: header.missing } satisfies LoadReply);
          // the rest of the file is not read: the import fails
          return;
        }
        columns = header.columns;
        continue;
      }
      read++;
      if (r.problem) {
        // a record the reader could not read (registry-csv.ts): the row is reported, the file goes on
        errors.push({ row: r.row, field: 'record', message: r.problem });
        rejected++;
        continue;
      }
      const before = errors.length;
      const person = validator.check(r.values, columns, r.row, errors, r.numeric);
      if (person) {
        accepted++;
        buf += copyLine(start.snapshotId, person);
        if (buf.length >= COPY_CHUNK_CHARS) {
          parts.push(Buffer.from(buf));
          buf = '';
        }
      } else if (errors.length > before) {
        rejected++;
      }
    }
    if (buf) parts.push(Buffer.from(buf));
    // Buffers of their own (not slices of Node's pool) are handed over rather than copied
    const own = parts.filter((b) => b.byteOffset === 0 && b.byteLength === b.buffer.byteLength).map((b) => b.buffer as ArrayBuffer);
    port.postMessage({ type: 'rows', copy: parts, errors, read, accepted, rejected } satisfies LoadReply, own);
  }
  port.postMessage({ type: 'done', empty: !columns } satisfies LoadReply);
}
