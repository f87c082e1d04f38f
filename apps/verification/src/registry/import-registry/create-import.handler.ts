import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import type { Actor, RegistryFileFormat, RegistrySnapshotPublishedEvent } from '#contracts';
import { requireCanChange, requireRole } from '#platform';
import { findAgency } from '#domain';
import { VerificationConfig } from '../../config/verification.config.js';
import { VerificationError, VerificationErrorCode } from '../../verification.error.js';
import { readRegistryFile } from '../file/registry-file.js';
import { mapHeader } from '../file/registry-row.js';
import { RegistryDb } from '../registry-db.js';
import { RegistryStore } from '../registry-store.js';
import { RegistryImportWorker } from './import-worker.js';

/**
 * Creating a registry import: an upload's header is checked at once (a missing column refuses
 * the file whole) and the import queued; a department system's announcement is queued in its
 * consumer's transaction. The worker (import-worker.ts) runs it.
 */
@Injectable()
export class CreateImportHandler {
  constructor(
    private readonly db: RegistryDb,
    private readonly store: RegistryStore,
    private readonly config: VerificationConfig,
    private readonly worker: RegistryImportWorker,
  ) {}

  /** Checks the uploaded file's header and queues its import. */
  async create(
    actor: Actor,
    req: { agencyCode: string; objectName: string; fileName?: string | null; format: RegistryFileFormat },
  ): Promise<{ importId: string; status: 'QUEUED' }> {
    requireRole(actor, 'VERIFIER', 'ADMIN');
    const agency = findAgency(req.agencyCode);
    if (!agency || agency.bureau) {
      throw new VerificationError(VerificationErrorCode.UnknownAgency, `No agency ${req.agencyCode} keeps a registry`, [
        { path: 'agencyCode', message: `agencyCode ${req.agencyCode} is not an agency of this installation` },
      ]);
    }
    // a new snapshot changes what the agency's cases are checked against: its own staff's act
    requireCanChange(actor, agency.code, 'its registry');
    try {
      await this.checkHeader(req.objectName, req.format);
    } catch (e) {
      await this.store.remove(req.objectName);
      throw e;
    }
    const id = randomUUID();
    await this.db.pool.query(
      `INSERT INTO registry_imports (id, agency_code, file_name, format, object_name, status, created_by) VALUES ($1, $2, $3, $4, $5, 'QUEUED', $6)`,
      [id, agency.code, req.fileName ?? null, req.format, req.objectName, actor.username],
    );
    this.worker.kick();
    return { importId: id, status: 'QUEUED' };
  }

  /**
   * A department system announced a snapshot it put in the drop bucket: queue its import, in the
   * consumer's transaction (one import per event, however often it comes). The header is checked
   * by the import itself; a file that fails it ends FAILED, and the department hears why on
   * `…registry.import.finished.v1`. Returns why the event is refused, if it is.
   */
  async announce(
    manager: EntityManager,
    event: RegistrySnapshotPublishedEvent,
    from: { system: string; bucket: string },
  ): Promise<{ path: string; message: string } | null> {
    const agency = findAgency(event.agencyCode);
    if (!agency || agency.code.includes('.BKS'))
      return { path: 'agencyCode', message: 'agencyCode is not an agency of this installation that keeps a registry' };
    await manager.query(
      `INSERT INTO registry_imports (id, agency_code, file_name, format, object_name, bucket, source_event_id, label, status, created_by, digest)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 'QUEUED', $9, $10) ON CONFLICT DO NOTHING`,
      [
        randomUUID(),
        agency.code,
        event.objectName,
        event.format,
        event.objectName,
        from.bucket,
        event.eventId,
        event.label ?? null,
        `system:${from.system}`,
        event.digest,
      ],
    );
    return null;
  }

  private async checkHeader(objectName: string, format: RegistryFileFormat): Promise<void> {
    const obj = await this.store.open(objectName);
    try {
      const rows = readRegistryFile(obj.stream, format, { maxUnpackedBytes: this.config.SIGAP_REGISTRY_XLSX_MAX_UNPACKED_BYTES });
      const first = await rows.next();
      await rows.return(undefined);
      if (first.done || !first.value.length)
        throw new VerificationError(VerificationErrorCode.RegistryFileUnreadable, 'The file is empty: it needs a header row', [
          { path: 'file', message: 'the file has no header row' },
        ]);
      const header = mapHeader(first.value[0].values);
      if (!header.ok) {
        throw new VerificationError(
          VerificationErrorCode.RegistryColumnMissing,
          `The file misses the required column${header.missing.length > 1 ? 's' : ''} ${header.missing.join(', ')}: nothing was imported`,
          header.missing.map((c) => ({ path: `file.${c}`, message: `column ${c} is missing` })),
        );
      }
    } catch (e) {
      if (e instanceof VerificationError) throw e;
      throw new VerificationError(
        VerificationErrorCode.RegistryFileUnreadable,
        `The file cannot be read as ${format}: ${e instanceof Error ? e.message : String(e)}`,
        [{ path: 'file', message: `not a readable ${format} file` }],
      );
    } finally {
      obj.stream.destroy();
    }
  }

  /** Wakes the worker (after the transaction that queued an import committed). */
  kick(): void {
    this.worker.kick();
  }
}
