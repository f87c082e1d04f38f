import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { Rpc, type Actor, type CaseView } from '#contracts';
import { GetCaseQuery } from './get-case.query.js';

/** A case by its id, or by its application's (the gateway's `/verification/applications/{id}/case`). */
@Controller()
export class GetCaseMessageController {
  constructor(private readonly query: GetCaseQuery) {}

  @MessagePattern(Rpc.verification.getCase)
  get(@Payload() b: { actor: Actor; caseId?: string; applicationId?: string }): Promise<CaseView> {
    return this.query.execute(b.actor, { caseId: b.caseId, applicationId: b.applicationId });
  }
}
