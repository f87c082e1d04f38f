import { Global, Module } from '@nestjs/common';
import { Clock } from './clock.js';
import { VerificationConfig, verificationConfig } from './verification.config.js';

/** The service's settings and its clock, for every module of the app. */
@Global()
@Module({
  providers: [{ provide: VerificationConfig, useFactory: verificationConfig }, Clock],
  exports: [VerificationConfig, Clock],
})
export class ConfigModule {}
