import { Controller, Get, HttpCode, Param, Post, Query, Req, Res } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiBody,
  ApiConsumes,
  ApiOkResponse,
  ApiOperation,
  ApiPayloadTooLargeResponse,
  ApiProduces,
  ApiQuery,
  ApiTags,
} from '@nestjs/swagger';
import type { IncomingMessage, ServerResponse } from 'node:http';
import {
  BANK_ANSWER_MAX_BYTES,
  DECREE_DOCUMENT_FORMATS,
  FULL_NIK_ROLES,
  NIK_DISPLAYS,
  Rpc,
  type Actor,
  type BankAnswerImportView,
  type RealisationView,
  type StoredFileView,
} from '#contracts';
import { ServiceClient } from '#messaging';
import { DomainError } from '#platform';
import { AuditService } from '../../audit/audit.service.js';
import { ClientIp, CurrentActor } from '../../common/auth/actor.decorator.js';
import { Roles } from '../../common/auth/roles.decorator.js';
import { uuidParam } from '../../common/http/uuid-param.pipe.js';
import { DisbursementFilesService } from './disbursement-files.service.js';

/** Dinsos staff who read decrees (their masked documents too). */
const STAFF = ['FRONT_OFFICE', 'VERIFIER', 'HEAD', 'FINANCE', 'ADMIN'] as const;
const AGENCY = /^\d{2}(\.\d{2})?(\.[A-Z]{2,10})?$/;
/** A 20,000-recipient decree's PDF takes tens of seconds on a busy machine (documents README, "Figures"). */
const DOCUMENT_TIMEOUT_MS = 180_000;

function oneOf<T extends string>(value: string | undefined, allowed: readonly T[], path: string, fallback: T): T {
  if (value === undefined || value === '') return fallback;
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw DomainError.validation([{ path, message: `${path} must be one of ${allowed.join(', ')}` }]);
}

/** `separator=semicolon|comma` (or the characters themselves): the CSV's separator, `;` by default. */
function separatorOf(value: string | undefined): ';' | ',' {
  const v = oneOf(value, ['semicolon', 'comma', ';', ','] as const, 'separator', 'semicolon');
  return v === 'comma' || v === ',' ? ',' : ';';
}

/**
 * A decree's documents and bank files, the import of the bank's answer and the realisation
 * report (issue 12). Disbursement writes each file into the files bucket
 * (`sigap_disbursement_files`); this controller streams it out and deletes it. Every file with
 * NIKs that leaves, and every import, is in the audit trail.
 */
@ApiTags('disbursement')
@ApiBearerAuth()
@Controller('disbursement')
export class DisbursementDocumentsController {
  constructor(
    private readonly services: ServiceClient,
    private readonly files: DisbursementFilesService,
    private readonly audit: AuditService,
  ) {}

  @Get('decrees/:id/document')
  @Roles(...STAFF)
  @ApiOperation({
    summary: 'The decree (SK) and its attachment (lampiran) as PDF or XLSX, to print and sign',
    description:
      `\`nik=masked\` (the default) shows each NIK as ************0001, for anyone who reads decrees; \`nik=full\`, the copy that is signed, ` +
      `only for ${FULL_NIK_ROLES.join(', ')} (403 ROLE_REQUIRED otherwise). Every download is in the audit trail ` +
      '(DECREE_DOCUMENT_DOWNLOADED, with the format and the NIK display). A decree whose data cannot make the document is a 422 ' +
      'DOCUMENT_INPUT_INVALID naming each field.',
  })
  @ApiQuery({ name: 'format', required: false, enum: DECREE_DOCUMENT_FORMATS })
  @ApiQuery({ name: 'nik', required: false, enum: NIK_DISPLAYS })
  @ApiProduces('application/pdf', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
  @ApiOkResponse({ description: 'the file, as an attachment named after the decree' })
  async decreeDocument(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam('id')) id: string,
    @ClientIp() ip: string,
    @Res() res: ServerResponse,
    @Query('format') format?: string,
    @Query('nik') nik?: string,
  ): Promise<void> {
    const f = oneOf(format, DECREE_DOCUMENT_FORMATS, 'format', 'pdf');
    const n = oneOf(nik, NIK_DISPLAYS, 'nik', 'masked');
    const file = await this.services.call<StoredFileView>(
      Rpc.disbursement.decreeDocument,
      { actor, id, format: f, nik: n },
      { timeoutMs: DOCUMENT_TIMEOUT_MS },
    );
    await this.audit.record({
      actor,
      action: 'DECREE_DOCUMENT_DOWNLOADED',
      targetType: 'DECREE',
      targetId: id,
      targetLabel: file.label,
      agencyCode: file.agencyCode,
      ip,
      after: { format: f, nik: n, recipients: file.count, bytes: file.size },
    });
    await this.files.send(res, file);
  }

  @Get('decrees/:id/account-opening')
  @Roles(...FULL_NIK_ROLES)
  @ApiOperation({
    summary: 'The collective account-opening list (pembukaan rekening kolektif) of the decree’s recipients not yet paid, for the bank',
    description:
      'CSV (UTF-8, `;` by default, `separator=comma` for `,`) or XLSX (every cell text). Columns: apps/disbursement/src/documents/README.md, ' +
      '"Account-opening list". Full NIKs: HEAD, FINANCE, ADMIN only; audited (ACCOUNT_OPENING_FILE_DOWNLOADED). A recipient whose data the bank needs ' +
      'is missing (e.g. a birth date) is a 422 DOCUMENT_INPUT_INVALID naming the row and field.',
  })
  @ApiQuery({ name: 'format', required: false, enum: ['csv', 'xlsx'] })
  @ApiQuery({ name: 'separator', required: false, enum: ['semicolon', 'comma'] })
  @ApiProduces('text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
  async accountOpening(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam('id')) id: string,
    @ClientIp() ip: string,
    @Res() res: ServerResponse,
    @Query('format') format?: string,
    @Query('separator') separator?: string,
  ): Promise<void> {
    const f = oneOf(format, ['csv', 'xlsx'] as const, 'format', 'csv');
    const file = await this.services.call<StoredFileView>(
      Rpc.disbursement.accountOpeningFile,
      { actor, id, format: f, separator: separatorOf(separator) },
      { timeoutMs: DOCUMENT_TIMEOUT_MS },
    );
    await this.audit.record({
      actor,
      action: 'ACCOUNT_OPENING_FILE_DOWNLOADED',
      targetType: 'DECREE',
      targetId: id,
      targetLabel: file.label,
      agencyCode: file.agencyCode,
      ip,
      after: { format: f, recipients: file.count },
    });
    await this.files.send(res, file, { 'X-Sigap-Count': String(file.count) });
  }

  @Post('decrees/:id/bank-accounts')
  @HttpCode(200)
  @Roles('FINANCE')
  @ApiOperation({
    summary: 'Import the bank’s answer to the account-opening list: the account numbers go onto the decree’s recipients',
    description:
      `Multipart, part \`file\`: CSV (\`;\`, \`,\` or tab) or XLSX, at most ${BANK_ANSWER_MAX_BYTES / 1024 ** 2} MB (413 BANK_ANSWER_TOO_LARGE). ` +
      'Good rows are recorded, bad rows reported as `errors: [{row, column, code, reason}]` (codes BANK_ANSWER_*, reasons in Bahasa Indonesia); ' +
      '`refused` are the rows where the bank opened no account, `missing` the references sent without an answer. A recipient already requested ' +
      'or paid keeps the account in flight (`locked`). The same file imported again records nothing (`recorded: 0`). A file that cannot be read ' +
      'at all is a 400 BANK_ANSWER_FILE or BANK_ANSWER_HEADER. FINANCE of the decree’s own agency; audited (BANK_ANSWER_IMPORTED).',
  })
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: { type: 'object', required: ['file'], properties: { file: { type: 'string', format: 'binary' } } } })
  @ApiOkResponse({ description: '{ accounts, recorded, unchanged, locked, refused, errors, missing, rows, sha256 }' })
  @ApiPayloadTooLargeResponse({ description: 'the file is over the limit; nothing was imported' })
  async importBankAnswer(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam('id')) id: string,
    @ClientIp() ip: string,
    @Req() req: IncomingMessage,
  ): Promise<BankAnswerImportView> {
    const up = await this.files.receive(req);
    try {
      const r = await this.services.call<BankAnswerImportView>(
        Rpc.disbursement.importBankAnswer,
        { actor, id, objectName: up.objectName, fileName: up.fileName },
        { timeoutMs: 60_000 },
      );
      await this.audit.record({
        actor,
        action: 'BANK_ANSWER_IMPORTED',
        targetType: 'DECREE',
        targetId: id,
        targetLabel: r.decreeNumber,
        agencyCode: r.agencyCode,
        ip,
        after: {
          fileName: r.fileName,
          sha256: r.sha256,
          rows: r.rows,
          accounts: r.accounts,
          recorded: r.recorded,
          locked: r.locked,
          refused: r.refused.length,
          errors: r.errors.length,
          missing: r.missing.length,
        },
      });
      return r;
    } finally {
      await this.files.remove(up.objectName);
    }
  }

  @Get('decrees/:id/payment-file')
  @Roles(...FULL_NIK_ROLES)
  @ApiOperation({
    summary: 'The payment file of the decree (CSV) for the bank: one transfer per recipient not yet paid nor given up',
    description:
      'Columns: apps/disbursement/src/documents/README.md, "Payment file of a decree". The headers `X-Sigap-Count` and `X-Sigap-Total` ' +
      '(whole Rupiah) give what the treasurer checks against the decree. A recipient without an account number yet is a 422 ' +
      'DOCUMENT_INPUT_INVALID naming the line. Audited (PAYMENT_FILE_DOWNLOADED).',
  })
  @ApiQuery({ name: 'separator', required: false, enum: ['semicolon', 'comma'] })
  @ApiProduces('text/csv')
  async paymentFile(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam('id')) id: string,
    @ClientIp() ip: string,
    @Res() res: ServerResponse,
    @Query('separator') separator?: string,
  ): Promise<void> {
    const file = await this.services.call<StoredFileView>(
      Rpc.disbursement.paymentFile,
      { actor, id, separator: separatorOf(separator) },
      { timeoutMs: DOCUMENT_TIMEOUT_MS },
    );
    await this.audit.record({
      actor,
      action: 'PAYMENT_FILE_DOWNLOADED',
      targetType: 'DECREE',
      targetId: id,
      targetLabel: file.label,
      agencyCode: file.agencyCode,
      ip,
      after: { recipients: file.count, total: file.total },
    });
    await this.files.send(res, file, { 'X-Sigap-Count': String(file.count), 'X-Sigap-Total': file.total ?? '0' });
  }

  @Get('realisation')
  @Roles(...STAFF)
  @ApiOperation({
    summary:
      'The realisation (realisasi) of a fiscal year per budget line, programme, village and month: committed, paid, returned, remaining',
    description:
      'JSON (`RealisationView`: rows, byAgency, total; whole Rupiah as strings) or XLSX (`format=xlsx`, sheet Realisasi). The month is the ' +
      'decree’s; committed is what was decreed, returned what was given up, remaining the rest not yet paid. A province asking for itself ' +
      '(`agencyCode=61`) gets its regencies’ rows too; without agencyCode, every agency the caller sees.',
  })
  @ApiQuery({ name: 'fiscalYear', required: true })
  @ApiQuery({ name: 'agencyCode', required: false })
  @ApiQuery({ name: 'format', required: false, enum: ['json', 'xlsx'] })
  @ApiProduces('application/json', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
  async realisation(
    @CurrentActor() actor: Actor,
    @Res() res: ServerResponse,
    @Query('fiscalYear') fiscalYear?: string,
    @Query('agencyCode') agencyCode?: string,
    @Query('format') format?: string,
  ): Promise<void> {
    if (!fiscalYear || !/^\d{4}$/.test(fiscalYear))
      throw DomainError.validation([{ path: 'fiscalYear', message: 'fiscalYear is required, a year like 2026' }]);
    if (agencyCode && !AGENCY.test(agencyCode))
      throw DomainError.validation([{ path: 'agencyCode', message: 'agencyCode must be an agency code like 35.75 or 61' }]);
    const f = oneOf(format, ['json', 'xlsx'] as const, 'format', 'json');
    const payload = { actor, fiscalYear: Number(fiscalYear), agencyCode: agencyCode || undefined, format: f };
    if (f === 'json') {
      const view = await this.services.call<RealisationView>(Rpc.disbursement.realisation, payload, { timeoutMs: 60_000 });
      // the same route answers a file: the response is written here for both
      res.statusCode = 200;
      res.setHeader('Content-Type', 'application/json; charset=utf-8');
      res.end(JSON.stringify(view));
      return;
    }
    const file = await this.services.call<StoredFileView>(Rpc.disbursement.realisation, payload, { timeoutMs: DOCUMENT_TIMEOUT_MS });
    await this.files.send(res, file);
  }
}
