import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { FrontOfficeFiling, FILED_AT_MAX_SKEW_MS, Rpc, filedAt, validatePayload, type Actor } from '#contracts';
import { DomainError, requireCanChange } from '#platform';
import { Clock } from '../../config/clock.js';
import { FilingBatcher } from './filing-batcher.js';
import type { RegisterResult } from './register-application.handler.js';

/** `POST /api/v1/applications`, relayed by the gateway: a front-office filing. */
@Controller()
export class RegisterApplicationMessageController {
  constructor(
    private readonly filings: FilingBatcher,
    private readonly clock: Clock,
  ) {}

  /** `idempotencyKey`: the request's `Idempotency-Key` header, which the gateway passes on. */
  @MessagePattern(Rpc.intake.registerApplication)
  async register(@Payload() body: { actor: Actor; submission: unknown; idempotencyKey?: unknown }): Promise<RegisterResult> {
    const v = await validatePayload(FrontOfficeFiling, body.submission);
    if (!v.ok) throw DomainError.validation(v.errors);
    const key = body.idempotencyKey;
    if (key !== undefined && key !== null && (typeof key !== 'string' || !/^[\x21-\x7e]{1,255}$/.test(key))) {
      throw DomainError.validation([{ path: 'Idempotency-Key', message: 'Idempotency-Key must be 1–255 visible ASCII characters' }]);
    }
    // filing is changing the agency's data: its own staff's, not its province's
    requireCanChange(body.actor, v.value.agencyCode);
    const filed = filedAt(v.value.occurredAt, this.clock.now());
    if (!filed) {
      throw DomainError.validation([
        {
          path: 'occurredAt',
          message: `occurredAt must not be in the future (more than ${FILED_AT_MAX_SKEW_MS / 60000} minutes after receipt)`,
        },
      ]);
    }
    return this.filings.file(v.value, body.actor.username, { idempotencyKey: typeof key === 'string' ? key : undefined, filedAt: filed });
  }
}
