import { Body, Controller, Get, Param, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiCreatedResponse, ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CreateStandardRequest, Rpc, UpdateStandardRequest, type Actor, type StandardVersionView, type StandardView } from '#contracts';
import { CurrentActor } from '../../common/auth/actor.decorator.js';
import { Public } from '../../common/auth/public.decorator.js';
import { Roles } from '../../common/auth/roles.decorator.js';
import { ServiceClient } from '#messaging';
import { CurrentActorOptional } from '../optional-actor.decorator.js';
import { agencyParam, serviceCodeParam } from '../../common/http/params.js';
import { GetServiceQuery, ListServicesQuery } from './list-services.query.dto.js';

/**
 * The service catalog (standar pelayanan): public to read; an agency's admins add a standard
 * or edit it (each edit is a new version; applications keep the version they were filed under).
 */
@ApiTags('services')
@Controller('services')
export class ServicesController {
  constructor(private readonly services: ServiceClient) {}

  @Get()
  @Public()
  @ApiOperation({
    summary:
      'The service catalog: each standard with its requirements, procedure, deadline, fee, product, complaint channels and lifecycle',
  })
  @ApiOkResponse({ description: '{ items: StandardView[] }' })
  list(@CurrentActorOptional() actor: Actor | null, @Query() q: ListServicesQuery): Promise<{ items: StandardView[] }> {
    return this.services.call(Rpc.intake.listStandards, {
      actor,
      agencyCode: q.agencyCode,
      code: q.code,
      includeInactive: q.includeInactive,
    });
  }

  @Get(':agencyCode/:code')
  @Public()
  @ApiOperation({ summary: "One agency's standard, its current version or ?version=N" })
  get(
    @Param('agencyCode', agencyParam()) agencyCode: string,
    @Param('code', serviceCodeParam()) code: string,
    @Query() q: GetServiceQuery,
  ): Promise<StandardView> {
    return this.services.call(Rpc.intake.getStandard, { actor: null, agencyCode, code, version: q.version });
  }

  @Get(':agencyCode/:code/versions')
  @Roles('ADMIN')
  @ApiBearerAuth()
  @ApiOperation({ summary: "A standard's versions, newest first: who published each, when and why" })
  versions(
    @CurrentActor() actor: Actor,
    @Param('agencyCode', agencyParam()) agencyCode: string,
    @Param('code', serviceCodeParam()) code: string,
  ): Promise<{ items: StandardVersionView[] }> {
    return this.services.call(Rpc.intake.listStandardVersions, { actor, agencyCode, code });
  }

  @Post()
  @Roles('ADMIN')
  @ApiBearerAuth()
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  @ApiBody({ description: 'a StandardDefinition with agencyCode (and an optional changeNote)', schema: { type: 'object' } })
  @ApiOperation({ summary: 'Add a standard to an agency the admin covers (version 1)' })
  @ApiCreatedResponse({ description: 'the StandardView' })
  create(@CurrentActor() actor: Actor, @Body() body: CreateStandardRequest): Promise<StandardView> {
    return this.services.call(Rpc.intake.createStandard, { actor, body });
  }

  @Put(':agencyCode/:code')
  @Roles('ADMIN')
  @ApiBearerAuth()
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  @ApiBody({
    description: 'the whole StandardDefinition (code as in the path), optional active and changeNote',
    schema: { type: 'object' },
  })
  @ApiOperation({
    summary: 'Edit a standard: its next version (applications already filed keep theirs); active=false closes it for new filings',
  })
  update(
    @CurrentActor() actor: Actor,
    @Param('agencyCode', agencyParam()) agencyCode: string,
    @Param('code', serviceCodeParam()) code: string,
    @Body() body: UpdateStandardRequest,
  ): Promise<StandardView> {
    return this.services.call(Rpc.intake.updateStandard, { actor, agencyCode, code, body });
  }
}
