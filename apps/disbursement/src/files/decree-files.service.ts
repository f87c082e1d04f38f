import { Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { DataSource } from 'typeorm';
import {
  BANK_ANSWER_MAX_BYTES,
  FULL_NIK_ROLES,
  type Actor,
  type BankAnswerImportView,
  type DecreeDocumentFormat,
  type NikDisplay,
  type StoredFileView,
} from '#contracts';
import { findAgency, loadAreaIndex, type AreaIndex } from '#domain';
import { requireCanChange, requireCovers, requireRole } from '#platform';
import { DecreeRepository, type DecreeRow } from '../decrees/decree.repository.js';
import { DisbursementError, DisbursementErrorCode } from '../disbursement.error.js';
import {
  accountOpeningCsv,
  decreeIssuerOf,
  DocumentInputError,
  paymentFileCsv,
  parseBankAccountAnswer,
  prepareDecree,
  writeAccountOpeningXlsx,
  writeDecreePdf,
  writeDecreeXlsx,
  type AccountOpeningRow,
  type DecreeInput,
} from '../documents/index.js';
import { FileStore } from './file-store.js';
import { FilesRepository, type DocumentLineRow } from './files.repository.js';

/** Dinsos staff who read decrees (and so their masked documents). */
export const DECREE_READERS = ['FRONT_OFFICE', 'VERIFIER', 'HEAD', 'FINANCE', 'ADMIN'] as const;
/** Who imports the bank's answer: the treasurer (bendahara), who deals with the bank. */
export const BANK_ANSWER_ROLES = ['FINANCE'] as const;

const PDF = 'application/pdf';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const CSV = 'text/csv; charset=utf-8';

/** A decree number as part of a file name: "188.45/12/KEP/2026" → "188.45-12-KEP-2026". */
export function fileNamePart(s: string): string {
  return (
    s
      .replace(/[^A-Za-z0-9._-]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 120) || 'SK'
  );
}

/** A document's input error as disbursement's error (422 naming each field to complete); anything else unchanged. */
function asApiError(e: unknown): unknown {
  if (e instanceof DocumentInputError) {
    return new DisbursementError(DisbursementErrorCode.DocumentInputInvalid, e.message, e.details.slice(0, 100));
  }
  return e;
}

/**
 * A decree's documents and bank files: the decree with its attachment (PDF, XLSX), the
 * collective account-opening list (CSV, XLSX), the payment file (CSV), and the import of the
 * bank's answer (the account numbers onto the decree's lines). Each file is checked whole, then
 * written into the files bucket; the answer names the object for the gateway to stream out.
 */
@Injectable()
export class DecreeFilesService {
  private areas?: Promise<AreaIndex>;

  constructor(
    private readonly ds: DataSource,
    private readonly decrees: DecreeRepository,
    private readonly files: FilesRepository,
    private readonly store: FileStore,
  ) {}

  private async decree(actor: Actor, id: string): Promise<DecreeRow> {
    const d = await this.decrees.get(this.ds.manager, id);
    if (!d) throw new DisbursementError(DisbursementErrorCode.DecreeNotFound, `No decree ${id}`);
    requireCovers(actor, d.agency_code, 'this decree');
    return d;
  }

  private view(
    d: DecreeRow,
    file: { objectName: string; size: number },
    o: Partial<StoredFileView> & Pick<StoredFileView, 'fileName' | 'contentType'>,
  ): StoredFileView {
    return { ...file, agencyCode: d.agency_code, label: d.decree_number, count: d.count, total: d.total, ...o };
  }

  /** The decree and its attachment (lampiran) as PDF or XLSX; full NIKs for FULL_NIK_ROLES only. */
  async decreeDocument(actor: Actor, id: string, format: DecreeDocumentFormat, nik: NikDisplay): Promise<StoredFileView> {
    requireRole(actor, ...DECREE_READERS);
    if (nik === 'full') requireRole(actor, ...FULL_NIK_ROLES);
    const d = await this.decree(actor, id);
    // a province reads its regencies' decrees, masked: the full NIKs stay with the agency that decreed
    if (nik === 'full') requireCanChange(actor, d.agency_code, 'the full NIKs of this decree');
    const agencyName = findAgency(d.agency_code)?.name ?? '';
    const issuer = decreeIssuerOf(agencyName);
    if (!issuer) {
      throw new DisbursementError(
        DisbursementErrorCode.DocumentInputInvalid,
        `The decree's issuer cannot be told from the agency's name "${agencyName}" (Kota, Kabupaten or Provinsi …)`,
        [{ path: 'agencyCode', message: `agency ${d.agency_code} names no regency, city or province` }],
      );
    }
    const lines = await this.files.lines(this.ds.manager, d.id);
    const lineName = await this.files.budgetLineName(this.ds.manager, d.budget_line_id);
    const region = issuer.regionName.toLowerCase().replace(/(^|\s)(\p{L})/gu, (_m, sp: string, c: string) => sp + c.toUpperCase());
    const kind = issuer.issuer === 'WALIKOTA' ? 'Kota' : issuer.issuer === 'BUPATI' ? 'Kabupaten' : 'Provinsi';
    const input: DecreeInput = {
      issuer: issuer.issuer,
      regionName: issuer.regionName,
      decreeNumber: d.decree_number,
      decreeDate: d.decree_date,
      place: region,
      subject: `Penerima ${lineName || d.service_code} Tahun Anggaran ${d.fiscal_year}`,
      budgetSource: `${d.budget_line_source.replaceAll('_', ' ')} ${kind} ${region} Tahun Anggaran ${d.fiscal_year}`,
      signatory: { name: d.signatory },
      recipients: lines.map((l) => ({
        name: l.name,
        nik: l.nik,
        address: l.address?.trim() || '-',
        amount: l.amount,
        reference: l.ticket_number ?? undefined,
      })),
      nikDisplay: nik,
    };
    try {
      // checked whole before the first byte is stored
      prepareDecree(input);
      const file = await this.store.write((out) => (format === 'pdf' ? writeDecreePdf(input, out) : writeDecreeXlsx(input, out)));
      return this.view(d, file, {
        fileName: `SK-${fileNamePart(d.decree_number)}${nik === 'masked' ? '-disamarkan' : ''}.${format}`,
        contentType: format === 'pdf' ? PDF : XLSX,
      });
    } catch (e) {
      throw asApiError(e);
    }
  }

  private async openingRow(l: DocumentLineRow): Promise<AccountOpeningRow> {
    const areas = await (this.areas ??= loadAreaIndex().catch((e: unknown) => {
      this.areas = undefined;
      throw e;
    }));
    const village = l.village_code ?? '';
    const district = areas.parentOf(village);
    const city = district ? areas.parentOf(district) : undefined;
    return {
      reference: l.ticket_number ?? '',
      nik: l.nik,
      kkNumber: l.kk_number ?? undefined,
      name: l.name,
      birthDate: l.birth_date ?? '',
      sex: l.sex as 'M' | 'F',
      address: l.address ?? '',
      villageCode: village,
      villageName: areas.name(village),
      districtName: district ? areas.name(district) : undefined,
      cityName: city ? areas.name(city) : undefined,
      phone: l.phone ?? undefined,
    };
  }

  /** The collective account-opening list of the decree's recipients not yet paid nor given up, CSV (`;` by default) or XLSX. */
  async accountOpening(actor: Actor, id: string, format: 'csv' | 'xlsx', separator: ';' | ','): Promise<StoredFileView> {
    requireRole(actor, ...FULL_NIK_ROLES);
    const d = await this.decree(actor, id);
    // the bank files are the agency's own dealings with its bank, full NIKs in them: not a province's
    requireCanChange(actor, d.agency_code, 'the bank files of this decree');
    const lines = await this.files.lines(this.ds.manager, d.id, ['PENDING', 'FAILED']);
    const rows: AccountOpeningRow[] = [];
    for (const l of lines) rows.push(await this.openingRow(l));
    const base = `Pembukaan-Rekening-SK-${fileNamePart(d.decree_number)}`;
    try {
      if (format === 'csv') {
        const file = await this.store.put(Buffer.from(accountOpeningCsv(rows, { separator }), 'utf8'));
        return this.view(d, file, { fileName: `${base}.csv`, contentType: CSV, count: rows.length, total: null });
      }
      const file = await this.store.write((out) => writeAccountOpeningXlsx(rows, out));
      return this.view(d, file, { fileName: `${base}.xlsx`, contentType: XLSX, count: rows.length, total: null });
    } catch (e) {
      throw asApiError(e);
    }
  }

  /**
   * The payment file of the decree (CSV): every recipient not yet paid nor given up, with the
   * account the bank answered; its count and exact total for the treasurer to check.
   */
  async paymentFile(actor: Actor, id: string, separator: ';' | ','): Promise<StoredFileView> {
    requireRole(actor, ...FULL_NIK_ROLES);
    const d = await this.decree(actor, id);
    requireCanChange(actor, d.agency_code, 'the bank files of this decree');
    const lines = await this.files.lines(this.ds.manager, d.id, ['PENDING', 'FAILED']);
    try {
      const p = paymentFileCsv(
        {
          decreeNumber: d.decree_number,
          lines: lines.map((l) => ({
            reference: l.ticket_number ?? '',
            nik: l.nik,
            accountName: l.bank_account_name ?? l.name,
            accountNumber: l.bank_account,
            amount: l.amount,
          })),
        },
        { separator },
      );
      const file = await this.store.put(Buffer.from(p.csv, 'utf8'));
      return this.view(d, file, {
        fileName: `Pembayaran-SK-${fileNamePart(d.decree_number)}.csv`,
        contentType: CSV,
        count: p.count,
        total: p.total,
      });
    } catch (e) {
      throw asApiError(e);
    }
  }

  /**
   * Reads the bank's answer (uploaded into the files bucket by the gateway) and records each
   * account on its decree line, in one transaction with the decree locked: good rows are
   * recorded, bad ones reported; a line already requested or paid keeps its account; the same
   * file again changes nothing.
   */
  async importBankAnswer(actor: Actor, id: string, objectName: string, fileName: string): Promise<BankAnswerImportView> {
    requireRole(actor, ...BANK_ANSWER_ROLES);
    const d = await this.decree(actor, id);
    requireCanChange(actor, d.agency_code, 'this decree');
    const data = await this.store.read(objectName);
    if (!data) {
      throw new DisbursementError(DisbursementErrorCode.UploadNotFound, `The uploaded file ${objectName} is not (or no longer) there`, [
        { path: 'file', message: 'upload the file again' },
      ]);
    }
    const sha256 = createHash('sha256').update(data).digest('hex');
    return this.ds.transaction(async (m) => {
      await this.decrees.get(m, id, true);
      const expected = (await this.files.lines(m, id))
        .filter((l) => l.ticket_number)
        .map((l) => ({ reference: l.ticket_number!, nik: l.nik }));
      const a = await parseBankAccountAnswer(data, fileName, { expected, maxBytes: BANK_ANSWER_MAX_BYTES });
      const fatal = a.errors.find((e) => e.row === 0);
      if (fatal) {
        const code = fatal.code === 'BANK_ANSWER_HEADER' ? DisbursementErrorCode.BankAnswerHeader : DisbursementErrorCode.BankAnswerFile;
        throw new DisbursementError(code, `The bank's answer cannot be read: ${fatal.reason}`, [{ path: 'file', message: fatal.reason }]);
      }
      const { recorded, locked } = await this.files.recordAccounts(
        m,
        id,
        a.accounts.map((x) => ({ reference: x.reference, accountNumber: x.accountNumber, accountName: x.accountName })),
      );
      await this.files.recordImport(m, {
        decreeId: id,
        sha256,
        fileName,
        rows: a.rows,
        accounts: a.accounts.length,
        recorded,
        refused: a.refused.length,
        errors: a.errors.length,
        by: actor.username,
      });
      return {
        decreeId: id,
        decreeNumber: d.decree_number,
        agencyCode: d.agency_code,
        fileName,
        sha256,
        accounts: a.accounts.length,
        recorded,
        unchanged: a.accounts.length - recorded - locked,
        locked,
        refused: a.refused.map((r) => ({ row: r.row, reference: r.reference, reason: r.reason })),
        errors: a.errors.map((e) => ({ row: e.row, column: e.column, code: e.code, reason: e.reason })),
        missing: a.missing,
        rows: a.rows,
      };
    });
  }
}
