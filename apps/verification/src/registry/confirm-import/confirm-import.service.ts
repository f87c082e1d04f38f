import { Injectable, Logger } from '@nestjs/common';
import type pg from 'pg';
import type { Actor } from '#contracts';
import { covers } from '#domain';
import { requireCanChange, requireRole } from '#platform';
import { VerificationError, VerificationErrorCode } from '../../verification.error.js';
import { ImportFinishedAnnouncer } from '../import-registry/import-finished.announcer.js';
import { RegistryDb } from '../registry-db.js';
import { SnapshotEvents } from '../snapshot-events.js';

interface HeldImport {
  id: string;
  agency_code: string;
  status: string;
  snapshot_id: string;
  source_event_id: string | null;
  rows_read: number;
  rows_accepted: number;
  rows_rejected: number;
  previous_snapshot_id: string;
  previous_rows: number;
  max_drop_percent: string;
}

/** What a decision changed, for the caller's audit trail. */
export interface ImportDecision {
  importId: string;
  agencyCode: string;
  status: 'COMPLETED' | 'DISCARDED';
  snapshotId: string;
  previousSnapshotId: string;
  rowsAccepted: number;
  previousRows: number;
}

/** The roles that decide on a held import, as the issue names them. */
const DECIDERS = ['VERIFIER', 'HEAD', 'ADMIN'];

/**
 * A verifier's decision on an import held by the drop guard (AWAITING_CONFIRMATION): confirmed,
 * its snapshot becomes current, as long as the snapshot it was measured against still is (a
 * newer import may have replaced it meanwhile: then it is refused, the verifier looks again);
 * discarded, its rows are dropped and the current snapshot stays. Only staff of the import's own
 * agency decide (a province sees its regencies' imports, it does not decide for them). The
 * decision, who made it and when, is kept with the import and told on `…import.finished.v1`.
 */
@Injectable()
export class ConfirmImportService {
  private readonly log = new Logger('registry-import-confirmation');

  constructor(
    private readonly db: RegistryDb,
    private readonly announcer: ImportFinishedAnnouncer,
    private readonly events: SnapshotEvents,
  ) {}

  async confirm(actor: Actor, importId: string): Promise<ImportDecision> {
    const decision = await this.db.transaction(async (c) => {
      const imp = await this.held(c, actor, importId);
      const current = (
        await c.query<{ id: string }>(`SELECT id FROM registry_snapshots WHERE agency_code = $1 AND is_current FOR UPDATE`, [
          imp.agency_code,
        ])
      ).rows[0];
      if (current?.id !== imp.previous_snapshot_id) {
        throw new VerificationError(
          VerificationErrorCode.ImportSuperseded,
          `Another snapshot became current after import ${imp.id} was held: it was measured against ${imp.previous_snapshot_id}. Discard it, or upload the file again to compare it with the current one`,
        );
      }
      await c.query(`UPDATE registry_snapshots SET is_current = false WHERE id = $1`, [current.id]);
      await c.query(`UPDATE registry_snapshots SET status = 'COMPLETE', is_current = true, previous_id = $2 WHERE id = $1`, [
        imp.snapshot_id,
        current.id,
      ]);
      await this.decide(c, imp, 'COMPLETED', actor);
      return this.decisionOf(imp, 'COMPLETED');
    });
    this.log.log(
      `registry import ${importId} confirmed by ${actor.username}: snapshot ${decision.snapshotId} is current for ${decision.agencyCode}`,
    );
    this.events.snapshotActivated(decision.agencyCode, decision.snapshotId);
    return decision;
  }

  async discard(actor: Actor, importId: string): Promise<ImportDecision> {
    const decision = await this.db.transaction(async (c) => {
      const imp = await this.held(c, actor, importId);
      const table = `registry_persons_${imp.snapshot_id.replace(/-/g, '')}`;
      // its rows are of no further use: detached and dropped, with any diff computed against it
      await c.query(`ALTER TABLE registry_persons DETACH PARTITION "${table}"`);
      await c.query(`DROP TABLE "${table}"`);
      await c.query(`DELETE FROM registry_snapshot_diff_items WHERE snapshot_id = $1 OR against_id = $1`, [imp.snapshot_id]);
      await c.query(`DELETE FROM registry_snapshot_diffs WHERE snapshot_id = $1 OR against_id = $1`, [imp.snapshot_id]);
      await c.query(`UPDATE registry_snapshots SET status = 'DISCARDED' WHERE id = $1`, [imp.snapshot_id]);
      await this.decide(c, imp, 'DISCARDED', actor);
      return this.decisionOf(imp, 'DISCARDED');
    });
    this.log.log(`registry import ${importId} discarded by ${actor.username}: the current snapshot of ${decision.agencyCode} stays`);
    return decision;
  }

  /** The import, locked, if the actor may decide on it and it waits for a decision. */
  private async held(c: pg.PoolClient, actor: Actor, importId: string): Promise<HeldImport> {
    requireRole(actor, ...DECIDERS);
    const imp = (
      await c.query<HeldImport>(
        `SELECT id, agency_code, status, snapshot_id, source_event_id, rows_read, rows_accepted, rows_rejected, previous_snapshot_id, previous_rows, max_drop_percent
         FROM registry_imports WHERE id = $1 FOR UPDATE`,
        [importId],
      )
    ).rows[0];
    // another agency's import is "not found", as for reading it
    if (!imp || !covers(actor, imp.agency_code)) {
      throw new VerificationError(VerificationErrorCode.ImportNotFound, `No registry import ${importId}`);
    }
    requireCanChange(actor, imp.agency_code, 'its registry imports');
    if (imp.status !== 'AWAITING_CONFIRMATION') {
      throw new VerificationError(
        VerificationErrorCode.ImportNotAwaitingConfirmation,
        `Registry import ${importId} is ${imp.status}: only an import awaiting confirmation is confirmed or discarded`,
      );
    }
    return imp;
  }

  private async decide(c: pg.PoolClient, imp: HeldImport, status: 'COMPLETED' | 'DISCARDED', actor: Actor): Promise<void> {
    await c.query(
      `UPDATE registry_imports SET status = $2, decided_by = $3, decided_at = now(), finished_at = now(), updated_at = now() WHERE id = $1`,
      [imp.id, status, actor.username],
    );
    await this.announcer.announceFinished(c, {
      importId: imp.id,
      sourceEventId: imp.source_event_id,
      agencyCode: imp.agency_code,
      status,
      snapshotId: status === 'COMPLETED' ? imp.snapshot_id : null,
      failure: null,
      confirmation: status === 'COMPLETED' ? 'CONFIRMED' : 'DISCARDED',
      previousRows: imp.previous_rows,
      maxDropPercent: Number(imp.max_drop_percent),
      read: imp.rows_read,
      accepted: imp.rows_accepted,
      rejected: imp.rows_rejected,
    });
  }

  private decisionOf(imp: HeldImport, status: 'COMPLETED' | 'DISCARDED'): ImportDecision {
    return {
      importId: imp.id,
      agencyCode: imp.agency_code,
      status,
      snapshotId: imp.snapshot_id,
      previousSnapshotId: imp.previous_snapshot_id,
      rowsAccepted: imp.rows_accepted,
      previousRows: imp.previous_rows,
    };
  }
}
