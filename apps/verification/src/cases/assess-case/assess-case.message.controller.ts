import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { Rpc, type Actor, type CaseView } from '#contracts';
import { requireCanChange, requireRole } from '#platform';
import { GetCaseQuery } from '../get-case/get-case.query.js';
import { AssessCaseHandler } from './assess-case.handler.js';

/** A verifier (re-)assesses a case of their own agency against its application and the current registry. */
@Controller()
export class AssessCaseMessageController {
  constructor(
    private readonly handler: AssessCaseHandler,
    private readonly query: GetCaseQuery,
  ) {}

  @MessagePattern(Rpc.verification.assessCase)
  async assess(@Payload() b: { actor: Actor; caseId: string }): Promise<CaseView> {
    requireRole(b.actor, 'VERIFIER', 'HEAD', 'ADMIN');
    const seen = await this.query.execute(b.actor, { caseId: b.caseId });
    requireCanChange(b.actor, seen.agencyCode, 'this case');
    await this.handler.assess(b.actor.username, b.caseId);
    return this.query.execute(b.actor, { caseId: b.caseId });
  }
}
