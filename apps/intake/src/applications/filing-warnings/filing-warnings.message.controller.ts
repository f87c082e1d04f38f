import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { FilingWarningsRequest, Rpc, validatePayload, type Actor, type FilingWarningsView } from '#contracts';
import { DomainError, requireCanChange, requireRole } from '#platform';
import { FilingWarningsService } from './filing-warnings.service.js';

/** `POST /api/v1/applications/filing-warnings`: asked by the filing form of the agency's own front office. */
@Controller()
export class FilingWarningsMessageController {
  constructor(private readonly warnings: FilingWarningsService) {}

  @MessagePattern(Rpc.intake.filingWarnings)
  async check(@Payload() body: { actor: Actor; body: unknown }): Promise<FilingWarningsView> {
    requireRole(body.actor, 'FRONT_OFFICE', 'ADMIN');
    const v = await validatePayload(FilingWarningsRequest, body.body);
    if (!v.ok) throw DomainError.validation(v.errors);
    // the same scope as filing: the agency's own staff
    requireCanChange(body.actor, v.value.agencyCode);
    return { warnings: await this.warnings.check(v.value) };
  }
}
