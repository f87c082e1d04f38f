import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  DECREE_DOCUMENT_FORMATS,
  NIK_DISPLAYS,
  Rpc,
  type Actor,
  type BankAnswerImportView,
  type DecreeDocumentFormat,
  type NikDisplay,
  type RealisationView,
  type StoredFileView,
} from '#contracts';
import { DomainError } from '#platform';
import { uuidOf } from '../common/validate.js';
import { DecreeFilesService } from './decree-files.service.js';
import { RealisationService } from './realisation.service.js';

/** One of `allowed`, or 400 naming `path` (a service trusts no caller). */
function oneOf<T extends string>(value: unknown, allowed: readonly T[], path: string): T {
  if (typeof value === 'string' && (allowed as readonly string[]).includes(value)) return value as T;
  throw DomainError.validation([{ path, message: `${path} must be one of ${allowed.join(', ')}` }]);
}

/** A decree's documents and bank files, the bank's answer, the realisation report (files through the files bucket). */
@Controller()
export class FilesMessageController {
  constructor(
    private readonly files: DecreeFilesService,
    private readonly realisation: RealisationService,
  ) {}

  @MessagePattern(Rpc.disbursement.decreeDocument)
  decreeDocument(@Payload() b: { actor: Actor; id: string; format: DecreeDocumentFormat; nik: NikDisplay }): Promise<StoredFileView> {
    return this.files.decreeDocument(
      b.actor,
      uuidOf(b.id, 'id'),
      oneOf(b.format, DECREE_DOCUMENT_FORMATS, 'format'),
      oneOf(b.nik, NIK_DISPLAYS, 'nik'),
    );
  }

  @MessagePattern(Rpc.disbursement.accountOpeningFile)
  accountOpening(@Payload() b: { actor: Actor; id: string; format: 'csv' | 'xlsx'; separator?: ';' | ',' }): Promise<StoredFileView> {
    return this.files.accountOpening(
      b.actor,
      uuidOf(b.id, 'id'),
      oneOf(b.format, ['csv', 'xlsx'] as const, 'format'),
      oneOf(b.separator ?? ';', [';', ','] as const, 'separator'),
    );
  }

  @MessagePattern(Rpc.disbursement.paymentFile)
  paymentFile(@Payload() b: { actor: Actor; id: string; separator?: ';' | ',' }): Promise<StoredFileView> {
    return this.files.paymentFile(b.actor, uuidOf(b.id, 'id'), oneOf(b.separator ?? ';', [';', ','] as const, 'separator'));
  }

  @MessagePattern(Rpc.disbursement.importBankAnswer)
  importBankAnswer(@Payload() b: { actor: Actor; id: string; objectName: string; fileName: string }): Promise<BankAnswerImportView> {
    if (typeof b.objectName !== 'string' || typeof b.fileName !== 'string')
      throw DomainError.validation([{ path: 'file', message: 'file is required' }]);
    return this.files.importBankAnswer(b.actor, uuidOf(b.id, 'id'), b.objectName, b.fileName.slice(0, 255));
  }

  @MessagePattern(Rpc.disbursement.realisation)
  realisationReport(
    @Payload() b: { actor: Actor; fiscalYear: number; agencyCode?: string; format: 'json' | 'xlsx' },
  ): Promise<RealisationView | StoredFileView> {
    if (!Number.isInteger(b.fiscalYear) || b.fiscalYear < 2000 || b.fiscalYear > 2200)
      throw DomainError.validation([{ path: 'fiscalYear', message: 'fiscalYear must be a year like 2026' }]);
    const format = oneOf(b.format ?? 'json', ['json', 'xlsx'] as const, 'format');
    return format === 'xlsx'
      ? this.realisation.xlsx(b.actor, b.fiscalYear, b.agencyCode || undefined)
      : this.realisation.view(b.actor, b.fiscalYear, b.agencyCode || undefined);
  }
}
