import { Module } from '@nestjs/common';
import { DisbursementController } from './disbursement.controller.js';
import { DisbursementDocumentsController } from './documents/disbursement-documents.controller.js';
import { DisbursementFilesService } from './documents/disbursement-files.service.js';
import { HandoverController } from './handover/handover.controller.js';
import { ScheduleController } from './schedule/schedule.controller.js';

/** Budgets, proposals, decrees, requests to the finance office, their documents and bank files, the schedule and the handovers (answered by disbursement). */
@Module({
  controllers: [DisbursementController, DisbursementDocumentsController, ScheduleController, HandoverController],
  providers: [DisbursementFilesService],
})
export class DisbursementModule {}
