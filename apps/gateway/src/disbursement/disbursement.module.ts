import { Module } from '@nestjs/common';
import { DisbursementController } from './disbursement.controller.js';
import { HandoverController } from './handover/handover.controller.js';
import { ScheduleController } from './schedule/schedule.controller.js';

/** Budgets, proposals, decrees, requests to the finance office, the schedule and the handovers (answered by disbursement). */
@Module({ controllers: [DisbursementController, ScheduleController, HandoverController] })
export class DisbursementModule {}
