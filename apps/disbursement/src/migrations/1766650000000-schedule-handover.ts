import type { MigrationInterface, QueryRunner } from 'typeorm';
import { schemaOf } from '#persistence';

/**
 * The distribution schedule (jadwal penyaluran) of a decree and the handover (BAST) of each
 * recipient.
 *
 * - A decree's schedule is one row with its version and one entry per village; every version
 *   is kept whole in `schedule_versions` (who, when, why, the entries), so a replaced schedule
 *   stays readable.
 * - A decree line is handed over once: `UQ_handovers_line` holds it whatever runs at the same
 *   time; its BAST number is unique (`UQ_handovers_bast`), counted per agency and year in
 *   `bast_counters` (in the handover's transaction: a rolled-back handover takes no number).
 * - The public status page finds a ticket's decree line by `IDX_decree_lines_ticket`.
 */
export class ScheduleHandover1766650000000 implements MigrationInterface {
  name = 'ScheduleHandover1766650000000';

  async up(q: QueryRunner): Promise<void> {
    const s = schemaOf(q);
    await q.query(`
      CREATE TABLE "${s}"."schedules" (
        "decree_id" uuid PRIMARY KEY REFERENCES "${s}"."decrees" ("id"),
        "version" integer NOT NULL,
        "updated_by" text NOT NULL,
        "updated_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "CHK_schedules_version" CHECK ("version" >= 1)
      )`);
    await q.query(`
      CREATE TABLE "${s}"."schedule_entries" (
        "decree_id" uuid NOT NULL REFERENCES "${s}"."schedules" ("decree_id"),
        "village_code" text NOT NULL,
        "place" text NOT NULL,
        "date" date NOT NULL,
        "start_time" time NOT NULL,
        "end_time" time NOT NULL,
        "lurah_name" text NOT NULL,
        "lurah_note" text,
        PRIMARY KEY ("decree_id", "village_code"),
        CONSTRAINT "CHK_schedule_entries_times" CHECK ("end_time" > "start_time")
      )`);
    await q.query(`
      CREATE TABLE "${s}"."schedule_versions" (
        "decree_id" uuid NOT NULL REFERENCES "${s}"."schedules" ("decree_id"),
        "version" integer NOT NULL,
        "entries" jsonb NOT NULL,
        "reason" text,
        "changed_by" text NOT NULL,
        "changed_at" timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY ("decree_id", "version")
      )`);
    await q.query(`
      CREATE TABLE "${s}"."bast_counters" (
        "agency_code" text NOT NULL,
        "year" integer NOT NULL,
        "last" integer NOT NULL,
        PRIMARY KEY ("agency_code", "year")
      )`);
    await q.query(`
      CREATE TABLE "${s}"."handovers" (
        "id" uuid PRIMARY KEY,
        "bast_number" text NOT NULL,
        "decree_id" uuid NOT NULL REFERENCES "${s}"."decrees" ("id"),
        "decree_line_id" uuid NOT NULL REFERENCES "${s}"."decree_lines" ("id"),
        "application_id" uuid NOT NULL,
        "agency_code" text NOT NULL,
        "handed_over_at" timestamptz NOT NULL,
        "place" text NOT NULL,
        "received_by" text NOT NULL,
        "representative" boolean NOT NULL DEFAULT false,
        "representative_relation" text,
        "officer" text NOT NULL,
        "signature_ref" text NOT NULL,
        "photo_ref" text NOT NULL,
        "note" text,
        "digest" text NOT NULL,
        "recorded_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "UQ_handovers_line" UNIQUE ("decree_line_id"),
        CONSTRAINT "UQ_handovers_bast" UNIQUE ("bast_number")
      )`);
    await q.query(`CREATE INDEX "IDX_handovers_decree" ON "${s}"."handovers" ("decree_id", "handed_over_at")`);
    await q.query(`CREATE INDEX "IDX_decree_lines_ticket" ON "${s}"."decree_lines" ("ticket_number")`);
  }

  async down(q: QueryRunner): Promise<void> {
    const s = schemaOf(q);
    await q.query(`DROP INDEX "${s}"."IDX_decree_lines_ticket"`);
    for (const t of ['handovers', 'bast_counters', 'schedule_versions', 'schedule_entries', 'schedules']) {
      await q.query(`DROP TABLE "${s}"."${t}"`);
    }
  }
}
