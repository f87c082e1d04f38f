import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiCreatedResponse, ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Rpc, TransitionRequest, type Actor, type ApplicationList, type ApplicationView } from '#contracts';
import { CurrentActor } from '../../common/auth/actor.decorator.js';
import { Roles } from '../../common/auth/roles.decorator.js';
import { uuidParam } from '../../common/http/uuid-param.pipe.js';
import { SearchRequest } from '../../common/idempotency/search-request.decorator.js';
import { ServiceClient } from '#messaging';
import { ListApplicationsQuery } from './list-applications.query.dto.js';

const STAFF = ['FRONT_OFFICE', 'VERIFIER', 'HEAD', 'FINANCE', 'WAREHOUSE', 'COMPLAINT_OFFICER', 'ADMIN'] as const;

/** The staff's queue of applications and the lifecycle's transitions. */
@ApiTags('applications')
@ApiBearerAuth()
@Controller('applications')
export class IntakeApplicationsController {
  constructor(private readonly services: ServiceClient) {}

  @Get()
  @Roles(...STAFF)
  @ApiOperation({ summary: 'Applications of the agencies the caller covers, open ones first by time left (overdue on top); to search by name or NIK, prefer POST /applications/search' })
  @ApiOkResponse({ description: '{ items: ApplicationListItem[], total, limit, offset }' })
  list(@CurrentActor() actor: Actor, @Query() query: ListApplicationsQuery): Promise<ApplicationList> {
    return this.services.call(Rpc.intake.listApplications, { actor, query: { ...query } });
  }

  @Post('search')
  @HttpCode(200)
  @SearchRequest()
  @Roles(...STAFF)
  @ApiOperation({
    summary: 'The same queue as GET /applications, its filters in the body: a name or NIK searched for (`q`) stays out of the URL, which proxies, browsers and logs keep',
  })
  @ApiOkResponse({ description: '{ items: ApplicationListItem[], total, limit, offset }' })
  search(@CurrentActor() actor: Actor, @Body() body: ListApplicationsQuery): Promise<ApplicationList> {
    return this.services.call(Rpc.intake.listApplications, { actor, query: { ...body } });
  }

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
