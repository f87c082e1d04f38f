import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { Rpc, REGISTRY_READER_ROLES, type Actor, type DiffChange, type RegistrySnapshotView, type SnapshotDiffView } from '#contracts';
import { covers } from '#domain';
import { requireCovers, requireRole, isUuid } from '#platform';
import { VerificationError, VerificationErrorCode } from '../../verification.error.js';
import { clamp } from '../import-registry/import-registry.message.controller.js';
import { RegistryDb } from '../registry-db.js';
import { PERSON_COLUMNS, type PersonRow } from '../registry-persons.js';

interface SnapshotRecord {
  id: string; agency_code: string; source: 'IMPORT' | 'EVENT'; import_id: string | null; status: RegistrySnapshotView['status'];
  is_current: boolean; rows: number; previous_id: string | null; created_at: Date; completed_at: Date | null;
}

function view(s: SnapshotRecord): RegistrySnapshotView {
  return {
    snapshotId: s.id, agencyCode: s.agency_code, source: s.source, importId: s.import_id, status: s.status, current: s.is_current,
    rows: s.rows, createdAt: s.created_at.toISOString(), completedAt: s.completed_at?.toISOString() ?? null, previousSnapshotId: s.previous_id,
  };
}

/** The fields a diff compares, as the views name them. */
const FIELDS: Array<[string, keyof PersonRow]> = [
  ['kkNumber', 'kk'], ['name', 'name'], ['birthDate', 'birth_date'], ['sex', 'sex'], ['address', 'address'],
  ['villageCode', 'village_code'], ['decile', 'decile'], ['programs', 'programs'],
];

/**
 * The snapshots of an agency (every one kept for audit) and the difference between two:
 * persons added, removed, changed (with the fields), computed once set-based in SQL (a full
 * join of the two snapshots' tables on NIK) and kept, then paged.
 */
@Controller()
export class RegistrySnapshotsMessageController {
  constructor(private readonly db: RegistryDb) {}

  @MessagePattern(Rpc.verification.listSnapshots)
  async list(@Payload() body: { actor: Actor; agencyCode?: string; limit?: number; offset?: number }) {
    const agency = body.agencyCode ?? body.actor.agencyCode;
    requireCovers(body.actor, agency);
    const limit = clamp(body.limit ?? 50, 1, 200);
    const offset = Math.max(0, body.offset ?? 0);
    const { rows } = await this.db.pool.query<SnapshotRecord & { total: string }>(
      `SELECT *, count(*) OVER () AS total FROM registry_snapshots WHERE agency_code = $1 AND status NOT IN ('FAILED', 'DISCARDED') ORDER BY created_at DESC LIMIT $2 OFFSET $3`,
      [agency, limit, offset],
    );
    return { items: rows.map(view), total: rows.length ? Number(rows[0].total) : 0, limit, offset };
  }

  @MessagePattern(Rpc.verification.diffSnapshots)
  async diff(@Payload() body: { actor: Actor; snapshotId: string; against?: string; change?: DiffChange; limit?: number; offset?: number }): Promise<SnapshotDiffView> {
    // a diff lists persons with their names and changed fields: registry readers only
    requireRole(body.actor, ...REGISTRY_READER_ROLES);
    const snap = await this.find(body.actor, body.snapshotId);
    const againstId = body.against ?? snap.previous_id;
    if (!againstId) throw new VerificationError(VerificationErrorCode.SnapshotNotFound, `Snapshot ${snap.id} has no previous snapshot: name one with ?against=`, [{ path: 'against', message: 'against is required: this snapshot has no previous one' }]);
    const against = await this.find(body.actor, againstId);
    for (const s of [snap, against]) {
      // one awaiting confirmation is complete too: the verifier compares it before deciding
      if (s.status !== 'COMPLETE' && s.status !== 'AWAITING_CONFIRMATION') throw new VerificationError(VerificationErrorCode.SnapshotNotComplete, `Snapshot ${s.id} is ${s.status}: only complete snapshots can be compared`);
    }
    const counts = await this.compute(snap.id, against.id);
    const limit = clamp(body.limit ?? 50, 1, 500);
    const offset = Math.max(0, body.offset ?? 0);
    const change = body.change && ['ADDED', 'REMOVED', 'CHANGED'].includes(body.change) ? body.change : null;
    const { rows: items } = await this.db.pool.query<{ nik: string; change: DiffChange; fields: string[] }>(
      `SELECT nik, change, fields FROM registry_snapshot_diff_items
        WHERE snapshot_id = $1 AND against_id = $2 AND ($3::text IS NULL OR change = $3) ORDER BY nik LIMIT $4 OFFSET $5`,
      [snap.id, against.id, change, limit, offset],
    );
    const { rows: persons } = await this.db.pool.query<PersonRow>(
      `SELECT ${PERSON_COLUMNS} FROM registry_persons p WHERE p.snapshot_id = ANY($1::uuid[]) AND p.nik = ANY($2::text[])`,
      [[snap.id, against.id], items.map((i) => i.nik)],
    );
    const now = new Map(persons.filter((p) => p.snapshot_id === snap.id).map((p) => [p.nik, p]));
    const before = new Map(persons.filter((p) => p.snapshot_id === against.id).map((p) => [p.nik, p]));
    const total = change === 'ADDED' ? counts.added : change === 'REMOVED' ? counts.removed : change === 'CHANGED' ? counts.changed : counts.added + counts.removed + counts.changed;
    return {
      snapshotId: snap.id,
      agencyCode: snap.agency_code,
      againstSnapshotId: against.id,
      counts,
      items: items.map((i) => {
        const a = now.get(i.nik);
        const b = before.get(i.nik);
        return {
          nik: i.nik,
          change: i.change,
          name: (a ?? b)?.name ?? '',
          fields: FIELDS.filter(([f]) => i.fields.includes(f)).map(([f, col]) => ({ field: f, before: b?.[col] ?? null, after: a?.[col] ?? null })),
        };
      }),
      total,
      limit,
      offset,
    };
  }

  /** The diff's counts, computing and keeping its items on first request (once, under a lock). */
  private async compute(snapshotId: string, againstId: string): Promise<{ added: number; removed: number; changed: number }> {
    const done = await this.db.pool.query<{ added: number; removed: number; changed: number }>(
      'SELECT added, removed, changed FROM registry_snapshot_diffs WHERE snapshot_id = $1 AND against_id = $2', [snapshotId, againstId]);
    if (done.rows[0]) return done.rows[0];
    const client = await this.db.pool.connect();
    try {
      await client.query('BEGIN');
      await client.query(`SELECT pg_advisory_xact_lock(hashtext('registry-diff:' || $1 || ':' || $2))`, [snapshotId, againstId]);
      const again = await client.query<{ added: number; removed: number; changed: number }>(
        'SELECT added, removed, changed FROM registry_snapshot_diffs WHERE snapshot_id = $1 AND against_id = $2', [snapshotId, againstId]);
      if (again.rows[0]) {
        await client.query('COMMIT');
        return again.rows[0];
      }
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
      const { rows } = await client.query<{ added: number; removed: number; changed: number }>(
        `INSERT INTO registry_snapshot_diffs (snapshot_id, against_id, added, removed, changed)
         SELECT $1, $2, count(*) FILTER (WHERE change = 'ADDED'), count(*) FILTER (WHERE change = 'REMOVED'), count(*) FILTER (WHERE change = 'CHANGED')
           FROM registry_snapshot_diff_items WHERE snapshot_id = $1 AND against_id = $2
         RETURNING added, removed, changed`,
        [snapshotId, againstId],
      );
      await client.query('COMMIT');
      return rows[0];
    } catch (e) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw e;
    } finally {
      client.release();
    }
  }

  private async find(actor: Actor, id: string): Promise<SnapshotRecord> {
    const s = isUuid(id ?? '') ? (await this.db.pool.query<SnapshotRecord>('SELECT * FROM registry_snapshots WHERE id = $1', [id])).rows[0] : undefined;
    if (!s || !covers(actor, s.agency_code)) throw new VerificationError(VerificationErrorCode.SnapshotNotFound, `No registry snapshot ${id}`);
    return s;
  }
}
