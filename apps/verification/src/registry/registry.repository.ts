import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { DiffChange, RegistryFileFormat, RegistryImportView, RegistrySnapshotView } from '#contracts';
import type { RegistryHit } from '../domain/eligibility.js';
import { RegistryDb } from './registry-db.js';
import { PERSON_COLUMNS, type PersonRow } from './registry-persons.js';
import { isUuid } from '#platform';

type Sql = Pick<EntityManager, 'query'>;
type Counts = { added: number; removed: number; changed: number };

export interface ImportRecord {
  id: string;
  agency_code: string;
  file_name: string | null;
  format: RegistryFileFormat;
  status: RegistryImportView['status'];
  rows_read: number;
  rows_accepted: number;
  rows_rejected: number;
  snapshot_id: string | null;
  failure: string | null;
  attempts: number;
  created_by: string;
  created_at: Date;
  started_at: Date | null;
  finished_at: Date | null;
  source_event_id: string | null;
  label: string | null;
  previous_snapshot_id: string | null;
  previous_rows: number | null;
  max_drop_percent: string | null;
  decided_by: string | null;
  decided_at: Date | null;
}

export interface SnapshotRecord {
  id: string;
  agency_code: string;
  source: 'IMPORT' | 'EVENT';
  import_id: string | null;
  status: RegistrySnapshotView['status'];
  is_current: boolean;
  rows: number;
  previous_id: string | null;
  created_at: Date;
  completed_at: Date | null;
}

/**
 * The registry aggregate's reads: imports and their row errors, snapshots and their diffs, the
 * persons of the current snapshots. (The import worker's COPY, index builds and attach run on the
 * connection it holds for the whole import: import-registry/import-worker.ts.)
 */
@Injectable()
export class RegistryRepository {
  constructor(private readonly db: RegistryDb) {}

  /** The current snapshots of some agencies, in the order given (a regency's own before its province's). */
  async currentSnapshotIds(m: Sql, agencies: string[]): Promise<string[]> {
    const rows: Array<{ id: string; agency_code: string }> = await m.query(
      `SELECT id, agency_code FROM registry_snapshots WHERE is_current AND agency_code = ANY($1)`,
      [agencies],
    );
    return agencies.map((a) => rows.find((r) => r.agency_code === a)?.id).filter((id): id is string => !!id);
  }

  /** Every agency's current snapshot. */
  async allCurrent(): Promise<Map<string, string>> {
    const { rows } = await this.db.pool.query<{ id: string; agency_code: string }>(
      `SELECT id, agency_code FROM registry_snapshots WHERE is_current`,
    );
    return new Map(rows.map((s) => [s.agency_code, s.id]));
  }

  /** The persons with these NIKs in these snapshots. */
  async hits(m: Sql, snapshotIds: string[], niks: string[]): Promise<RegistryHit[]> {
    if (!snapshotIds.length || !niks.length) return [];
    const rows: Array<PersonRow> = await m.query(
      `SELECT ${PERSON_COLUMNS} FROM registry_persons p WHERE p.snapshot_id = ANY($1::uuid[]) AND p.nik = ANY($2::text[])`,
      [snapshotIds, niks],
    );
    return rows.map((r) => ({
      nik: r.nik,
      kk: r.kk,
      name: r.name,
      birthDate: r.birth_date,
      villageCode: r.village_code,
      decile: r.decile,
      programs: r.programs,
      snapshotId: r.snapshot_id,
      row: r.row_number,
    }));
  }

  /** A person of the agencies' current snapshots, the newest first. */
  async person(agencies: string[], nik: string): Promise<PersonRow | undefined> {
    const { rows } = await this.db.pool.query<PersonRow>(
      `SELECT ${PERSON_COLUMNS}, s.agency_code, s.created_at AS snapshot_created_at
         FROM registry_snapshots s JOIN registry_persons p ON p.snapshot_id = s.id
        WHERE s.is_current AND s.agency_code = ANY($1) AND p.nik = $2
        ORDER BY s.created_at DESC LIMIT 1`,
      [agencies, nik],
    );
    return rows[0];
  }

  /** The members of a household (KK) in the agencies' current snapshots. */
  async household(agencies: string[], kk: string): Promise<PersonRow[]> {
    const { rows } = await this.db.pool.query<PersonRow>(
      `SELECT ${PERSON_COLUMNS}, s.agency_code, s.created_at AS snapshot_created_at
         FROM registry_snapshots s JOIN registry_persons p ON p.snapshot_id = s.id
        WHERE s.is_current AND s.agency_code = ANY($1) AND p.kk = $2
        ORDER BY p.birth_date, p.nik LIMIT 100`,
      [agencies, kk],
    );
    return rows;
  }

  async import(importId: string): Promise<ImportRecord | undefined> {
    if (!isUuid(importId ?? '')) return undefined;
    return (await this.db.pool.query<ImportRecord>('SELECT * FROM registry_imports WHERE id = $1', [importId])).rows[0];
  }

  async imports(agencyCode: string, limit: number, offset: number): Promise<Array<ImportRecord & { total: string }>> {
    const { rows } = await this.db.pool.query<ImportRecord & { total: string }>(
      `SELECT *, count(*) OVER () AS total FROM registry_imports WHERE agency_code = $1 ORDER BY created_at DESC LIMIT $2 OFFSET $3`,
      [agencyCode, limit, offset],
    );
    return rows;
  }

  async importErrors(
    importId: string,
    limit: number,
    offset: number,
  ): Promise<{ items: Array<{ row: number; field: string; message: string }>; total: number }> {
    const [items, total] = await Promise.all([
      limit
        ? this.db.pool.query<{ row: number; field: string; message: string }>(
            `SELECT row_number AS row, field, message FROM registry_import_errors WHERE import_id = $1 ORDER BY row_number, field LIMIT $2 OFFSET $3`,
            [importId, limit, offset],
          )
        : Promise.resolve({ rows: [] }),
      this.db.pool.query<{ n: string }>('SELECT count(*) AS n FROM registry_import_errors WHERE import_id = $1', [importId]),
    ]);
    return { items: items.rows, total: Number(total.rows[0].n) };
  }

  async snapshot(id: string): Promise<SnapshotRecord | undefined> {
    if (!isUuid(id ?? '')) return undefined;
    return (await this.db.pool.query<SnapshotRecord>('SELECT * FROM registry_snapshots WHERE id = $1', [id])).rows[0];
  }

  async snapshots(agencyCode: string, limit: number, offset: number): Promise<Array<SnapshotRecord & { total: string }>> {
    const { rows } = await this.db.pool.query<SnapshotRecord & { total: string }>(
      `SELECT *, count(*) OVER () AS total FROM registry_snapshots WHERE agency_code = $1 AND status NOT IN ('FAILED', 'DISCARDED')
        ORDER BY created_at DESC LIMIT $2 OFFSET $3`,
      [agencyCode, limit, offset],
    );
    return rows;
  }

  /** A page of a diff's items, with the persons on both sides. */
  async diffItems(snapshotId: string, againstId: string, change: DiffChange | null, limit: number, offset: number) {
    const { rows: items } = await this.db.pool.query<{ nik: string; change: DiffChange; fields: string[] }>(
      `SELECT nik, change, fields FROM registry_snapshot_diff_items
        WHERE snapshot_id = $1 AND against_id = $2 AND ($3::text IS NULL OR change = $3) ORDER BY nik LIMIT $4 OFFSET $5`,
      [snapshotId, againstId, change, limit, offset],
    );
    const { rows: persons } = await this.db.pool.query<PersonRow>(
      `SELECT ${PERSON_COLUMNS} FROM registry_persons p WHERE p.snapshot_id = ANY($1::uuid[]) AND p.nik = ANY($2::text[])`,
      [[snapshotId, againstId], items.map((i) => i.nik)],
    );
    return { items, persons };
  }

  /** The diff's counts, computing and keeping its items on first request (once, under a lock), set-based in SQL. */
  async diffCounts(snapshotId: string, againstId: string): Promise<Counts> {
    const kept = 'SELECT added, removed, changed FROM registry_snapshot_diffs WHERE snapshot_id = $1 AND against_id = $2';
    const done = await this.db.pool.query<Counts>(kept, [snapshotId, againstId]);
    if (done.rows[0]) return done.rows[0];
    return this.db.transaction(async (client) => {
      await client.query(`SELECT pg_advisory_xact_lock(hashtext('registry-diff:' || $1 || ':' || $2))`, [snapshotId, againstId]);
      const again = await client.query<Counts>(kept, [snapshotId, againstId]);
      if (again.rows[0]) return again.rows[0];
      await client.query(
        `INSERT INTO registry_snapshot_diff_items (snapshot_id, against_id, nik, change, fields)
         SELECT $1, $2, coalesce(a.nik, b.nik),
                CASE WHEN b.nik IS NULL THEN 'ADDED' WHEN a.nik IS NULL THEN 'REMOVED' ELSE 'CHANGED' END,
                CASE WHEN a.nik IS NULL OR b.nik IS NULL THEN '{}'::text[] ELSE array_remove(ARRAY[
                  CASE WHEN a.kk <> b.kk THEN 'kkNumber' END,
                  CASE WHEN a.name <> b.name THEN 'name' END,
                  CASE WHEN a.birth_date <> b.birth_date THEN 'birthDate' END,
                  CASE WHEN a.sex <> b.sex THEN 'sex' END,
                  CASE WHEN a.address <> b.address THEN 'address' END,
                  CASE WHEN a.village_code <> b.village_code THEN 'villageCode' END,
                  CASE WHEN a.decile IS DISTINCT FROM b.decile THEN 'decile' END,
                  CASE WHEN a.programs <> b.programs THEN 'programs' END], NULL) END
           FROM (SELECT * FROM registry_persons WHERE snapshot_id = $1) a
           FULL JOIN (SELECT * FROM registry_persons WHERE snapshot_id = $2) b ON a.nik = b.nik
          WHERE a.nik IS NULL OR b.nik IS NULL
             OR (a.kk, a.name, a.birth_date, a.sex, a.address, a.village_code, a.decile, a.programs)
                IS DISTINCT FROM (b.kk, b.name, b.birth_date, b.sex, b.address, b.village_code, b.decile, b.programs)`,
        [snapshotId, againstId],
      );
      const { rows } = await client.query<Counts>(
        `INSERT INTO registry_snapshot_diffs (snapshot_id, against_id, added, removed, changed)
         SELECT $1, $2, count(*) FILTER (WHERE change = 'ADDED'), count(*) FILTER (WHERE change = 'REMOVED'), count(*) FILTER (WHERE change = 'CHANGED')
           FROM registry_snapshot_diff_items WHERE snapshot_id = $1 AND against_id = $2
         RETURNING added, removed, changed`,
        [snapshotId, againstId],
      );
      return rows[0];
    });
  }
}
