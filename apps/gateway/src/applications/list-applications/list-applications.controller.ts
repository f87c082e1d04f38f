import { Body, Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Rpc, type Actor, type ApplicationList } from '#contracts';
import { CurrentActor } from '../../common/auth/actor.decorator.js';
import { Roles } from '../../common/auth/roles.decorator.js';
import { SearchRequest } from '../../common/idempotency/search-request.decorator.js';
import { ServiceClient } from '#messaging';
import { STAFF } from '../staff-roles.js';
import { ListApplicationsQuery } from './list-applications.query.dto.js';

/** The staff's queue of applications (GET, or POST /search to keep a searched name or NIK out of the URL). */
@ApiTags('applications')
@ApiBearerAuth()
@Controller('applications')
export class ListApplicationsController {
  constructor(private readonly services: ServiceClient) {}

  @Get()
  @Roles(...STAFF)
  @ApiOperation({
    summary:
      'Applications of the agencies the caller covers, open ones first by time left (overdue on top); to search by name or NIK, prefer POST /applications/search',
  })
  @ApiOkResponse({ description: '{ items: ApplicationListItem[], total, limit, offset }' })
  list(@CurrentActor() actor: Actor, @Query() query: ListApplicationsQuery): Promise<ApplicationList> {
    return this.services.call(Rpc.intake.listApplications, { actor, query: { ...query } });
  }

  @Post('search')
  @HttpCode(200)
  @SearchRequest()
  @Roles(...STAFF)
  @ApiOperation({
    summary:
      'The same queue as GET /applications, its filters in the body: a name or NIK searched for (`q`) stays out of the URL, which proxies, browsers and logs keep',
  })
  @ApiOkResponse({ description: '{ items: ApplicationListItem[], total, limit, offset }' })
  search(@CurrentActor() actor: Actor, @Body() body: ListApplicationsQuery): Promise<ApplicationList> {
    return this.services.call(Rpc.intake.listApplications, { actor, query: { ...body } });
  }
}
