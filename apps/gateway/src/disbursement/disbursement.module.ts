import { Module } from '@nestjs/common';
import { DisbursementController } from './disbursement.controller.js';

/** Budgets, proposals, decrees and requests to the finance office (answered by disbursement). */
@Module({ controllers: [DisbursementController] })
export class DisbursementModule {}
