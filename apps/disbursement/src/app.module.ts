import { Module } from '@nestjs/common';
import { MESSAGING_MIGRATIONS, MessagingModule, RpcClientModule } from '#messaging';
import { DatabaseModule } from '#persistence';
import { PlatformModule } from '#platform';
import { BudgetLineRepository } from './budget-lines/budget-line.repository.js';
import { BudgetLinesMessageController } from './budget-lines/budget-lines.message.controller.js';
import { DecreeFilesService } from './files/decree-files.service.js';
import { FileStore } from './files/file-store.js';
import { FilesMessageController } from './files/files.message.controller.js';
import { FilesRepository } from './files/files.repository.js';
import { RealisationService } from './files/realisation.service.js';
import { disbursementConfig } from './config/disbursement.config.js';
import { TestRelaySwitch } from './config/test-relay-switch.js';
import { DecreeRepository } from './decrees/decree.repository.js';
import { DecreesMessageController } from './decrees/decrees.message.controller.js';
import { DecreesService } from './decrees/decrees.service.js';
import { Clock } from './config/clock.js';
import { HandoverMessageController } from './handover/handover.message.controller.js';
import { HandoverRepository } from './handover/handover.repository.js';
import { HandoverService } from './handover/handover.service.js';
import { CreateDisbursement1766300000000 } from './migrations/1766300000000-create-disbursement.js';
import { BankFiles1766600000000 } from './migrations/1766600000000-bank-files.js';
import { ScheduleHandover1766650000000 } from './migrations/1766650000000-schedule-handover.js';
import { RequestLinesWaiting1766750000000 } from './migrations/1766750000000-request-lines-waiting.js';
import { CaseDecidedConsumer } from './pool/case-decided.consumer.js';
import { DossierFetcher } from './pool/dossier-fetcher.js';
import { PoolRepository } from './pool/pool.repository.js';
import { ProposalRepository } from './proposals/proposal.repository.js';
import { ProposalsMessageController } from './proposals/proposals.message.controller.js';
import { ProposalsService } from './proposals/proposals.service.js';
import { RequestRepository } from './requests/request.repository.js';
import { RequestsService } from './requests/requests.service.js';
import { ScheduleMessageController } from './schedule/schedule.message.controller.js';
import { ScheduleRepository } from './schedule/schedule.repository.js';
import { ScheduleService } from './schedule/schedule.service.js';
import { DisbursementSettledConsumer } from './settlements/disbursement-settled.consumer.js';

// validated at start: a wrong setting stops the app, naming it
disbursementConfig();

/**
 * Disbursement: budget lines (pagu), the pool of verified applications, proposals and their
 * approval (which commits the money), decrees, requests to the finance office and its
 * settlements, the distribution schedule and the handover (BAST) of each paid recipient. Its
 * own schema, outbox and inbox; intake's dossiers and standards by request.
 */
@Module({
  imports: [
    PlatformModule.forService('disbursement'),
    DatabaseModule.forService({
      schema: 'disbursement',
      entities: [],
      migrations: [
        ...MESSAGING_MIGRATIONS,
        CreateDisbursement1766300000000,
        BankFiles1766600000000,
        ScheduleHandover1766650000000,
        RequestLinesWaiting1766750000000,
      ],
    }),
    MessagingModule.forService('disbursement'),
    RpcClientModule.forService('disbursement'),
  ],
  controllers: [
    BudgetLinesMessageController,
    ProposalsMessageController,
    DecreesMessageController,
    ScheduleMessageController,
    HandoverMessageController,
    FilesMessageController,
  ],
  providers: [
    BudgetLineRepository,
    PoolRepository,
    ProposalRepository,
    DecreeRepository,
    RequestRepository,
    ProposalsService,
    DecreesService,
    RequestsService,
    CaseDecidedConsumer,
    DossierFetcher,
    DisbursementSettledConsumer,
    TestRelaySwitch,
    Clock,
    ScheduleRepository,
    ScheduleService,
    HandoverRepository,
    HandoverService,
    FileStore,
    FilesRepository,
    DecreeFilesService,
    RealisationService,
  ],
})
export class DisbursementModule {}
