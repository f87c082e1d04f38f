import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { randomUUID, createHash } from 'node:crypto';
import { once } from 'node:events';
import { finished } from 'node:stream/promises';
import type pg from 'pg';
import copyStreams from 'pg-copy-streams';
import type { RegistryFileFormat, RegistryRowError } from '#contracts';
import { BackgroundLoop } from '#platform';
import { findAgency } from '#domain';
import { Clock } from '../../config/clock.js';
import { VerificationConfig } from '../../config/verification.config.js';
import { VerificationError, VerificationErrorCode } from '../../verification.error.js';
import { dropPercent, needsConfirmation } from '../confirm-import/drop-guard.js';
import { FileFormatError } from '../file/registry-file.js';
import { COPY_COLUMNS } from '../file/registry-row.js';
import { RegistryDb } from '../registry-db.js';
import { RegistryStore } from '../registry-store.js';
import { RegistrySettingsRepository } from '../registry-settings/registry-settings.repository.js';
import { SnapshotEvents } from '../snapshot-events.js';
import { ImportFinishedAnnouncer } from './import-finished.announcer.js';
import { LoadSession } from './registry-load.js';
import type { LoadReply } from './registry-load.worker.js';

/** An import interrupted this often (restarts mid-import) is failed rather than tried again. */
export const MAX_IMPORT_ATTEMPTS = 3;
const PROGRESS_EVERY_ROWS = 20_000;
// what the COPY stream may hold before write() asks the loop to wait for 'drain'
const COPY_BUFFER_BYTES = 256 * 1024;
const ERROR_FLUSH = 1000;
// Object Store chunks (128 KB) handed to the load worker and not yet taken by it
const WORKER_READ_AHEAD = 4;
// each index build of a snapshot sorts in memory: 1M (snapshot, NIK) keys need ~100 MB, and
// with the default 64 MB the sort spills to temporary files
const INDEX_SORT_MEMORY = '256MB';

interface ImportRow {
  id: string;
  agency_code: string;
  object_name: string;
  bucket: string;
  source_event_id: string | null;
  /** the digest an announcement gave: the bytes imported must have it */
  digest: string | null;
  format: RegistryFileFormat;
  status: string;
  attempts: number;
}

type Counts = { read: number; accepted: number; rejected: number };

/** 64-bit advisory lock key of an import: held by the connection that runs it, released if that process dies. */
function lockKey(importId: string): string {
  return createHash('sha256').update(`registry-import:${importId}`).digest().readBigInt64BE(0).toString();
}

/**
 * The worker that runs queued registry imports (create-import.handler.ts queues them): it
 * streams the file from the Object Store through the row checks (on a worker thread) into a COPY
 * of a new snapshot's own table, reports rejected rows as it goes, and makes the snapshot current
 * in one transaction only once every row is in (or holds it for a verifier's confirmation when it
 * falls too far below the current one: drop-guard.ts). It holds a session advisory lock per
 * import: when its process dies the lock goes with its connection, and the next poll (of this or
 * another replica) starts the import over, up to MAX_IMPORT_ATTEMPTS. Its SQL runs on the
 * connection it holds for the whole import (COPY, index builds, attach), so it stays here.
 */
@Injectable()
export class RegistryImportWorker implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly log = new Logger('registry-import');
  private readonly worker = new BackgroundLoop(this.log, 'the registry import worker', () => this.drain());
  private abort?: () => void;

  constructor(
    private readonly db: RegistryDb,
    private readonly store: RegistryStore,
    private readonly events: SnapshotEvents,
    private readonly announcer: ImportFinishedAnnouncer,
    private readonly config: VerificationConfig,
    private readonly settings: RegistrySettingsRepository,
    private readonly clock: Clock,
  ) {}

  onApplicationBootstrap(): void {
    this.worker.start(this.config.SIGAP_REGISTRY_POLL_MS);
  }

  async onApplicationShutdown(): Promise<void> {
    const stopped = this.worker.stop();
    this.abort?.();
    await stopped;
  }

  private get stopping(): boolean {
    return this.worker.stopping;
  }

  /** Wakes the worker: it runs pending imports one after another. */
  kick(): void {
    void this.worker.kick();
  }

  private async drain(): Promise<void> {
    const { rows } = await this.db.pool.query<{ id: string }>(
      `SELECT id FROM registry_imports WHERE status IN ('QUEUED', 'RUNNING') ORDER BY created_at LIMIT 20`,
    );
    for (const r of rows) {
      if (this.stopping) return;
      await this.runOne(r.id);
    }
  }

  private async runOne(id: string): Promise<void> {
    const client = await this.db.pool.connect();
    let broken: Error | undefined;
    let table: string | undefined;
    let snapshotId: string | undefined;
    let file: { name: string; bucket: string } | undefined;
    try {
      const lock = await client.query<{ ok: boolean }>('SELECT pg_try_advisory_lock($1::bigint) AS ok', [lockKey(id)]);
      // another process (or replica) is running it
      if (!lock.rows[0].ok) return;
      const imp = (
        await client.query<ImportRow>(
          'SELECT id, agency_code, object_name, bucket, source_event_id, digest, format, status, attempts FROM registry_imports WHERE id = $1',
          [id],
        )
      ).rows[0];
      if (!imp || (imp.status !== 'QUEUED' && imp.status !== 'RUNNING')) return;
      file = { name: imp.object_name, bucket: imp.bucket };
      await this.discardPreviousAttempt(client, id);
      if (imp.attempts >= MAX_IMPORT_ATTEMPTS) {
        await this.fail(
          id,
          undefined,
          `interrupted ${imp.attempts} times (the service restarted during the import); upload the file again`,
        );
        await this.store.remove(file.name, file.bucket);
        return;
      }
      if (imp.status === 'RUNNING') this.log.warn(`registry import ${id} was interrupted (attempt ${imp.attempts}); starting it over`);
      snapshotId = randomUUID();
      table = `registry_persons_${snapshotId.replace(/-/g, '')}`;
      await client.query(`INSERT INTO registry_snapshots (id, agency_code, source, import_id, status) VALUES ($1, $2, $3, $4, 'LOADING')`, [
        snapshotId,
        imp.agency_code,
        imp.source_event_id ? 'EVENT' : 'IMPORT',
        id,
      ]);
      await client.query(
        `UPDATE registry_imports SET status = 'RUNNING', attempts = attempts + 1, rows_read = 0, rows_accepted = 0, rows_rejected = 0,
           snapshot_id = NULL, failure = NULL, started_at = now(), updated_at = now() WHERE id = $1`,
        [id],
      );
      await client.query(`CREATE TABLE "${table}" (LIKE registry_persons INCLUDING DEFAULTS)`);
      const counts = await this.load(client, imp, snapshotId, table);
      const t = Date.now();
      const outcome = await this.finish(client, imp, snapshotId, table, counts);
      this.log.log(
        `registry import ${id}: indexed and ${outcome === 'CURRENT' ? 'made current' : 'held for confirmation'} in ${((Date.now() - t) / 1000).toFixed(1)} s`,
      );
      await this.store.remove(file.name, file.bucket);
      if (outcome === 'CURRENT') this.events.snapshotActivated(imp.agency_code, snapshotId);
    } catch (e) {
      broken = e instanceof Error ? e : new Error(String(e));
      if (this.stopping) {
        // a graceful stop leaves the import RUNNING: the next start takes it over
        this.log.warn(`registry import ${id} stopped by shutdown; it starts over on the next start`);
      } else {
        this.log.error({ err: broken }, `registry import ${id} failed`);
        const why =
          broken instanceof FileFormatError || broken instanceof VerificationError
            ? broken.message
            : `the import failed: ${broken.message}`;
        await this.fail(id, snapshotId, why).catch((e2: unknown) => this.log.error({ err: e2 }, `could not mark import ${id} failed`));
        if (file) await this.store.remove(file.name, file.bucket);
      }
    } finally {
      // never back to the pool: closing the connection frees the advisory lock, and one left mid-COPY is unusable
      client.release(true);
      if (broken && table && !this.stopping) {
        await this.db.pool.query(`DROP TABLE IF EXISTS "${table}"`).catch(() => undefined);
      }
    }
  }

  /** Leftovers of an attempt that died: its snapshot (never current) and its staging table, its row errors. */
  private async discardPreviousAttempt(client: pg.PoolClient, importId: string): Promise<void> {
    const { rows } = await client.query<{ id: string }>(`SELECT id FROM registry_snapshots WHERE import_id = $1 AND status = 'LOADING'`, [
      importId,
    ]);
    for (const r of rows) {
      await client.query(`DROP TABLE IF EXISTS "registry_persons_${r.id.replace(/-/g, '')}"`);
      await client.query(`UPDATE registry_snapshots SET status = 'FAILED', completed_at = now() WHERE id = $1`, [r.id]);
    }
    await client.query('DELETE FROM registry_import_errors WHERE import_id = $1', [importId]);
  }

  private async load(client: pg.PoolClient, imp: ImportRow, snapshotId: string, table: string) {
    const agency = findAgency(imp.agency_code)!;
    const obj = await this.store.open(imp.object_name, imp.bucket, imp.digest);
    this.abort = () => obj.stream.destroy(new Error('the service is stopping'));
    const copy = client.query(
      copyStreams.from(`COPY "${table}" (${COPY_COLUMNS.map((c) => `"${c}"`).join(', ')}) FROM STDIN`, {
        highWaterMark: COPY_BUFFER_BYTES,
      }),
    );
    const copyDone = finished(copy);
    copyDone.catch(() => undefined);
    let read = 0;
    let accepted = 0;
    let rejected = 0;
    let errors: RegistryRowError[] = [];
    const started = Date.now();
    let drainMs = 0;
    let readMs = 0;
    let session: LoadSession | undefined;
    const flushErrors = async () => {
      if (!errors.length) return;
      const batch = errors;
      errors = [];
      await this.db.pool.query(
        `INSERT INTO registry_import_errors (import_id, row_number, field, message)
         SELECT $1, r, f, m FROM unnest($2::int[], $3::text[], $4::text[]) AS t(r, f, m) ON CONFLICT DO NOTHING`,
        [imp.id, batch.map((e) => e.row), batch.map((e) => e.field), batch.map((e) => e.message)],
      );
    };
    const progress = () =>
      this.db.pool.query(
        `UPDATE registry_imports SET rows_read = $2, rows_accepted = $3, rows_rejected = $4, updated_at = now() WHERE id = $1`,
        [imp.id, read, accepted, rejected],
      );
    try {
      // parsed and checked on a worker thread while this one reads the file and feeds the COPY
      session = LoadSession.start({
        type: 'start',
        format: imp.format,
        areaCode: agency.areaCode,
        today: this.clock.today(),
        snapshotId,
        xlsxMaxUnpackedBytes: this.config.SIGAP_REGISTRY_XLSX_MAX_UNPACKED_BYTES,
      });
      let progressAt = PROGRESS_EVERY_ROWS;
      const take = async (m: LoadReply): Promise<boolean> => {
        switch (m.type) {
          case 'took':
            return false;
          case 'missing':
            throw new VerificationError(
              VerificationErrorCode.RegistryColumnMissing,
              `The file misses the required columns ${m.missing.join(', ')}`,
            );
          case 'failed':
            throw m.format ? new FileFormatError(m.message) : new Error(m.message);
          case 'done':
            if (m.empty)
              throw new VerificationError(VerificationErrorCode.RegistryFileUnreadable, 'The file is empty: it needs a header row');
            return true;
          case 'rows':
            read += m.read;
            accepted += m.accepted;
            rejected += m.rejected;
            for (const e of m.errors) errors.push(e);
            for (const part of m.copy) {
              if (!copy.write(part)) {
                const w = performance.now();
                await Promise.race([once(copy, 'drain'), copyDone]);
                drainMs += performance.now() - w;
              }
            }
            if (errors.length >= ERROR_FLUSH) await flushErrors();
            if (read >= progressAt) {
              progressAt = (Math.floor(read / PROGRESS_EVERY_ROWS) + 1) * PROGRESS_EVERY_ROWS;
              await Promise.all([flushErrors(), progress()]);
            }
            return false;
        }
      };
      let mark = performance.now();
      for await (const chunk of obj.stream as AsyncIterable<Uint8Array>) {
        readMs += performance.now() - mark;
        session.send(chunk);
        while (session.pending || session.inFlight >= WORKER_READ_AHEAD) await take(await session.next());
        mark = performance.now();
      }
      session.end();
      while (!(await take(await session.next())));
      copy.end();
      await copyDone;
      const streamError = await obj.done;
      if (streamError) throw streamError;
      session?.close(true);
    } catch (e) {
      session?.close(false);
      copy.destroy(e instanceof Error ? e : new Error(String(e)));
      throw e;
    } finally {
      this.abort = undefined;
    }
    await flushErrors();
    await progress();
    const seconds = (Date.now() - started) / 1000;
    this.log.log(
      `registry import ${imp.id}: ${read} rows read (${accepted} accepted, ${rejected} rejected) in ${seconds.toFixed(1)} s (${(readMs / 1000).toFixed(1)} s waiting for the file's rows, ${(drainMs / 1000).toFixed(1)} s waiting for Postgres to take the COPY)`,
    );
    return { read, accepted, rejected };
  }

  /**
   * Indexes the new snapshot's table, then attaches it and makes it current in one transaction,
   * unless its accepted rows fall by more than the agency's share from the current snapshot's:
   * then it is attached but held (AWAITING_CONFIRMATION) for a verifier (confirm-import/).
   */
  private async finish(
    client: pg.PoolClient,
    imp: ImportRow,
    snapshotId: string,
    table: string,
    counts: Counts,
  ): Promise<'CURRENT' | 'HELD'> {
    const t0 = performance.now();
    // the KK index on a second connection while this one builds the NIK index (two cores, two sorts)
    const side = this.sideIndex(`CREATE INDEX ON "${table}" ("snapshot_id", "kk")`);
    side.catch(() => undefined);
    await client.query(`SET maintenance_work_mem = '${INDEX_SORT_MEMORY}'`);
    try {
      await client.query(`CREATE UNIQUE INDEX ON "${table}" ("snapshot_id", "nik")`);
    } catch (e) {
      if ((e as { code?: string }).code !== '23505') throw e;
      // the same NIK on several rows: the first stays, the others are rejected naming it
      const { rowCount } = await client.query(
        `WITH ranked AS (SELECT ctid AS c, row_number, min(row_number) OVER (PARTITION BY nik) AS first FROM "${table}"),
              dups AS (DELETE FROM "${table}" s USING ranked r WHERE s.ctid = r.c AND r.row_number > r.first RETURNING s.row_number, r.first)
         INSERT INTO registry_import_errors (import_id, row_number, field, message)
         SELECT $1, row_number, 'nik', 'nik appears more than once in the file: first on row ' || first FROM dups ON CONFLICT DO NOTHING`,
        [imp.id],
      );
      counts.accepted -= rowCount ?? 0;
      counts.rejected += rowCount ?? 0;
      await client.query(`CREATE UNIQUE INDEX ON "${table}" ("snapshot_id", "nik")`);
    }
    // lets ATTACH skip its validating scan
    await client.query(`ALTER TABLE "${table}" ADD CONSTRAINT "${table}_snapshot" CHECK ("snapshot_id" = '${snapshotId}'::uuid)`);
    await side;
    const indexed = performance.now();
    await client.query('BEGIN');
    try {
      await client.query(`ALTER TABLE registry_persons ATTACH PARTITION "${table}" FOR VALUES IN ('${snapshotId}')`);
      const current = (
        await client.query<{ id: string; rows: number }>(
          `SELECT id, rows FROM registry_snapshots WHERE agency_code = $1 AND is_current FOR UPDATE`,
          [imp.agency_code],
        )
      ).rows[0];
      const { maxDropPercent } = await this.settings.get(imp.agency_code, client);
      if (current && needsConfirmation(current.rows, counts.accepted, maxDropPercent)) {
        await this.hold(client, imp, snapshotId, counts, current, maxDropPercent);
        await client.query('COMMIT');
        this.log.warn(
          `registry import ${imp.id}: ${counts.accepted} rows where the current snapshot has ${current.rows} (a fall of ${dropPercent(current.rows, counts.accepted)}%, more than ${maxDropPercent}%): held for a verifier's confirmation`,
        );
        return 'HELD';
      }
      const prev = await client.query<{ id: string }>(
        `UPDATE registry_snapshots SET is_current = false WHERE agency_code = $1 AND is_current RETURNING id`,
        [imp.agency_code],
      );
      await client.query(
        `UPDATE registry_snapshots SET status = 'COMPLETE', is_current = true, rows = $2, completed_at = now(), previous_id = $3 WHERE id = $1`,
        [snapshotId, counts.accepted, prev.rows[0]?.id ?? null],
      );
      await client.query(
        `UPDATE registry_imports SET status = 'COMPLETED', snapshot_id = $2, rows_read = $3, rows_accepted = $4, rows_rejected = $5,
           finished_at = now(), updated_at = now() WHERE id = $1`,
        [imp.id, snapshotId, counts.read, counts.accepted, counts.rejected],
      );
      await this.announcer.announceFinished(client, {
        importId: imp.id,
        sourceEventId: imp.source_event_id,
        agencyCode: imp.agency_code,
        status: 'COMPLETED',
        snapshotId,
        failure: null,
        ...counts,
      });
      await client.query('COMMIT');
    } catch (e) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw e;
    }
    this.log.log(
      `registry import ${imp.id}: indexes built in ${((indexed - t0) / 1000).toFixed(1)} s, attached and made current in ${((performance.now() - indexed) / 1000).toFixed(1)} s`,
    );
    return 'CURRENT';
  }

  /** The snapshot is complete and comparable but not current; the import waits, and says so. */
  private async hold(
    client: pg.PoolClient,
    imp: ImportRow,
    snapshotId: string,
    counts: Counts,
    current: { id: string; rows: number },
    maxDropPercent: number,
  ): Promise<void> {
    await client.query(
      `UPDATE registry_snapshots SET status = 'AWAITING_CONFIRMATION', rows = $2, completed_at = now(), previous_id = $3 WHERE id = $1`,
      [snapshotId, counts.accepted, current.id],
    );
    await client.query(
      `UPDATE registry_imports SET status = 'AWAITING_CONFIRMATION', snapshot_id = $2, rows_read = $3, rows_accepted = $4, rows_rejected = $5,
         previous_snapshot_id = $6, previous_rows = $7, max_drop_percent = $8, updated_at = now() WHERE id = $1`,
      [imp.id, snapshotId, counts.read, counts.accepted, counts.rejected, current.id, current.rows, maxDropPercent],
    );
    await this.announcer.announceFinished(client, {
      importId: imp.id,
      sourceEventId: imp.source_event_id,
      agencyCode: imp.agency_code,
      status: 'AWAITING_CONFIRMATION',
      snapshotId,
      failure: null,
      confirmation: 'REQUIRED',
      previousRows: current.rows,
      maxDropPercent,
      ...counts,
    });
  }

  /** One index build on a connection of its own, with the sort memory of INDEX_SORT_MEMORY. */
  private sideIndex(sql: string): Promise<void> {
    return this.db.transaction(async (c) => {
      await c.query(`SET LOCAL maintenance_work_mem = '${INDEX_SORT_MEMORY}'`);
      await c.query(sql);
    });
  }

  /** Marks the import FAILED and says so on `…registry.import.finished.v1`, in one transaction. */
  private async fail(importId: string, snapshotId: string | undefined, why: string): Promise<void> {
    await this.db.transaction(async (client) => {
      const { rows } = await client.query<{
        agency_code: string;
        source_event_id: string | null;
        rows_read: number;
        rows_accepted: number;
        rows_rejected: number;
      }>(
        `UPDATE registry_imports SET status = 'FAILED', failure = $2, finished_at = now(), updated_at = now()
          WHERE id = $1 AND status IN ('QUEUED', 'RUNNING') RETURNING agency_code, source_event_id, rows_read, rows_accepted, rows_rejected`,
        [importId, why.slice(0, 2000)],
      );
      if (snapshotId)
        await client.query(`UPDATE registry_snapshots SET status = 'FAILED', completed_at = now() WHERE id = $1 AND status = 'LOADING'`, [
          snapshotId,
        ]);
      const imp = rows[0];
      if (imp) {
        await this.announcer.announceFinished(client, {
          importId,
          sourceEventId: imp.source_event_id,
          agencyCode: imp.agency_code,
          status: 'FAILED',
          snapshotId: null,
          failure: why.slice(0, 2000),
          read: imp.rows_read,
          accepted: imp.rows_accepted,
          rejected: imp.rows_rejected,
        });
      }
    });
  }
}
