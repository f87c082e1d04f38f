/**
 * The bank's answer to the account-opening list: one row per person with the account number it
 * opened (or why not). Read from CSV or XLSX; every bad row is reported with its row number (as a
 * spreadsheet numbers it, the header being row 1 in a CSV), its column and the reason, in Bahasa
 * Indonesia, and good rows are still returned: the caller records those and shows the rest.
 *
 * An account number (or NIK) stored in an XLSX as a number is refused even when it looks right:
 * Excel keeps 15 significant digits and drops leading zeros, so a 16-digit NIK or an account
 * number "0012345678" has already been changed by the time we read it.
 */
import { createRequire } from 'node:module';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { NIK_RE } from './format.js';

const require = createRequire(import.meta.url);
// unzipper (a dependency; exceljs's own reader uses it): the central directory's declared sizes, read before inflating anything
const unzipper = require('unzipper') as {
  Open: { buffer(b: Buffer): Promise<{ files: Array<{ path: string; uncompressedSize: number }> }> };
};

export enum BankAnswerErrorCode {
  File = 'BANK_ANSWER_FILE',
  Header = 'BANK_ANSWER_HEADER',
  Missing = 'BANK_ANSWER_MISSING',
  NumericCell = 'BANK_ANSWER_NUMERIC_CELL',
  Format = 'BANK_ANSWER_FORMAT',
  UnknownReference = 'BANK_ANSWER_UNKNOWN_REFERENCE',
  NikMismatch = 'BANK_ANSWER_NIK_MISMATCH',
  Duplicate = 'BANK_ANSWER_DUPLICATE',
}

export interface BankAnswerRowError {
  /** the row as the file numbers it (1 = the first line of a CSV; the spreadsheet's row in an XLSX); 0 for the whole file */
  row: number;
  /** the column's header as written in the file, or '' for the whole row/file */
  column: string;
  code: BankAnswerErrorCode;
  /** in Bahasa Indonesia, for the officer */
  reason: string;
}

export interface BankAccountOpened {
  row: number;
  reference: string;
  nik: string;
  accountNumber: string;
  /** the name the bank opened the account under, when the answer has it */
  accountName: string | null;
}

export interface BankAccountRefused {
  row: number;
  reference: string;
  nik: string;
  /** the bank's reason (KETERANGAN), as written */
  reason: string;
}

export interface BankAnswer {
  accounts: BankAccountOpened[];
  /** rows where the bank says it opened no account (STATUS GAGAL/DITOLAK): not errors of the file */
  refused: BankAccountRefused[];
  errors: BankAnswerRowError[];
  /** expected references without an opened account or a refusal in this answer (absent, or only on bad rows): still to be answered */
  missing: string[];
  rows: number;
}

export interface BankAnswerOptions {
  /** the people sent to the bank: references are checked against them, and each NIK against its reference */
  expected?: Array<{ reference: string; nik: string }>;
  /** digits an account number has; 10 to 16 by default (set it to the bank's own, e.g. { min: 10, max: 10 }) */
  accountDigits?: { min: number; max: number };
  /** the largest file accepted, 10 MB by default */
  maxBytes?: number;
  /** the largest an XLSX may inflate to, 100 MB by default (declared sizes, checked before reading) */
  maxInflatedBytes?: number;
}

type CellKind = 'text' | 'number' | 'formula' | 'date' | 'other';
interface Cell {
  text: string;
  kind: CellKind;
}
interface Row {
  row: number;
  cells: Cell[];
}

/** The columns an answer must or may have, with the header spellings accepted for each (compared without case, spaces, _ . -). */
const COLUMNS = {
  reference: ['NOREFERENSI', 'REFERENSI', 'NOREF', 'REFERENCE', 'NOMORREFERENSI', 'NOTIKET', 'NOMORTIKET'],
  nik: ['NIK', 'NOKTP', 'NOMORINDUKKEPENDUDUKAN'],
  accountNumber: ['NOREKENING', 'NOMORREKENING', 'REKENING', 'NOREK', 'ACCOUNTNUMBER', 'ACCOUNTNO'],
  accountName: ['NAMAREKENING', 'NAMALENGKAP', 'NAMA', 'NAMANASABAH', 'ACCOUNTNAME'],
  status: ['STATUS', 'HASIL'],
  reason: ['KETERANGAN', 'ALASAN', 'REASON', 'REMARK'],
} as const;
type Field = keyof typeof COLUMNS;
const norm = (h: string) => h.toUpperCase().replace(/[\s_.\-/]/g, '');
const REFUSED = /^(GAGAL|DITOLAK|TOLAK|FAILED|REJECTED|TIDAK ?BERHASIL)$/i;

export class BankAnswerFileError extends Error {
  constructor(readonly error: BankAnswerRowError) {
    super(error.reason);
    this.name = 'BankAnswerFileError';
  }
}
const fileError = (reason: string, code = BankAnswerErrorCode.File) => new BankAnswerFileError({ row: 0, column: '', code, reason });

/**
 * Reads the bank's answer (`filename` decides CSV or XLSX; an XLSX is also recognised by its
 * bytes). A file that cannot be read at all (wrong format, too large, no header) gives one error
 * with row 0 and no rows.
 */
export async function parseBankAccountAnswer(data: Buffer, filename: string, opts: BankAnswerOptions = {}): Promise<BankAnswer> {
  let rows: Row[];
  try {
    const maxBytes = opts.maxBytes ?? 10 * 1024 * 1024;
    if (data.length > maxBytes) throw fileError(`berkas lebih besar dari ${Math.round(maxBytes / 1048576)} MB`);
    const isZip = data.subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x03, 0x04]));
    if (/\.xlsx$/i.test(filename) || isZip) rows = await xlsxRows(data, opts.maxInflatedBytes ?? 100 * 1024 * 1024);
    else if (/\.(csv|txt)$/i.test(filename)) rows = csvRows(data);
    else throw fileError('berkas harus CSV atau XLSX');
    return readRows(rows, opts);
  } catch (e) {
    if (e instanceof BankAnswerFileError) return { accounts: [], refused: [], errors: [e.error], missing: [], rows: 0 };
    throw e;
  }
}

function csvRows(data: Buffer): Row[] {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(data);
  } catch {
    throw fileError('berkas CSV bukan UTF-8: simpan ulang sebagai "CSV UTF-8"');
  }
  text = text.replace(/^\uFEFF/, '');
  const first = text.slice(0, text.search(/\r?\n|$/));
  const delimiter = [';', ',', '\t'].sort((a, b) => first.split(b).length - first.split(a).length)[0];
  let records: Array<{ record: string[]; info: { lines: number } }>;
  try {
    records = parse(text, { delimiter, info: true, relax_column_count: true, skip_empty_lines: true, trim: true }) as never;
  } catch (e) {
    const line = (e as { lines?: number }).lines ?? 0;
    throw fileError(`berkas CSV rusak di baris ${line}: ${(e as Error).message}`, BankAnswerErrorCode.Format);
  }
  return records.map((r) => ({ row: r.info.lines, cells: r.record.map((t) => ({ text: t, kind: 'text' as const })) }));
}

async function xlsxRows(data: Buffer, maxInflated: number): Promise<Row[]> {
  let inflated = 0;
  try {
    for (const f of (await unzipper.Open.buffer(data)).files) inflated += f.uncompressedSize;
  } catch {
    throw fileError('berkas XLSX rusak atau bukan XLSX');
  }
  if (inflated > maxInflated) throw fileError(`isi berkas XLSX terlalu besar (${Math.round(inflated / 1048576)} MB setelah dibuka)`);
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(data as unknown as ArrayBuffer);
  } catch {
    throw fileError('berkas XLSX rusak atau bukan XLSX');
  }
  const ws = wb.worksheets[0];
  if (!ws) throw fileError('berkas XLSX tidak memiliki lembar kerja');
  const rows: Row[] = [];
  ws.eachRow({ includeEmpty: false }, (row, number) => {
    const cells: Cell[] = [];
    for (let c = 1; c <= row.cellCount; c++) cells.push(xlsxCell(row.getCell(c)));
    if (cells.some((c) => c.text !== '')) rows.push({ row: number, cells });
  });
  return rows;
}

function xlsxCell(c: ExcelJS.Cell): Cell {
  switch (c.type) {
    case ExcelJS.ValueType.Null:
    case ExcelJS.ValueType.Merge:
      return { text: '', kind: 'text' };
    case ExcelJS.ValueType.String:
    case ExcelJS.ValueType.SharedString:
      return { text: String(c.value).trim(), kind: 'text' };
    case ExcelJS.ValueType.RichText:
      return {
        text: (c.value as ExcelJS.CellRichTextValue).richText
          .map((t) => t.text)
          .join('')
          .trim(),
        kind: 'text',
      };
    case ExcelJS.ValueType.Number:
      // the digits Excel kept: shown in the error, never used
      return { text: String(c.value), kind: 'number' };
    case ExcelJS.ValueType.Formula:
      return { text: String((c.value as ExcelJS.CellFormulaValue).result ?? ''), kind: 'formula' };
    case ExcelJS.ValueType.Date:
      return { text: String(c.text), kind: 'date' };
    default:
      return { text: String(c.text ?? ''), kind: 'other' };
  }
}

function readRows(rows: Row[], opts: BankAnswerOptions): BankAnswer {
  // the header is the first row (of the first ten) that names an account-number column: banks put a title above it
  const accountHeaders: readonly string[] = COLUMNS.accountNumber;
  const headerAt = rows.slice(0, 10).findIndex((r) => r.cells.some((c) => accountHeaders.includes(norm(c.text))));
  if (headerAt < 0) {
    throw fileError('kolom NO_REKENING tidak ditemukan di baris judul (lihat README, "Bank files")', BankAnswerErrorCode.Header);
  }
  const header = rows[headerAt].cells.map((c) => c.text);
  const col = {} as Record<Field, number>;
  for (const field of Object.keys(COLUMNS) as Field[]) {
    col[field] = header.findIndex((h) => (COLUMNS[field] as readonly string[]).includes(norm(h)));
  }
  // NAMA_REKENING is preferred to NAMA when both are present
  const exactName = header.findIndex((h) => norm(h) === 'NAMAREKENING');
  if (exactName >= 0) col.accountName = exactName;
  if (col.reference < 0 && col.nik < 0) {
    throw fileError('berkas harus memiliki kolom NO_REFERENSI atau NIK untuk mencocokkan penerima', BankAnswerErrorCode.Header);
  }
  const expectedByRef = opts.expected ? new Map(opts.expected.map((e) => [e.reference, e.nik])) : null;
  const refByNik = opts.expected ? new Map(opts.expected.map((e) => [e.nik, e.reference])) : null;
  const digits = opts.accountDigits ?? { min: 10, max: 16 };
  const result: BankAnswer = { accounts: [], refused: [], errors: [], missing: [], rows: rows.length - headerAt - 1 };
  const seenRef = new Map<string, number>();
  const seenAccount = new Map<string, number>();

  for (const r of rows.slice(headerAt + 1)) {
    const errors: BankAnswerRowError[] = [];
    const err = (field: Field, code: BankAnswerErrorCode, reason: string) => {
      errors.push({ row: r.row, column: header[col[field]] ?? '', code, reason });
    };
    const empty: Cell = { text: '', kind: 'text' };
    const cell = (field: Field): Cell => (col[field] >= 0 ? (r.cells[col[field]] ?? empty) : empty);
    const C = BankAnswerErrorCode;
    /** the column that names the person: NO_REFERENSI, or NIK when the answer has no reference */
    const who: Field = col.reference >= 0 ? 'reference' : 'nik';
    /** an identifier that must have come through as text */
    const ident = (field: Field, what: string): string | null => {
      const c = cell(field);
      if (c.kind === 'number') {
        err(
          field,
          C.NumericCell,
          `${what} tersimpan sebagai angka (${c.text}): Excel hanya menyimpan 15 digit dan membuang ` +
            'nol di depan, jadi nilainya mungkin sudah berubah. Format kolom sebagai Teks lalu isi ulang dari sumbernya',
        );
        return null;
      }
      if (c.kind === 'formula' || c.kind === 'date' || c.kind === 'other') {
        err(field, C.Format, `${what} harus berupa teks angka, bukan ${c.kind === 'formula' ? 'rumus' : 'tanggal atau nilai lain'}`);
        return null;
      }
      if (/^\d(\.\d+)?E\+\d+$/i.test(c.text)) {
        err(field, C.NumericCell, `${what} tertulis dalam notasi ilmiah (${c.text}): digitnya sudah hilang saat disimpan dari Excel`);
        return null;
      }
      // banks print account numbers grouped ("0012 345 678", "001-2345-678"): the digits are what counts
      return c.text.replace(/[\s-]/g, '');
    };

    let nik = col.nik >= 0 ? ident('nik', 'NIK') : null;
    if (nik !== null && col.nik >= 0) {
      if (nik === '') err('nik', BankAnswerErrorCode.Missing, 'NIK kosong');
      else if (!NIK_RE.test(nik)) err('nik', BankAnswerErrorCode.Format, `NIK harus 16 digit, tertulis "${nik}"`);
    }
    let reference = col.reference >= 0 ? cell('reference').text : '';
    if (col.reference >= 0 && reference === '') err('reference', BankAnswerErrorCode.Missing, 'NO_REFERENSI kosong');
    if (col.reference < 0 && nik && refByNik) reference = refByNik.get(nik) ?? '';
    if (reference && expectedByRef) {
      const expectedNik = expectedByRef.get(reference);
      if (expectedNik === undefined) err(who, C.UnknownReference, `${reference} tidak ada dalam daftar yang dikirim ke bank`);
      else if (nik && NIK_RE.test(nik) && nik !== expectedNik) err('nik', C.NikMismatch, `NIK tidak sama dengan NIK penerima ${reference}`);
      else if (!nik) nik = expectedNik;
    } else if (!reference && col.reference < 0 && nik && NIK_RE.test(nik) && refByNik) {
      err('nik', BankAnswerErrorCode.UnknownReference, 'NIK ini tidak ada dalam daftar yang dikirim ke bank');
    }
    if (reference) {
      if (seenRef.has(reference)) err(who, C.Duplicate, `penerima ${reference} sudah ada di baris ${seenRef.get(reference)}`);
      else seenRef.set(reference, r.row);
    }

    const status = cell('status').text;
    if (status && REFUSED.test(status)) {
      if (!errors.length) result.refused.push({ row: r.row, reference, nik: nik ?? '', reason: cell('reason').text || status });
      result.errors.push(...errors);
      continue;
    }
    const account = ident('accountNumber', 'Nomor rekening');
    if (account !== null) {
      const length = digits.min === digits.max ? `${digits.min}` : `${digits.min} sampai ${digits.max}`;
      if (account === '') {
        err('accountNumber', C.Missing, 'nomor rekening kosong (isi STATUS "GAGAL" dan KETERANGAN bila rekening tidak dibuka)');
      } else if (!/^\d+$/.test(account)) err('accountNumber', C.Format, `nomor rekening hanya boleh berisi angka, tertulis "${account}"`);
      else if (account.length < digits.min || account.length > digits.max) {
        err('accountNumber', C.Format, `nomor rekening harus ${length} digit, tertulis ${account.length} digit`);
      } else if (seenAccount.has(account)) {
        err('accountNumber', C.Duplicate, `nomor rekening yang sama sudah ada di baris ${seenAccount.get(account)}`);
      } else seenAccount.set(account, r.row);
    }
    if (errors.length) {
      result.errors.push(...errors);
      continue;
    }
    result.accounts.push({ row: r.row, reference, nik: nik ?? '', accountNumber: account!, accountName: cell('accountName').text || null });
  }
  if (expectedByRef) {
    const answered = new Set([...result.accounts, ...result.refused].map((a) => a.reference));
    result.missing = [...expectedByRef.keys()].filter((ref) => !answered.has(ref));
  }
  return result;
}
