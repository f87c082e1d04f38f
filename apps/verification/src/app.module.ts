import { Module } from '@nestjs/common';
import { MESSAGING_MIGRATIONS, MessagingModule, RpcClientModule } from '#messaging';
import { DatabaseModule } from '#persistence';
import { PlatformModule } from '#platform';
import { CasesModule } from './cases/cases.module.js';
import { ConfigModule } from './config/config.module.js';
import { VERIFICATION_MIGRATIONS } from './migrations/index.js';
import { RegistryModule } from './registry/registry.module.js';
import { RulesModule } from './rules/rules.module.js';

/**
 * The verification service: cases (cases/), the eligibility settings they are assessed by
 * (rules/) and the registry they are checked against (registry/); pure rules in domain/.
 * No TypeORM entities: SQL lives in one repository per aggregate.
 */
@Module({
  imports: [
    PlatformModule.forService('verification'),
    DatabaseModule.forService({ schema: 'verification', entities: [], migrations: [...MESSAGING_MIGRATIONS, ...VERIFICATION_MIGRATIONS] }),
    MessagingModule.forService('verification'),
    RpcClientModule.forService('verification'),
    ConfigModule,
    RulesModule,
    RegistryModule,
    CasesModule,
  ],
})
export class VerificationModule {}
