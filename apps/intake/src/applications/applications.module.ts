import { Module } from '@nestjs/common';
import { CalendarModule } from '../calendar/calendar.module.js';
import { CatalogModule } from '../catalog/catalog.module.js';
import { CompleteReturnedHandler } from './complete-returned/complete-returned.handler.js';
import { CompleteReturnedMessageController } from './complete-returned/complete-returned.message.controller.js';
import { FilingWarningsMessageController } from './filing-warnings/filing-warnings.message.controller.js';
import { FilingWarningsService } from './filing-warnings/filing-warnings.service.js';
import { CaseDecidedConsumer } from './decide-verification/case-decided.consumer.js';
import { DisbursementEventsConsumer } from './follow-disbursement/disbursement-events.consumer.js';
import { DisbursementProgressRepository } from './follow-disbursement/disbursement-progress.repository.js';
import { DisbursementProgressService } from './follow-disbursement/disbursement-progress.service.js';
import { OverdueSweeper } from './flag-overdue/overdue-sweeper.js';
import { ApplicationQueries } from './get-application/application.queries.js';
import { GetApplicationMessageController } from './get-application/get-application.message.controller.js';
import { ApplicationSubmittedConsumer } from './register-application/application-submitted.consumer.js';
import { FilingBatcher } from './register-application/filing-batcher.js';
import { RegisterApplicationHandler } from './register-application/register-application.handler.js';
import { RegisterApplicationMessageController } from './register-application/register-application.message.controller.js';
import { SubmissionChecker } from './register-application/submission-checker.js';
import { CaseOpenedConsumer } from './start-verification/case-opened.consumer.js';
import { TransitionApplicationMessageController } from './transition-application/transition-application.message.controller.js';
import { TransitionHandler } from './transition-application/transition.handler.js';

@Module({
  imports: [CatalogModule, CalendarModule],
  controllers: [
    RegisterApplicationMessageController,
    GetApplicationMessageController,
    TransitionApplicationMessageController,
    CompleteReturnedMessageController,
    FilingWarningsMessageController,
  ],
  providers: [
    SubmissionChecker,
    RegisterApplicationHandler,
    FilingBatcher,
    ApplicationSubmittedConsumer,
    TransitionHandler,
    CaseOpenedConsumer,
    CaseDecidedConsumer,
    ApplicationQueries,
    OverdueSweeper,
    CompleteReturnedHandler,
    FilingWarningsService,
    DisbursementProgressRepository,
    DisbursementProgressService,
    DisbursementEventsConsumer,
  ],
})
export class ApplicationsModule {}
