import type { MigrationInterface, QueryRunner } from 'typeorm';
import { schemaOf } from '#persistence';

/**
 * Issue 12: from verification's decision on, an assistance application moves only by the
 * services that do the work, and intake follows disbursement's events.
 *
 * 1. `disbursement_progress`: what intake heard from disbursement, per application (one row per
 *    fact; a repeated event adds nothing), from which its status follows whatever the order.
 * 2. Every standard whose current version still lets staff make verification's or
 *    disbursement's steps gets a NEW VERSION with the closed lifecycle (the plan in the README,
 *    "Applications filed under the old lifecycle"): the same statuses and words, NOT_PAID added,
 *    staff roles taken off the steps the services make, and for Kota Pasuruan's BANSOS_REHSOS
 *    the 5 working days ending with the proposal. Old versions are never changed.
 * 3. Applications filed under an old version keep it (`standard_version`: the requirements and
 *    deadline they were filed under). Those still open — in a status that is not terminal in
 *    their version — move by the new version's lifecycle (`lifecycle_version`), so disbursement's
 *    events move them too and staff can no longer bypass the decision, decree or handover.
 *    Closed ones stay as they are. Pasuruan's open ones already PROPOSED or beyond have met
 *    their deadline: their clock stops at their first PROPOSED.
 *
 * The transform is written out here, frozen, rather than imported: a migration must do tomorrow
 * what it did today, whatever the seeds become.
 */
export class DisbursementLifecycle1766400000000 implements MigrationInterface {
  name = 'DisbursementLifecycle1766400000000';

  async up(q: QueryRunner): Promise<void> {
    const s = schemaOf(q);
    await q.query(`
      CREATE TABLE "${s}"."disbursement_progress" (
        "application_id" uuid NOT NULL,
        "kind" text NOT NULL,
        "ref" text NOT NULL,
        "at" timestamptz NOT NULL,
        "detail" jsonb NOT NULL DEFAULT '{}'::jsonb,
        "event_id" text NOT NULL,
        "recorded_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "PK_disbursement_progress" PRIMARY KEY ("application_id", "kind", "ref")
      )`);
    await q.query(`ALTER TABLE "${s}"."applications" ADD COLUMN "lifecycle_version" integer`);

    const current: Array<{ id: string; agency_code: string; code: string; version: number; definition: Definition; active: boolean }> =
      await q.query(
        `SELECT s."id", s."agency_code", s."code", v."version", v."definition", s."active"
         FROM "${s}"."standards" s JOIN "${s}"."standard_versions" v ON v."standard_id" = s."id" AND v."version" = s."current_version"
        ORDER BY s."agency_code", s."code" FOR UPDATE OF s`,
      );
    for (const std of current) {
      const next = closedLifecycle(std.agency_code, std.definition);
      if (!next) continue;
      const version = std.version + 1;
      await q.query(
        `INSERT INTO "${s}"."standard_versions" ("standard_id", "version", "agency_code", "code", "definition", "active", "change_note", "created_by")
         VALUES ($1, $2, $3, $4, $5::jsonb, $6, $7, 'system:migration')`,
        [std.id, version, std.agency_code, std.code, JSON.stringify(next), std.active, CHANGE_NOTE],
      );
      await q.query(`UPDATE "${s}"."standards" SET "current_version" = $2, "updated_at" = now() WHERE "id" = $1`, [std.id, version]);
      const open = std.definition.lifecycle.statuses.filter((x) => !x.terminal).map((x) => x.code);
      await q.query(
        `UPDATE "${s}"."applications" SET "lifecycle_version" = $4
          WHERE "agency_code" = $1 AND "service_code" = $2 AND "status" = ANY($3::text[]) AND coalesce("standard_version", 0) < $4`,
        [std.agency_code, std.code, open, version],
      );
      if (next.lifecycle.deadlineMetAt.includes('PROPOSED') && !std.definition.lifecycle.deadlineMetAt.includes('PROPOSED')) {
        await q.query(
          `UPDATE "${s}"."applications" a SET "clock_stopped_at" = h.at
             FROM (SELECT "application_id", min("at") AS at FROM "${s}"."application_history" WHERE "to_status" = 'PROPOSED' GROUP BY 1) h
            WHERE h."application_id" = a."id" AND a."agency_code" = $1 AND a."service_code" = $2 AND a."lifecycle_version" = $3
              AND a."clock_stopped_at" IS NULL AND a."status" IN ('PROPOSED', 'DECREED', 'DISBURSING')`,
          [std.agency_code, std.code, version],
        );
      }
    }
  }

  async down(q: QueryRunner): Promise<void> {
    const s = schemaOf(q);
    // the versions it wrote stay (versions are history); the standards go back to the version before
    await q.query(
      `UPDATE "${s}"."standards" st SET "current_version" = st."current_version" - 1
         FROM "${s}"."standard_versions" v
        WHERE v."standard_id" = st."id" AND v."version" = st."current_version" AND v."created_by" = 'system:migration' AND v."change_note" = $1`,
      [CHANGE_NOTE],
    );
    await q.query(`ALTER TABLE "${s}"."applications" DROP COLUMN "lifecycle_version"`);
    await q.query(`DROP TABLE "${s}"."disbursement_progress"`);
  }
}

const CHANGE_NOTE =
  'Issue 12: verification decides and disbursement proposes, decrees, pays and hands over; staff no longer make those steps by hand; ' +
  'NOT_PAID for a recipient who can never be paid';

interface Status {
  code: string;
  name: { id: string; en: string };
  terminal: boolean;
}
interface Transition {
  from: string[];
  to: string;
  roles: string[];
  systems?: string[];
  channels?: string[];
  reasonRequired?: boolean;
}
interface Definition {
  code: string;
  lifecycle: { initial: string; statuses: Status[]; transitions: Transition[]; deadlineMetAt: string[] };
  [k: string]: unknown;
}

const DISBURSED = ['PROPOSED', 'DECREED', 'DISBURSING', 'HANDED_OVER'];
const HELD_BY_DISBURSEMENT = ['PROPOSED', 'DECREED', 'DISBURSING'];

/** The next version's definition, or null when the lifecycle is not the old assistance one (already closed, or another kind). */
export function closedLifecycle(agencyCode: string, def: Definition): Definition | null {
  const lc = def.lifecycle;
  const codes = new Set(lc.statuses.map((x) => x.code));
  if (!['IN_VERIFICATION', 'VERIFIED', ...DISBURSED].every((c) => codes.has(c))) return null;
  const opensByHand = (t: Transition) => t.roles.length > 0;
  const decision = (t: Transition) =>
    t.from.includes('IN_VERIFICATION') && ['VERIFIED', 'REJECTED'].includes(t.to) && (t.systems ?? []).includes('verification');
  const stillOpen = lc.transitions.some((t) => (DISBURSED.includes(t.to) || decision(t)) && opensByHand(t));
  if (!stillOpen) return null;

  const transitions: Transition[] = [];
  for (const t of lc.transitions) {
    if (DISBURSED.includes(t.to)) {
      transitions.push({ ...t, roles: [], systems: ['disbursement'] });
    } else if (decision(t)) {
      transitions.push({ ...t, roles: [] });
    } else if (t.roles.length) {
      // staff steps out of a status a proposal or decree holds (reject, withdraw) wait for the head's return
      const from = t.from.filter((f) => !HELD_BY_DISBURSEMENT.includes(f));
      if (from.length) transitions.push({ ...t, from });
    } else {
      transitions.push(t);
    }
  }
  transitions.push({ from: ['PROPOSED'], to: 'VERIFIED', roles: [], systems: ['disbursement'] });
  const statuses = [...lc.statuses];
  if (!codes.has('NOT_PAID')) {
    const at = statuses.findIndex((x) => x.code === 'HANDED_OVER') + 1;
    statuses.splice(at, 0, { code: 'NOT_PAID', name: { id: 'Tidak dapat disalurkan', en: 'Cannot be paid out' }, terminal: true });
  }
  transitions.push({ from: ['DECREED', 'DISBURSING'], to: 'NOT_PAID', roles: [], systems: ['disbursement'], reasonRequired: true });
  // seed 003: Kota Pasuruan's "5 Hari kerja" end with its product, the proposal to the mayor
  const pasuruan = agencyCode === '35.75' && def.code === 'BANSOS_REHSOS';
  const deadlineMetAt = pasuruan && lc.deadlineMetAt.includes('HANDED_OVER') ? ['PROPOSED'] : lc.deadlineMetAt;
  return { ...def, lifecycle: { ...lc, statuses, transitions, deadlineMetAt } };
}
