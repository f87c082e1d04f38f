import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOkResponse, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import {
  Rpc,
  REGISTRY_READER_ROLES,
  RegistryHouseholdSearch,
  RegistryPersonSearch,
  type Actor,
  type DiffChange,
  type RegistryHouseholdView,
  type RegistryImportErrorsPage,
  type RegistryImportView,
  type RegistryPersonView,
  type RegistrySnapshotView,
  type SnapshotDiffView,
} from '#contracts';
import { DomainError, isUuid } from '#platform';
import { ClientIp, CurrentActor } from '../../common/auth/actor.decorator.js';
import { Roles } from '../../common/auth/roles.decorator.js';
import { uuidParam } from '../../common/http/uuid-param.pipe.js';
import { SearchRequest } from '../../common/idempotency/search-request.decorator.js';
import { ServiceClient } from '#messaging';
import { RegistryReads } from './registry-reads.service.js';

function int(value: string | undefined, path: string): number | undefined {
  if (value === undefined || value === '') return undefined;
  if (!/^\d{1,7}$/.test(value)) throw DomainError.validation([{ path, message: `${path} must be a whole number` }]);
  return Number(value);
}

function digits16(value: string, path: string): string {
  if (!/^\d{16}$/.test(value)) throw DomainError.validation([{ path, message: `${path} must be 16 digits` }]);
  return value;
}

function agency(value: string | undefined): string | undefined {
  if (value === undefined || value === '') return undefined;
  if (!/^\d{2}(\.\d{2})?$/.test(value))
    throw DomainError.validation([{ path: 'agencyCode', message: 'agencyCode must be an agency code like 33.04' }]);
  return value;
}

/**
 * Reading the registry (DTSEN, dahulu DTKS): imports and their rejected rows, snapshots and diffs,
 * persons and households. Staff of the agency (a province: its regencies too); persons,
 * households and diffs only for REGISTRY_READER_ROLES, each read in the audit trail. A NIK or KK
 * number goes in the body of the search routes: a URL is kept by proxies, browsers and logs.
 */
@ApiTags('registry')
@ApiBearerAuth()
@Controller('registry')
export class RegistryQueriesController {
  constructor(
    private readonly services: ServiceClient,
    private readonly reads: RegistryReads,
  ) {}

  @Get('imports')
  @ApiOperation({ summary: 'Registry imports of an agency, newest first' })
  @ApiQuery({ name: 'agencyCode', required: false })
  @ApiQuery({ name: 'limit', required: false })
  @ApiQuery({ name: 'offset', required: false })
  listImports(
    @CurrentActor() actor: Actor,
    @Query('agencyCode') agencyCode?: string,
    @Query('limit') limit?: string,
    @Query('offset') offset?: string,
  ) {
    return this.services.call(Rpc.verification.listImports, {
      actor,
      agencyCode: agency(agencyCode),
      limit: int(limit, 'limit'),
      offset: int(offset, 'offset'),
    });
  }

  @Get('imports/:importId')
  @ApiOperation({ summary: 'An import: status, rows read / accepted / rejected, its snapshot, the first rejected rows' })
  @ApiQuery({ name: 'errorsLimit', required: false, description: 'how many rejected rows to include (default 100, at most 1000)' })
  @ApiOkResponse({
    description:
      '{ importId, status, rowsRead, rowsAccepted, rowsRejected, snapshotId, errors: [{ row, field, message }], errorsTotal, … }',
  })
  getImport(
    @CurrentActor() actor: Actor,
    @Param('importId', uuidParam('importId')) importId: string,
    @Query('errorsLimit') errorsLimit?: string,
  ): Promise<RegistryImportView> {
    return this.services.call(Rpc.verification.getImport, { actor, importId, errorsLimit: int(errorsLimit, 'errorsLimit') });
  }

  @Get('imports/:importId/errors')
  @ApiOperation({ summary: 'Every rejected row of an import, paged (row number, field, reason)' })
  @ApiQuery({ name: 'limit', required: false })
  @ApiQuery({ name: 'offset', required: false })
  importErrors(
    @CurrentActor() actor: Actor,
    @Param('importId', uuidParam('importId')) importId: string,
    @Query('limit') limit?: string,
    @Query('offset') offset?: string,
  ): Promise<RegistryImportErrorsPage> {
    return this.services.call(Rpc.verification.listImportErrors, {
      actor,
      importId,
      limit: int(limit, 'limit'),
      offset: int(offset, 'offset'),
    });
  }

  @Get('snapshots')
  @ApiOperation({ summary: 'Snapshots of an agency’s registry, newest first (every one kept for audit; one is current)' })
  @ApiQuery({ name: 'agencyCode', required: false })
  @ApiQuery({ name: 'limit', required: false })
  @ApiQuery({ name: 'offset', required: false })
  listSnapshots(
    @CurrentActor() actor: Actor,
    @Query('agencyCode') agencyCode?: string,
    @Query('limit') limit?: string,
    @Query('offset') offset?: string,
  ): Promise<{ items: RegistrySnapshotView[]; total: number }> {
    return this.services.call(Rpc.verification.listSnapshots, {
      actor,
      agencyCode: agency(agencyCode),
      limit: int(limit, 'limit'),
      offset: int(offset, 'offset'),
    });
  }

  @Get('snapshots/:snapshotId/diff')
  @Roles(...REGISTRY_READER_ROLES)
  @ApiOperation({
    summary:
      'Persons added, removed and changed (with the fields) since another snapshot (default: the one it replaced), paged by NIK; each page read is audited',
  })
  @ApiQuery({ name: 'against', required: false })
  @ApiQuery({ name: 'change', required: false, enum: ['ADDED', 'REMOVED', 'CHANGED'] })
  @ApiQuery({ name: 'limit', required: false })
  @ApiQuery({ name: 'offset', required: false })
  diff(
    @CurrentActor() actor: Actor,
    @ClientIp() ip: string,
    @Param('snapshotId', uuidParam('snapshotId')) snapshotId: string,
    @Query('against') against?: string,
    @Query('change') change?: string,
    @Query('limit') limit?: string,
    @Query('offset') offset?: string,
  ): Promise<SnapshotDiffView> {
    if (against !== undefined && !isUuid(against)) throw DomainError.validation([{ path: 'against', message: 'against must be a UUID' }]);
    if (change !== undefined && !['ADDED', 'REMOVED', 'CHANGED'].includes(change))
      throw DomainError.validation([{ path: 'change', message: 'change must be ADDED, REMOVED or CHANGED' }]);
    return this.reads.diff(actor, ip, {
      snapshotId,
      against,
      change: change as DiffChange | undefined,
      limit: int(limit, 'limit'),
      offset: int(offset, 'offset'),
    });
  }

  @Get('persons/:nik')
  @Roles(...REGISTRY_READER_ROLES)
  @ApiOperation({
    summary:
      'A person in the current registry snapshot of the caller’s area: name, KK, birth date, village, decile, programmes, snapshot (CONTRACT.md; prefer POST persons/search, which keeps the NIK out of the URL)',
  })
  person(@CurrentActor() actor: Actor, @ClientIp() ip: string, @Param('nik') nik: string): Promise<RegistryPersonView> {
    return this.reads.person(actor, ip, digits16(nik, 'nik'));
  }

  @Post('persons/search')
  @HttpCode(200)
  @SearchRequest()
  @Roles(...REGISTRY_READER_ROLES)
  @ApiOperation({ summary: 'A person by NIK, the NIK in the body: the same answer as GET persons/{nik}' })
  @ApiBody({ schema: { type: 'object', properties: { nik: { type: 'string', pattern: '^\\d{16}$' } }, required: ['nik'] } })
  searchPerson(@CurrentActor() actor: Actor, @ClientIp() ip: string, @Body() body: RegistryPersonSearch): Promise<RegistryPersonView> {
    return this.reads.person(actor, ip, body.nik);
  }

  @Get('households/:kk')
  @Roles(...REGISTRY_READER_ROLES)
  @ApiOperation({
    summary: 'A household (KK) in the current registry snapshot of the caller’s area: its members (prefer POST households/search)',
  })
  household(@CurrentActor() actor: Actor, @ClientIp() ip: string, @Param('kk') kk: string): Promise<RegistryHouseholdView> {
    return this.reads.household(actor, ip, digits16(kk, 'kk'));
  }

  @Post('households/search')
  @HttpCode(200)
  @SearchRequest()
  @Roles(...REGISTRY_READER_ROLES)
  @ApiOperation({ summary: 'A household by KK number, the number in the body: the same answer as GET households/{kk}' })
  @ApiBody({ schema: { type: 'object', properties: { kkNumber: { type: 'string', pattern: '^\\d{16}$' } }, required: ['kkNumber'] } })
  searchHousehold(
    @CurrentActor() actor: Actor,
    @ClientIp() ip: string,
    @Body() body: RegistryHouseholdSearch,
  ): Promise<RegistryHouseholdView> {
    return this.reads.household(actor, ip, body.kkNumber);
  }
}
