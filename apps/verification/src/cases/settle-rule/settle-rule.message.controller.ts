import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { Rpc, SettleRuleRequest, validatePayload, type Actor, type CaseView } from '#contracts';
import { VerificationError, VerificationErrorCode } from '../../verification.error.js';
import { GetCaseQuery } from '../get-case/get-case.query.js';
import { SettleRuleHandler } from './settle-rule.handler.js';

@Controller()
export class SettleRuleMessageController {
  constructor(
    private readonly handler: SettleRuleHandler,
    private readonly query: GetCaseQuery,
  ) {}

  /** Settles the rule and answers the case as it is afterwards. */
  @MessagePattern(Rpc.verification.settleRule)
  async settle(@Payload() b: { actor: Actor; caseId: string; rule: string; settlement: unknown }): Promise<CaseView> {
    const checked = await validatePayload(SettleRuleRequest, b.settlement);
    if (!checked.ok) throw new VerificationError(VerificationErrorCode.InvalidSettlement, 'The settlement is invalid', checked.errors);
    await this.handler.execute(b.actor, b.caseId, b.rule, checked.value);
    return this.query.execute(b.actor, { caseId: b.caseId });
  }
}
