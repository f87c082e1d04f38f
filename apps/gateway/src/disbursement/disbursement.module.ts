import { Module } from '@nestjs/common';
import { DisbursementController } from './disbursement.controller.js';
import { DisbursementDocumentsController } from './documents/disbursement-documents.controller.js';
import { DisbursementFilesService } from './documents/disbursement-files.service.js';

/** Budgets, proposals, decrees and requests to the finance office (answered by disbursement). */
@Module({ controllers: [DisbursementController, DisbursementDocumentsController], providers: [DisbursementFilesService] })
export class DisbursementModule {}
