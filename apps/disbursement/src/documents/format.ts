/**
 * Small formatting rules shared by the disbursement documents: Indonesian dates, amounts without
 * the currency sign, and CSV cells that Excel opens as text.
 */
import type { Writable } from 'node:stream';
import { finished } from 'node:stream/promises';
import { formatRupiah, maskNik, parseRupiah } from '#domain';

const MONTHS_ID = [
  'Januari',
  'Februari',
  'Maret',
  'April',
  'Mei',
  'Juni',
  'Juli',
  'Agustus',
  'September',
  'Oktober',
  'November',
  'Desember',
];

/** Why a document cannot be produced from its input (a programming or data error the caller reports). */
export class DocumentInputError extends Error {
  constructor(
    readonly code: 'DOCUMENT_INPUT_INVALID',
    message: string,
    readonly details: Array<{ path: string; message: string }> = [],
  ) {
    super(message);
    this.name = 'DocumentInputError';
  }
}

export type Detail = { path: string; message: string };

/** Throws the `DocumentInputError` for `what` listing the first 20 details in its message, and all of them in `details`. */
export function refuse(what: string, details: Detail[]): never {
  const shown = details
    .slice(0, 20)
    .map((d) => `${d.path} ${d.message}`)
    .join('; ');
  throw new DocumentInputError('DOCUMENT_INPUT_INVALID', `${what} cannot be produced: ${shown}`, details);
}

/** The output closed before the document was complete (a client that went away): the rest is not produced. */
export class OutputClosedError extends Error {
  constructor(cause?: unknown) {
    super('the output stream closed before the document was complete', { cause });
    this.name = 'OutputClosedError';
  }
}

/**
 * Watches a document's output stream. `done` resolves once it has finished; `pause()` yields to the
 * event loop (a large document keeps the service answering) and throws `OutputClosedError` once the
 * stream has closed or failed early. The early failure is caught at once: it is awaited only at
 * the end, and a rejection left unhandled while rows are still being drawn would stop the process.
 */
export function watchOutput(out: Writable): { done: Promise<void>; pause: () => Promise<void> } {
  let failure: unknown = null;
  const done = finished(out).catch((e: unknown) => {
    failure = e;
    throw new OutputClosedError(e);
  });
  done.catch(() => undefined);
  const pause = async () => {
    await new Promise<void>((r) => setImmediate(r));
    if (failure || (out.destroyed && !out.writableFinished)) throw new OutputClosedError(failure ?? undefined);
  };
  return { done, pause };
}

/** "2026-12-02" → "2 Desember 2026", as a decree writes its date. */
export function formatDateId(isoDate: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  if (!m || Number(m[2]) < 1 || Number(m[2]) > 12 || Number(m[3]) < 1 || Number(m[3]) > 31) {
    throw new DocumentInputError('DOCUMENT_INPUT_INVALID', `${JSON.stringify(isoDate)} is not a date (YYYY-MM-DD)`);
  }
  return `${Number(m[3])} ${MONTHS_ID[Number(m[2]) - 1]} ${m[1]}`;
}

/** "2026-03" → "Maret 2026". */
export function formatMonthId(yearMonth: string): string {
  const m = /^(\d{4})-(\d{2})$/.exec(yearMonth);
  if (!m || Number(m[2]) < 1 || Number(m[2]) > 12) {
    throw new DocumentInputError('DOCUMENT_INPUT_INVALID', `${JSON.stringify(yearMonth)} is not a month (YYYY-MM)`);
  }
  return `${MONTHS_ID[Number(m[2]) - 1]} ${m[1]}`;
}

/** 1500000n → "1.500.000" (a table column headed "Jumlah (Rp)"). */
export function formatAmount(v: bigint): string {
  return formatRupiah(v, 'id').replace('Rp', '');
}

/** A whole-Rupiah amount as bigint; a JS number is refused (money is never a float). */
export function toAmount(v: bigint | string, path: string): bigint {
  if (typeof v === 'bigint') {
    if (v < 0n) throw new DocumentInputError('DOCUMENT_INPUT_INVALID', `${path} is negative`, [{ path, message: 'must be 0 or more' }]);
    return v;
  }
  if (typeof v !== 'string') {
    throw new DocumentInputError('DOCUMENT_INPUT_INVALID', `${path} must be a bigint or a whole-Rupiah string, never a JS number`, [
      { path, message: 'must be a bigint or a whole-Rupiah string' },
    ]);
  }
  try {
    return parseRupiah(v);
  } catch (e) {
    throw new DocumentInputError('DOCUMENT_INPUT_INVALID', `${path}: ${(e as Error).message}`, [{ path, message: (e as Error).message }]);
  }
}

/**
 * An amount as an Excel number. Excel keeps numbers as doubles: beyond 2^53 a value would be
 * rounded, so it is refused rather than written wrong. Only at this output boundary does an
 * amount become a JS number.
 */
export function excelAmount(v: bigint): number {
  if (v > BigInt(Number.MAX_SAFE_INTEGER) || v < -BigInt(Number.MAX_SAFE_INTEGER)) {
    throw new DocumentInputError('DOCUMENT_INPUT_INVALID', `${v} is too large for an Excel number without rounding`);
  }
  return Number(v);
}

export const NIK_RE = /^\d{16}$/;

/** The NIK as the document shows it: in full (decree attachment, bank files) or masked (a published copy). */
export function displayNik(nik: string, mode: 'full' | 'masked'): string {
  return mode === 'masked' ? maskNik(nik) : nik;
}

/**
 * One CSV cell (RFC 4180): quoted when it holds the separator, a quote or a line break. A text
 * starting with = + - @ (or a tab/CR) gets a leading apostrophe so that a spreadsheet shows it
 * instead of running it as a formula (OWASP "CSV injection"); identifiers and amounts are
 * digits only and never need it.
 */
export function csvCell(value: string, sep: string, guardFormula = true): string {
  let v = value;
  if (guardFormula && /^[=+\-@\t\r]/.test(v)) v = `'${v}`;
  return v.includes(sep) || /["\r\n]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v;
}

/** One CSV line ending in CRLF (what banks' and Excel's importers expect). */
export function csvLine(cells: string[], sep: string, guard: boolean[] = []): string {
  return cells.map((c, i) => csvCell(c, sep, guard[i] ?? true)).join(sep) + '\r\n';
}
