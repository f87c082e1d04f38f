import { Module } from '@nestjs/common';
import { RegistryModule } from '../registry/registry.module.js';
import { RulesModule } from '../rules/rules.module.js';
import { AreaNames } from './area-names.js';
import { AssessCaseHandler } from './assess-case/assess-case.handler.js';
import { AssessCaseMessageController } from './assess-case/assess-case.message.controller.js';
import { AssessOpenedCasesWorker } from './assess-case/assess-opened-cases.worker.js';
import { RecheckCasesWorker } from './assess-case/recheck-cases.worker.js';
import { AssignTaskHandler } from './assign-task/assign-task.handler.js';
import { AssignTaskMessageController } from './assign-task/assign-task.message.controller.js';
import { CaseRepository } from './case.repository.js';
import { DecideCaseService } from './decide-case/decide-case.service.js';
import { GetCaseMessageController } from './get-case/get-case.message.controller.js';
import { GetCaseQuery } from './get-case/get-case.query.js';
import { ListCasesMessageController } from './list-cases/list-cases.message.controller.js';
import { ListTasksMessageController } from './list-tasks/list-tasks.message.controller.js';
import { ApplicationReceivedConsumer } from './open-case/application-received.consumer.js';
import { RecipientPaidConsumer } from './record-payment/recipient-paid.consumer.js';
import { ApplicationStatusChangedConsumer } from './close-case/application-status-changed.consumer.js';
import { RecordVisitHandler } from './record-visit/record-visit.handler.js';
import { RecordVisitMessageController } from './record-visit/record-visit.message.controller.js';
import { SettleRuleHandler } from './settle-rule/settle-rule.handler.js';
import { VisitAttachmentsHandler } from './visit-attachments/visit-attachments.handler.js';
import { VisitAttachmentsMessageController } from './visit-attachments/visit-attachments.message.controller.js';
import { SettleRuleMessageController } from './settle-rule/settle-rule.message.controller.js';

/** Verification cases: opened per registered application, assessed, verified in the field, decided. */
@Module({
  imports: [RulesModule, RegistryModule],
  controllers: [
    ListCasesMessageController,
    GetCaseMessageController,
    AssessCaseMessageController,
    ListTasksMessageController,
    AssignTaskMessageController,
    RecordVisitMessageController,
    SettleRuleMessageController,
    VisitAttachmentsMessageController,
  ],
  providers: [
    AreaNames,
    CaseRepository,
    GetCaseQuery,
    AssessCaseHandler,
    AssessOpenedCasesWorker,
    RecheckCasesWorker,
    DecideCaseService,
    AssignTaskHandler,
    RecordVisitHandler,
    SettleRuleHandler,
    VisitAttachmentsHandler,
    ApplicationReceivedConsumer,
    RecipientPaidConsumer,
    ApplicationStatusChangedConsumer,
  ],
})
export class CasesModule {}
