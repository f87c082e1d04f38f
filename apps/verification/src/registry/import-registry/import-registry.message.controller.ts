import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { Rpc, type Actor, type RegistryFileFormat, type RegistryImportConfirmation, type RegistryImportErrorsPage, type RegistryImportView } from '#contracts';
import { covers } from '#domain';
import { requireCovers, isUuid } from '#platform';
import { VerificationError, VerificationErrorCode } from '../../verification.error.js';
import { dropPercent } from '../confirm-import/drop-guard.js';
import { RegistryDb } from '../registry-db.js';
import { RegistryImportService } from './registry-import.service.js';

interface ImportRecord {
  id: string; agency_code: string; file_name: string | null; format: RegistryFileFormat; status: RegistryImportView['status'];
  rows_read: number; rows_accepted: number; rows_rejected: number; snapshot_id: string | null; failure: string | null; attempts: number;
  created_by: string; created_at: Date; started_at: Date | null; finished_at: Date | null;
  source_event_id: string | null; label: string | null;
  previous_snapshot_id: string | null; previous_rows: number | null; max_drop_percent: string | null; decided_by: string | null; decided_at: Date | null;
}

/** Why the import was held for confirmation, and what was decided (null for an import that was not held). */
function confirmationOf(imp: ImportRecord): RegistryImportConfirmation | null {
  if (!imp.previous_snapshot_id || imp.previous_rows === null) return null;
  return {
    previousSnapshotId: imp.previous_snapshot_id, previousRows: imp.previous_rows, dropPercent: dropPercent(imp.previous_rows, imp.rows_accepted),
    maxDropPercent: Number(imp.max_drop_percent), decision: imp.status === 'COMPLETED' ? 'CONFIRMED' : imp.status === 'DISCARDED' ? 'DISCARDED' : 'PENDING',
    decidedBy: imp.decided_by, decidedAt: iso(imp.decided_at),
  };
}

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** Registry imports: queue one (after its header is checked), watch its progress, page its rejected rows. */
@Controller()
export class ImportRegistryMessageController {
  constructor(
    private readonly imports: RegistryImportService,
    private readonly db: RegistryDb,
  ) {}

  @MessagePattern(Rpc.verification.createImport)
  create(@Payload() body: { actor: Actor; agencyCode: string; objectName: string; fileName?: string | null; format: RegistryFileFormat }) {
    return this.imports.create(body.actor, body);
  }

  @MessagePattern(Rpc.verification.getImport)
  async get(@Payload() body: { actor: Actor; importId: string; errorsLimit?: number }): Promise<RegistryImportView> {
    const imp = await this.find(body.actor, body.importId);
    const limit = clamp(body.errorsLimit ?? 100, 0, 1000);
    const errors = await this.errorsOf(imp.id, limit, 0);
    return {
      importId: imp.id, agencyCode: imp.agency_code, fileName: imp.file_name, format: imp.format, status: imp.status,
      rowsRead: imp.rows_read, rowsAccepted: imp.rows_accepted, rowsRejected: imp.rows_rejected, snapshotId: imp.snapshot_id,
      failure: imp.failure, attempts: imp.attempts, createdBy: imp.created_by, createdAt: imp.created_at.toISOString(),
      sourceEventId: imp.source_event_id, label: imp.label,
      startedAt: iso(imp.started_at), finishedAt: iso(imp.finished_at), confirmation: confirmationOf(imp), errors: errors.items, errorsTotal: errors.total,
    };
  }

  @MessagePattern(Rpc.verification.listImportErrors)
  async errors(@Payload() body: { actor: Actor; importId: string; limit?: number; offset?: number }): Promise<RegistryImportErrorsPage> {
    const imp = await this.find(body.actor, body.importId);
    return this.errorsOf(imp.id, clamp(body.limit ?? 100, 1, 1000), Math.max(0, body.offset ?? 0));
  }

  @MessagePattern(Rpc.verification.listImports)
  async list(@Payload() body: { actor: Actor; agencyCode?: string; limit?: number; offset?: number }) {
    const agency = body.agencyCode ?? body.actor.agencyCode;
    requireCovers(body.actor, agency);
    const limit = clamp(body.limit ?? 20, 1, 200);
    const offset = Math.max(0, body.offset ?? 0);
    const { rows } = await this.db.pool.query<ImportRecord & { total: string }>(
      `SELECT *, count(*) OVER () AS total FROM registry_imports WHERE agency_code = $1 ORDER BY created_at DESC LIMIT $2 OFFSET $3`,
      [agency, limit, offset],
    );
    return {
      items: rows.map((imp) => ({
        importId: imp.id, agencyCode: imp.agency_code, fileName: imp.file_name, format: imp.format, status: imp.status,
        rowsRead: imp.rows_read, rowsAccepted: imp.rows_accepted, rowsRejected: imp.rows_rejected, snapshotId: imp.snapshot_id,
        createdBy: imp.created_by, createdAt: imp.created_at.toISOString(), finishedAt: iso(imp.finished_at),
      })),
      total: rows.length ? Number(rows[0].total) : 0, limit, offset,
    };
  }

  private async find(actor: Actor, importId: string): Promise<ImportRecord> {
    const imp = isUuid(importId) ? (await this.db.pool.query<ImportRecord>('SELECT * FROM registry_imports WHERE id = $1', [importId])).rows[0] : undefined;
    // another agency's import is "not found": its existence is not disclosed
    if (!imp || !covers(actor, imp.agency_code)) throw new VerificationError(VerificationErrorCode.ImportNotFound, `No registry import ${importId}`);
    return imp;
  }

  private async errorsOf(importId: string, limit: number, offset: number): Promise<RegistryImportErrorsPage> {
    const [items, total] = await Promise.all([
      limit
        ? this.db.pool.query<{ row: number; field: string; message: string }>(
            `SELECT row_number AS row, field, message FROM registry_import_errors WHERE import_id = $1 ORDER BY row_number, field LIMIT $2 OFFSET $3`,
            [importId, limit, offset],
          )
        : Promise.resolve({ rows: [] }),
      this.db.pool.query<{ n: string }>('SELECT count(*) AS n FROM registry_import_errors WHERE import_id = $1', [importId]),
    ]);
    return { items: items.rows, total: Number(total.rows[0].n), limit, offset };
  }
}

export function clamp(n: number, min: number, max: number): number {
  const v = Number.isFinite(Number(n)) ? Math.trunc(Number(n)) : min;
  return Math.min(max, Math.max(min, v));
}
