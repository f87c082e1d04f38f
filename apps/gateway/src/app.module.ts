import { Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_PIPE } from '@nestjs/core';
import { MessagingModule, RpcClientModule } from '#messaging';
import { DatabaseModule } from '#persistence';
import { PlatformModule } from '#platform';
import { AgenciesModule } from './agencies/agencies.module.js';
import { ApplicationsModule } from './applications/applications.module.js';
import { AuditModule } from './audit/audit.module.js';
import { AuthModule } from './auth/auth.module.js';
import { AuthCoreModule } from './common/auth/auth-core.module.js';
import { JwtAuthGuard } from './common/auth/jwt-auth.guard.js';
import { RolesGuard } from './common/auth/roles.guard.js';
import { HttpErrorFilter } from './common/errors/http-exception.filter.js';
import { gatewayValidationPipe } from './common/errors/validation.pipe.js';
import { HousekeepingService } from './common/housekeeping.service.js';
import { IdempotencyModule } from './common/idempotency/idempotency.module.js';
import { RateLimitModule } from './common/rate-limit/rate-limit.module.js';
import { IntakeModule } from './intake/intake.module.js';
import { ConfigModule } from './config/config.module.js';
import { gatewayEntities } from './entities.js';
import { gatewayMigrations } from './migrations/index.js';
import { RejectedModule } from './rejected/rejected.module.js';
import { RegistryModule } from './registry/registry.module.js';
import { VerificationModule } from './verification/verification.module.js';
import { DisbursementModule } from './disbursement/disbursement.module.js';
import { SystemModule } from './system/system.module.js';
import { UsersModule } from './users/users.module.js';
import { WebModule } from './web/web.module.js';
import { AsyncApiController } from './docs/asyncapi.controller.js';

/**
 * The gateway: Sigap's one HTTP entry. Every route needs a token unless `@Public()`
 * (JwtAuthGuard), then the roles it names (RolesGuard); writes honour `Idempotency-Key`;
 * every error leaves in the contract's shape (HttpErrorFilter).
 */
@Module({
  imports: [
    ConfigModule,
    PlatformModule.forService('gateway'),
    DatabaseModule.forService({ schema: 'gateway', entities: gatewayEntities, migrations: gatewayMigrations }),
    // the gateway answers no RPC: its own status is read in-process by SystemModule
    MessagingModule.forService('gateway', { statusRpc: false }),
    RpcClientModule.forService('gateway'),
    AuthCoreModule,
    AuditModule,
    RateLimitModule,
    IdempotencyModule,
    AuthModule,
    UsersModule,
    AgenciesModule,
    ApplicationsModule,
    IntakeModule,
    SystemModule,
    RejectedModule,
    RegistryModule,
    VerificationModule,
    DisbursementModule,
    // last: the dashboard's static files and SPA fallback sit behind every API route
    WebModule,
  ],
  controllers: [AsyncApiController],
  providers: [
    { provide: APP_GUARD, useClass: JwtAuthGuard },
    { provide: APP_GUARD, useClass: RolesGuard },
    { provide: APP_PIPE, useFactory: gatewayValidationPipe },
    { provide: APP_FILTER, useClass: HttpErrorFilter },
    HousekeepingService,
  ],
})
export class AppModule {}
