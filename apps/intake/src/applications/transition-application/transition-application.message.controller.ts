import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { DataSource } from 'typeorm';
import { Rpc, TransitionRequest, validatePayload, type Actor, type ApplicationView } from '#contracts';
import { covers } from '#domain';
import { DomainError, requireCanChange, isUuid } from '#platform';
import { Clock } from '../../config/clock.js';
import { ApplicationQueries } from '../get-application/application.queries.js';
import { IntakeError, IntakeErrorCode } from '../intake.error.js';
import { TransitionHandler } from './transition.handler.js';

/**
 * `POST /api/v1/applications/{id}/transitions { to, reason, publicReason }`: staff move an
 * application of their own agency (a province sees its regencies' applications, and gets 403
 * AGENCY_OUT_OF_SCOPE moving one). Which roles may make which transition is data of the
 * standard's lifecycle: 409 for a transition the lifecycle does not have from the current
 * status, 403 for a role that may not make it, 403 INTAKE_TRANSITION_RESERVED for a step only
 * a service makes (verification's decision; disbursement's proposal, decree, payment, handover),
 * 400 for a missing reason.
 */
@Controller()
export class TransitionApplicationMessageController {
  constructor(
    private readonly ds: DataSource,
    private readonly handler: TransitionHandler,
    private readonly queries: ApplicationQueries,
    private readonly clock: Clock,
  ) {}

  @MessagePattern(Rpc.intake.transitionApplication)
  async transition(@Payload() body: { actor: Actor; id: string; body: unknown }): Promise<ApplicationView> {
    const v = await validatePayload(TransitionRequest, body.body);
    if (!v.ok) throw DomainError.validation(v.errors);
    const notFound = () => new IntakeError(IntakeErrorCode.ApplicationNotFound, `No application ${body.id}`);
    if (!isUuid(body.id)) throw notFound();
    const now = this.clock.now();
    await this.ds.transaction(async (m) => {
      // another agency's application is "not found": its existence is not disclosed
      const [owner]: Array<{ agency_code: string }> = await m.query(`SELECT "agency_code" FROM "intake"."applications" WHERE "id" = $1`, [
        body.id,
      ]);
      if (!owner || !covers(body.actor, owner.agency_code)) throw notFound();
      // a province sees its regencies' applications; moving one is the regency's
      requireCanChange(body.actor, owner.agency_code, 'this application');
      const [outcome] = await this.handler.applyMany(
        m,
        [
          {
            applicationId: body.id,
            to: v.value.to,
            actor: { kind: 'staff', roles: body.actor.roles },
            actorName: body.actor.username,
            reason: v.value.reason ?? null,
            publicReason: v.value.publicReason ?? null,
          },
        ],
        now,
      );
      if (outcome.ok) return;
      switch (outcome.reason) {
        case 'NOT_FOUND':
          throw notFound();
        case 'UNKNOWN_STATUS':
          throw DomainError.validation([{ path: 'to', message: outcome.message }], outcome.message);
        case 'ILLEGAL':
          throw new IntakeError(IntakeErrorCode.IllegalTransition, outcome.message, [{ path: 'to', message: outcome.message }]);
        case 'NOT_ALLOWED':
          throw new IntakeError(IntakeErrorCode.TransitionNotAllowed, outcome.message);
        case 'RESERVED':
          throw new IntakeError(IntakeErrorCode.TransitionReserved, outcome.message, [{ path: 'to', message: outcome.message }]);
        case 'REASON_REQUIRED':
          throw new IntakeError(IntakeErrorCode.ReasonRequired, outcome.message, [
            { path: 'reason', message: 'reason is required for this transition' },
          ]);
        default:
          throw new IntakeError(IntakeErrorCode.IllegalTransition, outcome.message);
      }
    });
    return this.queries.view(body.actor, body.id);
  }
}
