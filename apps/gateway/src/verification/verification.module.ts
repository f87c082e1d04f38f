import { Module } from '@nestjs/common';
import { SettleRuleController } from './settle-rule/settle-rule.controller.js';
import { VerificationController } from './verification.controller.js';

/** The verifier's routes: cases, rules, field tasks and visits (answered by verification). */
@Module({ controllers: [VerificationController, SettleRuleController] })
export class VerificationModule {}
