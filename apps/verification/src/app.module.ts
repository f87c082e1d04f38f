import { Module } from '@nestjs/common';
import { MESSAGING_MIGRATIONS, MessagingModule, RpcClientModule } from '#messaging';
import { DatabaseModule } from '#persistence';
import { PlatformModule } from '#platform';
import { VerificationCase } from './cases/case.entity.js';
import { ApplicationReceivedConsumer } from './cases/open-case/application-received.consumer.js';
import { GetCaseMessageController } from './cases/get-case/get-case.message.controller.js';
import { CreateCases1764200000000 } from './migrations/1764200000000-create-cases.js';
import { Registry1764400000000 } from './migrations/1764400000000-registry.js';
import { RegistryModule } from './registry/registry.module.js';
import { CaseVerification1764500000000 } from './migrations/1764500000000-case-verification.js';
import { RegistryAnnounced1764600000000 } from './migrations/1764600000000-registry-announced.js';
import { CasesAwaitingDossier1764700000000 } from './migrations/1764700000000-cases-awaiting-dossier.js';
import { EligibilityPerAgency1764800000000 } from './migrations/1764800000000-eligibility-per-agency.js';
import { RegistryKeysCollateC1764900000000 } from './migrations/1764900000000-registry-keys-collate-c.js';
import { RegistryAnnouncedDigest1765050000000 } from './migrations/1765050000000-registry-announced-digest.js';
import { RegistryImportConfirmation1765310000000 } from './migrations/1765310000000-registry-import-confirmation.js';
import { CaseAssessmentService } from './cases/assess-case/case-assessment.service.js';
import { AssessOpenedCases } from './cases/assess-case/assess-opened-cases.js';
import { CasesMessageController } from './cases/cases.message.controller.js';
import { FieldVerificationService } from './cases/field-verification/field-verification.service.js';
import { DisbursementSettledConsumer } from './cases/record-payment/disbursement-settled.consumer.js';

@Module({
  imports: [
    PlatformModule.forService('verification'),
    DatabaseModule.forService({
      schema: 'verification',
      entities: [VerificationCase],
      migrations: [...MESSAGING_MIGRATIONS, CreateCases1764200000000, Registry1764400000000, CaseVerification1764500000000, RegistryAnnounced1764600000000, CasesAwaitingDossier1764700000000, EligibilityPerAgency1764800000000, RegistryKeysCollateC1764900000000, RegistryAnnouncedDigest1765050000000,
        RegistryImportConfirmation1765310000000],
    }),
    MessagingModule.forService('verification'),
    RpcClientModule.forService('verification'),
    RegistryModule,
  ],
  controllers: [GetCaseMessageController, CasesMessageController],
  providers: [ApplicationReceivedConsumer, DisbursementSettledConsumer, CaseAssessmentService, AssessOpenedCases, FieldVerificationService],
})
export class VerificationModule {}
