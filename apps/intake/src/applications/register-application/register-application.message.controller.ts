import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { ApplicationSubmission, Rpc, validatePayload, type Actor } from '#contracts';
import { DomainError, requireCanChange } from '#platform';
import { FilingBatcher } from './filing-batcher.js';
import type { RegisterResult } from './register-application.handler.js';

/** `POST /api/v1/applications`, relayed by the gateway: a front-office filing. */
@Controller()
export class RegisterApplicationMessageController {
  constructor(private readonly filings: FilingBatcher) {}

  @MessagePattern(Rpc.intake.registerApplication)
  async register(@Payload() body: { actor: Actor; submission: unknown }): Promise<RegisterResult> {
    const v = await validatePayload(ApplicationSubmission, body.submission);
    if (!v.ok) throw DomainError.validation(v.errors);
    // filing is changing the agency's data: its own staff's, not its province's
    requireCanChange(body.actor, v.value.agencyCode);
    return this.filings.file(v.value, body.actor.username);
  }
}
