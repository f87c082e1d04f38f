import { Module } from '@nestjs/common';
import { VerificationController } from './verification.controller.js';

/** The verifier's routes: cases, rules, field tasks and visits (answered by verification). */
@Module({ controllers: [VerificationController] })
export class VerificationModule {}
