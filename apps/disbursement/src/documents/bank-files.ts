/**
 * Files for the bank (seed 003: Bank Jatim): the collective account-opening list (pembukaan
 * rekening kolektif) as CSV and XLSX, and the payment file of a decree (CSV). Column names and
 * formats are documented in this folder's README ("Bank files"); `ACCOUNT_OPENING_COLUMNS` and
 * `PAYMENT_COLUMNS` are the one place they are defined.
 */
import type { Writable } from 'node:stream';
import { type Detail, type DocumentInputError, NIK_RE, csvLine, refuse, toAmount } from './format.js';
import { HEADER_FILL, TEXT_FMT, THIN, YIELD_EVERY, printSetup, workbookBuffer, writeWorkbook } from './xlsx.js';

export interface AccountOpeningRow {
  /** our reference the bank returns with the account number: the application's ticket number */
  reference: string;
  nik: string;
  kkNumber?: string;
  /** as on the KTP */
  name: string;
  birthPlace?: string;
  /** YYYY-MM-DD */
  birthDate: string;
  sex: 'M' | 'F';
  /** the bank's KYC asks for it; empty when the dossier does not hold it (the bank's officer fills it in) */
  motherName?: string;
  address: string;
  rt?: string;
  rw?: string;
  /** Kemendagri village code, dotted: 35.75.01.1001 */
  villageCode: string;
  villageName?: string;
  districtName?: string;
  cityName?: string;
  phone?: string;
}

export interface CsvOptions {
  /** ';' by default: what Excel with Indonesian regional settings opens directly */
  separator?: ',' | ';';
  /** a UTF-8 byte-order mark, so that Excel reads accented names right; off by default (bank importers often refuse it) */
  bom?: boolean;
}

/** The account-opening file's columns, in order: the CSV header and the XLSX header row. */
export const ACCOUNT_OPENING_COLUMNS = [
  'NO',
  'NO_REFERENSI',
  'NIK',
  'NO_KK',
  'NAMA_LENGKAP',
  'TEMPAT_LAHIR',
  'TANGGAL_LAHIR',
  'JENIS_KELAMIN',
  'NAMA_IBU_KANDUNG',
  'ALAMAT',
  'RT',
  'RW',
  'KODE_WILAYAH',
  'KELURAHAN_DESA',
  'KECAMATAN',
  'KABUPATEN_KOTA',
  'NO_HP',
] as const;
/** columns that hold identifiers or dates: digits, never guarded against formulas, text in XLSX */
const OPENING_IDENTIFIERS = new Set(['NO', 'NO_REFERENSI', 'NIK', 'NO_KK', 'TANGGAL_LAHIR', 'RT', 'RW', 'KODE_WILAYAH', 'NO_HP']);

function checkOpening(rows: AccountOpeningRow[]): void {
  const details: Detail[] = [];
  const refs = new Set<string>();
  rows.forEach((r, i) => {
    const p = `rows[${i}]`;
    if (!r.reference?.trim()) details.push({ path: `${p}.reference`, message: 'is required' });
    else if (refs.has(r.reference)) details.push({ path: `${p}.reference`, message: `repeats ${r.reference}` });
    refs.add(r.reference);
    if (!NIK_RE.test(r.nik ?? '')) details.push({ path: `${p}.nik`, message: 'must be 16 digits' });
    if (r.kkNumber && !NIK_RE.test(r.kkNumber)) details.push({ path: `${p}.kkNumber`, message: 'must be 16 digits' });
    if (!r.name?.trim()) details.push({ path: `${p}.name`, message: 'is required' });
    if (!/^\d{4}-\d{2}-\d{2}$/.test(r.birthDate ?? '')) details.push({ path: `${p}.birthDate`, message: 'must be YYYY-MM-DD' });
    if (r.sex !== 'M' && r.sex !== 'F') details.push({ path: `${p}.sex`, message: 'must be M or F' });
    if (!r.address?.trim()) details.push({ path: `${p}.address`, message: 'is required' });
    if (!/^\d{2}\.\d{2}\.\d{2}\.\d{4}$/.test(r.villageCode ?? '')) {
      details.push({ path: `${p}.villageCode`, message: 'must be a village code (35.75.01.1001)' });
    }
  });
  if (!rows.length) details.push({ path: 'rows', message: 'the list is empty' });
  if (details.length) refuse('the account-opening file', details);
}

function openingCells(r: AccountOpeningRow, i: number): string[] {
  return [
    String(i + 1),
    r.reference,
    r.nik,
    r.kkNumber ?? '',
    r.name.trim(),
    r.birthPlace ?? '',
    r.birthDate,
    r.sex === 'F' ? 'P' : 'L',
    r.motherName ?? '',
    r.address.trim(),
    r.rt ?? '',
    r.rw ?? '',
    r.villageCode,
    r.villageName ?? '',
    r.districtName ?? '',
    r.cityName ?? '',
    r.phone ?? '',
  ];
}

/** The collective account-opening list as CSV (header line, CRLF line ends, RFC 4180 quoting). */
export function accountOpeningCsv(rows: AccountOpeningRow[], opts: CsvOptions = {}): string {
  checkOpening(rows);
  const sep = opts.separator ?? ';';
  const guard = ACCOUNT_OPENING_COLUMNS.map((c) => !OPENING_IDENTIFIERS.has(c));
  let out =
    (opts.bom ? '\uFEFF' : '') +
    csvLine(
      [...ACCOUNT_OPENING_COLUMNS],
      sep,
      guard.map(() => false),
    );
  rows.forEach((r, i) => (out += csvLine(openingCells(r, i), sep, guard)));
  return out;
}

/** The collective account-opening list as XLSX: one sheet "Pembukaan Rekening", every cell text (identifiers keep their leading zeros). */
export async function writeAccountOpeningXlsx(rows: AccountOpeningRow[], out: Writable): Promise<void> {
  checkOpening(rows);
  await writeWorkbook(out, async (wb, pause) => {
    const ws = wb.addWorksheet('Pembukaan Rekening');
    ws.columns = ACCOUNT_OPENING_COLUMNS.map((c) => ({ width: Math.max(8, c.length + 2), style: { numFmt: TEXT_FMT } }));
    printSetup(ws, '1:1', true);
    const header = ws.addRow([...ACCOUNT_OPENING_COLUMNS]);
    header.eachCell((c) => {
      c.font = { bold: true };
      c.fill = HEADER_FILL;
      c.border = THIN;
    });
    header.commit();
    for (let i = 0; i < rows.length; i++) {
      ws.addRow(openingCells(rows[i], i)).commit();
      if ((i + 1) % YIELD_EVERY === 0) await pause();
    }
    ws.commit();
  });
}

/** The account-opening XLSX as one Buffer. */
export function renderAccountOpeningXlsx(rows: AccountOpeningRow[]): Promise<Buffer> {
  return workbookBuffer((out) => writeAccountOpeningXlsx(rows, out));
}

export interface PaymentLine {
  reference: string;
  nik: string;
  /** the account holder's name, as the bank's answer gave it (or the recipient's) */
  accountName: string;
  /** digits only; a line without one cannot be paid and is refused */
  accountNumber: string | null;
  amount: bigint | string;
}

export interface PaymentFileInput {
  decreeNumber: string;
  /** the transfer's remark (berita); defaults to "SK <decree number>" */
  remark?: string;
  lines: PaymentLine[];
}

export const PAYMENT_COLUMNS = ['NO', 'NO_REKENING', 'NAMA_REKENING', 'NOMINAL', 'NO_REFERENSI', 'NIK', 'BERITA'] as const;

export interface PaymentFile {
  csv: string;
  count: number;
  /** whole Rupiah, decimal string: what the treasurer checks against the decree */
  total: string;
}

/**
 * The payment file of a decree (CSV): one transfer per line, the amount in plain digits. Refuses
 * (naming each line) a line without an account number, with an amount of 0, a repeated reference
 * or a repeated account: a payment file never pays one person twice.
 */
export function paymentFileCsv(input: PaymentFileInput, opts: CsvOptions = {}): PaymentFile {
  const details: Detail[] = [];
  if (!input.decreeNumber?.trim()) details.push({ path: 'decreeNumber', message: 'is required' });
  const refs = new Set<string>();
  const accounts = new Map<string, number>();
  let total = 0n;
  const amounts: bigint[] = [];
  input.lines.forEach((l, i) => {
    const p = `lines[${i}]`;
    if (!l.reference?.trim()) details.push({ path: `${p}.reference`, message: 'is required' });
    else if (refs.has(l.reference)) details.push({ path: `${p}.reference`, message: `repeats ${l.reference}` });
    refs.add(l.reference);
    if (!NIK_RE.test(l.nik ?? '')) details.push({ path: `${p}.nik`, message: 'must be 16 digits' });
    if (!l.accountNumber) details.push({ path: `${p}.accountNumber`, message: 'is missing: the recipient has no bank account yet' });
    else if (!/^\d{6,20}$/.test(l.accountNumber)) details.push({ path: `${p}.accountNumber`, message: 'must be 6 to 20 digits' });
    else if (accounts.has(l.accountNumber)) {
      details.push({ path: `${p}.accountNumber`, message: `is also the account of lines[${accounts.get(l.accountNumber)}]` });
    } else accounts.set(l.accountNumber, i);
    if (!l.accountName?.trim()) details.push({ path: `${p}.accountName`, message: 'is required' });
    let amount = 0n;
    try {
      amount = toAmount(l.amount, `${p}.amount`);
      if (amount === 0n) details.push({ path: `${p}.amount`, message: 'must be more than 0' });
    } catch (e) {
      details.push(...(e as DocumentInputError).details);
    }
    amounts.push(amount);
    total += amount;
  });
  if (!input.lines.length) details.push({ path: 'lines', message: 'the payment file is empty' });
  if (details.length) refuse('the payment file', details);
  const sep = opts.separator ?? ';';
  const remark = input.remark?.trim() || `SK ${input.decreeNumber.trim()}`;
  const guard = [false, false, true, false, false, false, true];
  let csv =
    (opts.bom ? '\uFEFF' : '') +
    csvLine(
      [...PAYMENT_COLUMNS],
      sep,
      guard.map(() => false),
    );
  input.lines.forEach((l, i) => {
    csv += csvLine([String(i + 1), l.accountNumber!, l.accountName.trim(), amounts[i].toString(), l.reference, l.nik, remark], sep, guard);
  });
  return { csv, count: input.lines.length, total: total.toString() };
}
