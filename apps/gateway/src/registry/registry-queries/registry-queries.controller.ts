import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import {
  VerificationRpc, type Actor, type RegistryHouseholdView, type RegistryImportErrorsPage, type RegistryImportView, type RegistryPersonView,
  type RegistrySnapshotView, type SnapshotDiffView,
} from '#contracts';
import { DomainError } from '#platform';
import { CurrentActor } from '../../common/auth/actor.decorator.js';
import { uuidParam } from '../../common/http/uuid-param.pipe.js';
import { ServiceClient } from '#messaging';

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
  if (!/^\d{2}(\.\d{2})?$/.test(value)) throw DomainError.validation([{ path: 'agencyCode', message: 'agencyCode must be an agency code like 33.04' }]);
  return value;
}

/** Reading the registry (DTSEN, dahulu DTKS): imports and their rejected rows, snapshots and diffs, persons and households. Staff of the agency (a province: its regencies too). */
@ApiTags('registry')
@ApiBearerAuth()
@Controller('registry')
export class RegistryQueriesController {
  constructor(private readonly services: ServiceClient) {}

  @Get('imports')
  @ApiOperation({ summary: 'Registry imports of an agency, newest first' })
  @ApiQuery({ name: 'agencyCode', required: false }) @ApiQuery({ name: 'limit', required: false }) @ApiQuery({ name: 'offset', required: false })
  listImports(@CurrentActor() actor: Actor, @Query('agencyCode') agencyCode?: string, @Query('limit') limit?: string, @Query('offset') offset?: string) {
    return this.services.call(VerificationRpc.listImports, { actor, agencyCode: agency(agencyCode), limit: int(limit, 'limit'), offset: int(offset, 'offset') });
  }

  @Get('imports/:importId')
  @ApiOperation({ summary: 'An import: status, rows read / accepted / rejected, its snapshot, the first rejected rows' })
  @ApiQuery({ name: 'errorsLimit', required: false, description: 'how many rejected rows to include (default 100, at most 1000)' })
  @ApiOkResponse({ description: '{ importId, status, rowsRead, rowsAccepted, rowsRejected, snapshotId, errors: [{ row, field, message }], errorsTotal, … }' })
  getImport(@CurrentActor() actor: Actor, @Param('importId', uuidParam('importId')) importId: string, @Query('errorsLimit') errorsLimit?: string): Promise<RegistryImportView> {
    return this.services.call(VerificationRpc.getImport, { actor, importId, errorsLimit: int(errorsLimit, 'errorsLimit') });
  }

  @Get('imports/:importId/errors')
  @ApiOperation({ summary: 'Every rejected row of an import, paged (row number, field, reason)' })
  @ApiQuery({ name: 'limit', required: false }) @ApiQuery({ name: 'offset', required: false })
  importErrors(@CurrentActor() actor: Actor, @Param('importId', uuidParam('importId')) importId: string, @Query('limit') limit?: string, @Query('offset') offset?: string): Promise<RegistryImportErrorsPage> {
    return this.services.call(VerificationRpc.listImportErrors, { actor, importId, limit: int(limit, 'limit'), offset: int(offset, 'offset') });
  }

  @Get('snapshots')
  @ApiOperation({ summary: 'Snapshots of an agency’s registry, newest first (every one kept for audit; one is current)' })
  @ApiQuery({ name: 'agencyCode', required: false }) @ApiQuery({ name: 'limit', required: false }) @ApiQuery({ name: 'offset', required: false })
  listSnapshots(@CurrentActor() actor: Actor, @Query('agencyCode') agencyCode?: string, @Query('limit') limit?: string, @Query('offset') offset?: string): Promise<{ items: RegistrySnapshotView[]; total: number }> {
    return this.services.call(VerificationRpc.listSnapshots, { actor, agencyCode: agency(agencyCode), limit: int(limit, 'limit'), offset: int(offset, 'offset') });
  }

  @Get('snapshots/:snapshotId/diff')
  @ApiOperation({ summary: 'Persons added, removed and changed (with the fields) since another snapshot (default: the one it replaced), paged by NIK' })
  @ApiQuery({ name: 'against', required: false }) @ApiQuery({ name: 'change', required: false, enum: ['ADDED', 'REMOVED', 'CHANGED'] })
  @ApiQuery({ name: 'limit', required: false }) @ApiQuery({ name: 'offset', required: false })
  diff(
    @CurrentActor() actor: Actor,
    @Param('snapshotId', uuidParam('snapshotId')) snapshotId: string,
    @Query('against') against?: string,
    @Query('change') change?: string,
    @Query('limit') limit?: string,
    @Query('offset') offset?: string,
  ): Promise<SnapshotDiffView> {
    if (against !== undefined && !/^[0-9a-f-]{36}$/i.test(against)) throw DomainError.validation([{ path: 'against', message: 'against must be a UUID' }]);
    if (change !== undefined && !['ADDED', 'REMOVED', 'CHANGED'].includes(change)) throw DomainError.validation([{ path: 'change', message: 'change must be ADDED, REMOVED or CHANGED' }]);
    // the first request of a diff computes it (a full join of two snapshots): give it time
    return this.services.call(VerificationRpc.diffSnapshots, { actor, snapshotId, against, change, limit: int(limit, 'limit'), offset: int(offset, 'offset') }, { timeoutMs: 60_000 });
  }

  @Get('persons/:nik')
  @ApiOperation({ summary: 'A person in the current registry snapshot of the caller’s area: name, KK, birth date, village, decile, programmes, snapshot' })
  person(@CurrentActor() actor: Actor, @Param('nik') nik: string): Promise<RegistryPersonView> {
    return this.services.call(VerificationRpc.getPerson, { actor, nik: digits16(nik, 'nik') });
  }

  @Get('households/:kk')
  @ApiOperation({ summary: 'A household (KK) in the current registry snapshot of the caller’s area: its members' })
  household(@CurrentActor() actor: Actor, @Param('kk') kk: string): Promise<RegistryHouseholdView> {
    return this.services.call(VerificationRpc.getHousehold, { actor, kk: digits16(kk, 'kk') });
  }
}
