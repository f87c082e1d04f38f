import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  Rpc,
  type Actor,
  type RegistryFileFormat,
  type RegistryImportConfirmation,
  type RegistryImportErrorsPage,
  type RegistryImportView,
} from '#contracts';
import { covers } from '#domain';
import { requireCovers } from '#platform';
import { clamp, pageOf } from '../../paging.js';
import { VerificationError, VerificationErrorCode } from '../../verification.error.js';
import { dropPercent } from '../confirm-import/drop-guard.js';
import { RegistryRepository, type ImportRecord } from '../registry.repository.js';
import { CreateImportHandler } from './create-import.handler.js';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** Why the import was held for confirmation, and what was decided (null for an import that was not held). */
function confirmationOf(imp: ImportRecord): RegistryImportConfirmation | null {
  if (!imp.previous_snapshot_id || imp.previous_rows === null) return null;
  return {
    previousSnapshotId: imp.previous_snapshot_id,
    previousRows: imp.previous_rows,
    dropPercent: dropPercent(imp.previous_rows, imp.rows_accepted),
    maxDropPercent: Number(imp.max_drop_percent),
    decision: imp.status === 'COMPLETED' ? 'CONFIRMED' : imp.status === 'DISCARDED' ? 'DISCARDED' : 'PENDING',
    decidedBy: imp.decided_by,
    decidedAt: iso(imp.decided_at),
  };
}

/** Registry imports: queue one (after its header is checked), watch its progress, page its rejected rows. */
@Controller()
export class ImportRegistryMessageController {
  constructor(
    private readonly imports: CreateImportHandler,
    private readonly registry: RegistryRepository,
  ) {}

  @MessagePattern(Rpc.verification.createImport)
  create(@Payload() body: { actor: Actor; agencyCode: string; objectName: string; fileName?: string | null; format: RegistryFileFormat }) {
    return this.imports.create(body.actor, body);
  }

  @MessagePattern(Rpc.verification.getImport)
  async get(@Payload() body: { actor: Actor; importId: string; errorsLimit?: number }): Promise<RegistryImportView> {
    const imp = await this.find(body.actor, body.importId);
    const errors = await this.registry.importErrors(imp.id, clamp(body.errorsLimit ?? 100, 0, 1000), 0);
    return {
      importId: imp.id,
      agencyCode: imp.agency_code,
      fileName: imp.file_name,
      format: imp.format,
      status: imp.status,
      rowsRead: imp.rows_read,
      rowsAccepted: imp.rows_accepted,
      rowsRejected: imp.rows_rejected,
      snapshotId: imp.snapshot_id,
      failure: imp.failure,
      attempts: imp.attempts,
      createdBy: imp.created_by,
      createdAt: imp.created_at.toISOString(),
      sourceEventId: imp.source_event_id,
      label: imp.label,
      startedAt: iso(imp.started_at),
      finishedAt: iso(imp.finished_at),
      confirmation: confirmationOf(imp),
      errors: errors.items,
      errorsTotal: errors.total,
    };
  }

  @MessagePattern(Rpc.verification.listImportErrors)
  async errors(@Payload() body: { actor: Actor; importId: string; limit?: number; offset?: number }): Promise<RegistryImportErrorsPage> {
    const imp = await this.find(body.actor, body.importId);
    const { limit, offset } = pageOf(body, { limit: 100, max: 1000 });
    return { ...(await this.registry.importErrors(imp.id, limit, offset)), limit, offset };
  }

  @MessagePattern(Rpc.verification.listImports)
  async list(@Payload() body: { actor: Actor; agencyCode?: string; limit?: number; offset?: number }) {
    const agency = body.agencyCode ?? body.actor.agencyCode;
    requireCovers(body.actor, agency);
    const { limit, offset } = pageOf(body, { limit: 20, max: 200 });
    const rows = await this.registry.imports(agency, limit, offset);
    return {
      items: rows.map((imp) => ({
        importId: imp.id,
        agencyCode: imp.agency_code,
        fileName: imp.file_name,
        format: imp.format,
        status: imp.status,
        rowsRead: imp.rows_read,
        rowsAccepted: imp.rows_accepted,
        rowsRejected: imp.rows_rejected,
        snapshotId: imp.snapshot_id,
        createdBy: imp.created_by,
        createdAt: imp.created_at.toISOString(),
        finishedAt: iso(imp.finished_at),
      })),
      total: rows.length ? Number(rows[0].total) : 0,
      limit,
      offset,
    };
  }

  private async find(actor: Actor, importId: string): Promise<ImportRecord> {
    const imp = await this.registry.import(importId);
    // another agency's import is "not found": its existence is not disclosed
    if (!imp || !covers(actor, imp.agency_code))
      throw new VerificationError(VerificationErrorCode.ImportNotFound, `No registry import ${importId}`);
    return imp;
  }
}
