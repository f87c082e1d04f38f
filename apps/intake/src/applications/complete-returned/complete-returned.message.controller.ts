import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { DataSource } from 'typeorm';
import { CompleteApplicationRequest, Rpc, validatePayload, type Actor, type ApplicationView } from '#contracts';
import { covers } from '#domain';
import { DomainError, requireCanChange, requireRole, isUuid } from '#platform';
import { Clock } from '../../config/clock.js';
import { ApplicationQueries } from '../get-application/application.queries.js';
import { IntakeError, IntakeErrorCode } from '../intake.error.js';
import { CompleteReturnedHandler } from './complete-returned.handler.js';

/**
 * `POST /api/v1/applications/{id}/completion`: the front office of the application's own agency
 * completes a RETURNED file (a province sees it, and gets 403 completing it). Answers the
 * application as it now is (REGISTERED, with its ticket and deadline).
 */
@Controller()
export class CompleteReturnedMessageController {
  constructor(
    private readonly ds: DataSource,
    private readonly handler: CompleteReturnedHandler,
    private readonly queries: ApplicationQueries,
    private readonly clock: Clock,
  ) {}

  @MessagePattern(Rpc.intake.completeApplication)
  async complete(@Payload() body: { actor: Actor; id: string; body: unknown }): Promise<ApplicationView> {
    requireRole(body.actor, 'FRONT_OFFICE');
    const v = await validatePayload(CompleteApplicationRequest, body.body);
    if (!v.ok) throw DomainError.validation(v.errors);
    const notFound = () => new IntakeError(IntakeErrorCode.ApplicationNotFound, `No application ${body.id}`);
    if (!isUuid(body.id)) throw notFound();
    await this.ds.transaction(async (m) => {
      const [owner]: Array<{ agency_code: string }> = await m.query(`SELECT "agency_code" FROM "intake"."applications" WHERE "id" = $1`, [
        body.id,
      ]);
      // another agency's application is "not found": its existence is not disclosed
      if (!owner || !covers(body.actor, owner.agency_code)) throw notFound();
      requireCanChange(body.actor, owner.agency_code, 'this application');
      await this.handler.complete(m, body.actor, body.id, v.value, this.clock.now());
    });
    return this.queries.view(body.actor, body.id);
  }
}
