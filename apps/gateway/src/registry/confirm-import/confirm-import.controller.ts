import { Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiConflictResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Rpc, type Actor } from '#contracts';
import { ServiceClient } from '#messaging';
import { AuditService } from '../../audit/audit.service.js';
import { ClientIp, CurrentActor } from '../../common/auth/actor.decorator.js';
import { Roles } from '../../common/auth/roles.decorator.js';
import { uuidParam } from '../../common/http/uuid-param.pipe.js';

interface ImportDecision {
  importId: string;
  agencyCode: string;
  status: 'COMPLETED' | 'DISCARDED';
  snapshotId: string;
  previousSnapshotId: string;
  rowsAccepted: number;
  previousRows: number;
}

/**
 * The decision on a registry import held by the drop guard (status AWAITING_CONFIRMATION: its
 * accepted rows fell by more than the agency's share from the current snapshot). Staff of the
 * import's own agency decide; each decision is in the audit trail.
 */
@ApiTags('registry')
@ApiBearerAuth()
@Controller('registry/imports/:importId')
export class ConfirmImportController {
  constructor(
    private readonly services: ServiceClient,
    private readonly audit: AuditService,
  ) {}

  @Post('confirm')
  @HttpCode(200)
  @Roles('VERIFIER', 'HEAD', 'ADMIN')
  @ApiOperation({
    summary:
      'Confirm an import awaiting confirmation: its snapshot becomes current (compare it first: GET /registry/snapshots/{snapshotId}/diff)',
  })
  @ApiOkResponse({
    description: '{ importId, agencyCode, status: "COMPLETED", snapshotId, previousSnapshotId, rowsAccepted, previousRows }',
  })
  @ApiConflictResponse({
    description:
      'REGISTRY_IMPORT_NOT_AWAITING_CONFIRMATION, or REGISTRY_IMPORT_SUPERSEDED: another snapshot became current since it was held',
  })
  confirm(
    @CurrentActor() actor: Actor,
    @Param('importId', uuidParam('importId')) importId: string,
    @ClientIp() ip: string,
  ): Promise<ImportDecision> {
    return this.decide(Rpc.verification.confirmImport, 'REGISTRY_IMPORT_CONFIRMED', actor, importId, ip);
  }

  @Post('discard')
  @HttpCode(200)
  @Roles('VERIFIER', 'HEAD', 'ADMIN')
  @ApiOperation({ summary: 'Discard an import awaiting confirmation: its rows are dropped, the current snapshot stays' })
  @ApiOkResponse({
    description: '{ importId, agencyCode, status: "DISCARDED", snapshotId, previousSnapshotId, rowsAccepted, previousRows }',
  })
  @ApiConflictResponse({ description: 'REGISTRY_IMPORT_NOT_AWAITING_CONFIRMATION' })
  discard(
    @CurrentActor() actor: Actor,
    @Param('importId', uuidParam('importId')) importId: string,
    @ClientIp() ip: string,
  ): Promise<ImportDecision> {
    return this.decide(Rpc.verification.discardImport, 'REGISTRY_IMPORT_DISCARDED', actor, importId, ip);
  }

  private async decide(
    subject: string,
    action: 'REGISTRY_IMPORT_CONFIRMED' | 'REGISTRY_IMPORT_DISCARDED',
    actor: Actor,
    importId: string,
    ip: string,
  ): Promise<ImportDecision> {
    // a confirmation attaches the snapshot as current (a short lock of the registry's table)
    const d = await this.services.call<ImportDecision>(subject, { actor, importId }, { timeoutMs: 30_000 });
    await this.audit.record({
      actor,
      action,
      targetType: 'REGISTRY_IMPORT',
      targetId: d.importId,
      targetLabel: d.snapshotId,
      agencyCode: d.agencyCode,
      ip,
      before: {
        status: 'AWAITING_CONFIRMATION',
        currentSnapshotId: d.previousSnapshotId,
        currentRows: d.previousRows,
        rowsAccepted: d.rowsAccepted,
      },
      after: { status: d.status, currentSnapshotId: d.status === 'COMPLETED' ? d.snapshotId : d.previousSnapshotId },
    });
    return d;
  }
}
