import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { Rpc, REGISTRY_READER_ROLES, type Actor, type DiffChange, type RegistrySnapshotView, type SnapshotDiffView } from '#contracts';
import { covers } from '#domain';
import { requireCovers, requireRole } from '#platform';
import { VerificationError, VerificationErrorCode } from '../../verification.error.js';
import { clamp, pageOf } from '../../paging.js';
import type { PersonRow } from '../registry-persons.js';
import { RegistryRepository, type SnapshotRecord } from '../registry.repository.js';

function view(s: SnapshotRecord): RegistrySnapshotView {
  return {
    snapshotId: s.id,
    agencyCode: s.agency_code,
    source: s.source,
    importId: s.import_id,
    status: s.status,
    current: s.is_current,
    rows: s.rows,
    createdAt: s.created_at.toISOString(),
    completedAt: s.completed_at?.toISOString() ?? null,
    previousSnapshotId: s.previous_id,
  };
}

/** The fields a diff compares, as the views name them. */
const FIELDS: Array<[string, keyof PersonRow]> = [
  ['kkNumber', 'kk'],
  ['name', 'name'],
  ['birthDate', 'birth_date'],
  ['sex', 'sex'],
  ['address', 'address'],
  ['villageCode', 'village_code'],
  ['decile', 'decile'],
  ['programs', 'programs'],
];

/**
 * The snapshots of an agency (every one kept for audit) and the difference between two:
 * persons added, removed, changed (with the fields), computed once set-based in SQL (a full
 * join of the two snapshots' tables on NIK) and kept, then paged.
 */
@Controller()
export class RegistrySnapshotsMessageController {
  constructor(private readonly registry: RegistryRepository) {}

  @MessagePattern(Rpc.verification.listSnapshots)
  async list(@Payload() body: { actor: Actor; agencyCode?: string; limit?: number; offset?: number }) {
    const agency = body.agencyCode ?? body.actor.agencyCode;
    requireCovers(body.actor, agency);
    const { limit, offset } = pageOf(body, { limit: 50, max: 200 });
    const rows = await this.registry.snapshots(agency, limit, offset);
    return { items: rows.map(view), total: rows.length ? Number(rows[0].total) : 0, limit, offset };
  }

  @MessagePattern(Rpc.verification.diffSnapshots)
  async diff(
    @Payload() body: { actor: Actor; snapshotId: string; against?: string; change?: DiffChange; limit?: number; offset?: number },
  ): Promise<SnapshotDiffView> {
    // a diff lists persons with their names and changed fields: registry readers only
    requireRole(body.actor, ...REGISTRY_READER_ROLES);
    const snap = await this.find(body.actor, body.snapshotId);
    const againstId = body.against ?? snap.previous_id;
    if (!againstId)
      throw new VerificationError(
        VerificationErrorCode.SnapshotNotFound,
        `Snapshot ${snap.id} has no previous snapshot: name one with ?against=`,
        [{ path: 'against', message: 'against is required: this snapshot has no previous one' }],
      );
    const against = await this.find(body.actor, againstId);
    for (const s of [snap, against]) {
      // one awaiting confirmation is complete too: the verifier compares it before deciding
      if (s.status !== 'COMPLETE' && s.status !== 'AWAITING_CONFIRMATION')
        throw new VerificationError(
          VerificationErrorCode.SnapshotNotComplete,
          `Snapshot ${s.id} is ${s.status}: only complete snapshots can be compared`,
        );
    }
    const counts = await this.registry.diffCounts(snap.id, against.id);
    const limit = clamp(body.limit ?? 50, 1, 500);
    const offset = Math.max(0, body.offset ?? 0);
    const change = body.change && ['ADDED', 'REMOVED', 'CHANGED'].includes(body.change) ? body.change : null;
    const { items, persons } = await this.registry.diffItems(snap.id, against.id, change, limit, offset);
    const now = new Map(persons.filter((p) => p.snapshot_id === snap.id).map((p) => [p.nik, p]));
    const before = new Map(persons.filter((p) => p.snapshot_id === against.id).map((p) => [p.nik, p]));
    const total =
      change === 'ADDED'
        ? counts.added
        : change === 'REMOVED'
          ? counts.removed
          : change === 'CHANGED'
            ? counts.changed
            : counts.added + counts.removed + counts.changed;
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
          fields: FIELDS.filter(([f]) => i.fields.includes(f)).map(([f, col]) => ({
            field: f,
            before: b?.[col] ?? null,
            after: a?.[col] ?? null,
          })),
        };
      }),
      total,
      limit,
      offset,
    };
  }

  private async find(actor: Actor, id: string): Promise<SnapshotRecord> {
    const s = await this.registry.snapshot(id);
    if (!s || !covers(actor, s.agency_code))
      throw new VerificationError(VerificationErrorCode.SnapshotNotFound, `No registry snapshot ${id}`);
    return s;
  }
}
