import { Body, Controller, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiCreatedResponse, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Rpc, TransitionRequest, type Actor, type ApplicationView } from '#contracts';
import { ServiceClient } from '#messaging';
import { CurrentActor } from '../../common/auth/actor.decorator.js';
import { Roles } from '../../common/auth/roles.decorator.js';
import { uuidParam } from '../../common/http/uuid-param.pipe.js';
import { STAFF } from '../staff-roles.js';

/** The lifecycle's transitions of an application (intake checks the step and the roles). */
@ApiTags('applications')
@ApiBearerAuth()
@Controller('applications')
export class TransitionApplicationController {
  constructor(private readonly services: ServiceClient) {}

  @Post(':id/transitions')
  @Roles(...STAFF)
  @ApiOperation({ summary: "Move an application along its standard's lifecycle: 409 if the lifecycle has no such step from its status, 403 if the caller's roles may not make it" })
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  @ApiBody({ description: '{ to, reason?, publicReason? }', schema: { type: 'object', properties: { to: { type: 'string' }, reason: { type: 'string' }, publicReason: { type: 'string' } }, required: ['to'] } })
  @ApiCreatedResponse({ description: 'the ApplicationView after the change' })
  transition(@CurrentActor() actor: Actor, @Param('id', uuidParam()) id: string, @Body() body: TransitionRequest): Promise<ApplicationView> {
    return this.services.call(Rpc.intake.transitionApplication, { actor, id, body });
  }
}
