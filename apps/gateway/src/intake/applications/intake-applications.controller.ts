import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiCreatedResponse, ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Rpc, TransitionRequest, type Actor, type ApplicationList, type ApplicationView } from '#contracts';
import { AuditService } from '../../audit/audit.service.js';
import { ClientIp, CurrentActor } from '../../common/auth/actor.decorator.js';
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
  constructor(
    private readonly services: ServiceClient,
    private readonly audit: AuditService,
  ) {}

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
  async transition(
    @CurrentActor() actor: Actor, @Param('id', uuidParam()) id: string, @Body() body: TransitionRequest, @ClientIp() ip: string,
  ): Promise<ApplicationView> {
    const view = await this.services.call<ApplicationView>(Rpc.intake.transitionApplication, { actor, id, body });
    // written once intake has committed the change (another service's transaction): see README, "The audit trail"
    const last = view.history[view.history.length - 1];
    await this.audit.record({
      actor, action: 'APPLICATION_STATUS_CHANGED', targetType: 'APPLICATION', targetId: id, targetLabel: view.ticketNumber, agencyCode: view.agencyCode, ip,
      before: { status: last?.from ?? null }, after: { status: view.status, reason: body.reason ?? null, publicReason: body.publicReason ?? null },
    });
    return view;
  }
}
