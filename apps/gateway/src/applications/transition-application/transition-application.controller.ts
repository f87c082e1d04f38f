import { Body, Controller, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiCreatedResponse, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Rpc, TransitionRequest, type Actor, type ApplicationView } from '#contracts';
import { ServiceClient } from '#messaging';
import { AuditService } from '../../audit/audit.service.js';
import { ClientIp, CurrentActor } from '../../common/auth/actor.decorator.js';
import { Roles } from '../../common/auth/roles.decorator.js';
import { uuidParam } from '../../common/http/uuid-param.pipe.js';
import { STAFF } from '../staff-roles.js';

/** The lifecycle's transitions of an application (intake checks the step and the roles). */
@ApiTags('applications')
@ApiBearerAuth()
@Controller('applications')
export class TransitionApplicationController {
  constructor(
    private readonly services: ServiceClient,
    private readonly audit: AuditService,
  ) {}

  @Post(':id/transitions')
  @Roles(...STAFF)
  @ApiOperation({
    summary:
      "Move an application along its standard's lifecycle: 409 if the lifecycle has no such step from its status, 403 if the caller's roles may not make it",
  })
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  @ApiBody({
    description: '{ to, reason?, publicReason? }',
    schema: {
      type: 'object',
      properties: { to: { type: 'string' }, reason: { type: 'string' }, publicReason: { type: 'string' } },
      required: ['to'],
    },
  })
  @ApiCreatedResponse({ description: 'the ApplicationView after the change' })
  async transition(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam()) id: string,
    @Body() body: TransitionRequest,
    @ClientIp() ip: string,
  ): Promise<ApplicationView> {
    const view = await this.services.call<ApplicationView>(Rpc.intake.transitionApplication, { actor, id, body });
    // written once intake has committed the change (another service's transaction): see README, "The audit trail"
    const last = view.history[view.history.length - 1];
    await this.audit.record({
      actor,
      action: 'APPLICATION_STATUS_CHANGED',
      targetType: 'APPLICATION',
      targetId: id,
      targetLabel: view.ticketNumber,
      agencyCode: view.agencyCode,
      ip,
      before: { status: last?.from ?? null },
      after: { status: view.status, reason: body.reason ?? null, publicReason: body.publicReason ?? null },
    });
    return view;
  }
}
