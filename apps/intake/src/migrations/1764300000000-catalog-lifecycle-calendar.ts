import type { MigrationInterface, QueryRunner } from 'typeorm';
import { schemaOf } from '#persistence';

/**
 * Issue 4: the service catalog as versioned data, the working-day calendar per agency, the
 * lifecycle's bookkeeping on applications (the version filed under, the deadline applied,
 * when its clock stopped, when it was flagged overdue), and ticket serials per agency and
 * year (they were per agency, service and year).
 */
export class CatalogLifecycleCalendar1764300000000 implements MigrationInterface {
  name = 'CatalogLifecycleCalendar1764300000000';

  async up(q: QueryRunner): Promise<void> {
    const s = schemaOf(q);
    await q.query(`
      CREATE TABLE "${s}"."standards" (
        "id" uuid PRIMARY KEY,
        "agency_code" text NOT NULL,
        "code" text NOT NULL,
        "current_version" integer NOT NULL,
        "active" boolean NOT NULL DEFAULT true,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "updated_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "UQ_standards_agency_code" UNIQUE ("agency_code", "code")
      )`);
    await q.query(`
      CREATE TABLE "${s}"."standard_versions" (
        "standard_id" uuid NOT NULL REFERENCES "${s}"."standards" ("id"),
        "version" integer NOT NULL,
        "agency_code" text NOT NULL,
        "code" text NOT NULL,
        "definition" jsonb NOT NULL,
        "active" boolean NOT NULL,
        "change_note" text,
        "created_by" text NOT NULL,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "PK_standard_versions" PRIMARY KEY ("standard_id", "version")
      )`);
    await q.query(
      `CREATE UNIQUE INDEX "UQ_standard_versions_agency_code_version" ON "${s}"."standard_versions" ("agency_code", "code", "version")`,
    );

    await q.query(`ALTER TABLE "${s}"."applications"
      ADD COLUMN "standard_version" integer,
      ADD COLUMN "deadline" jsonb,
      ADD COLUMN "clock_stopped_at" timestamptz,
      ADD COLUMN "overdue_at" timestamptz`);
    // the queue: open applications of an agency by time left
    await q.query(
      `CREATE INDEX "IDX_applications_agency_due" ON "${s}"."applications" ("agency_code", "due_at") WHERE "clock_stopped_at" IS NULL`,
    );
    // the overdue sweep: running clocks not flagged yet, by due time
    await q.query(
      `CREATE INDEX "IDX_applications_overdue_sweep" ON "${s}"."applications" ("due_at") WHERE "overdue_at" IS NULL AND "clock_stopped_at" IS NULL AND "due_at" IS NOT NULL`,
    );
    await q.query(`CREATE INDEX "IDX_applications_applicant_nik" ON "${s}"."applications" (("applicant" ->> 'nik'))`);
    await q.query(`CREATE INDEX "IDX_applications_agency_created" ON "${s}"."applications" ("agency_code", "created_at")`);
    await q.query(`ALTER TABLE "${s}"."application_history" ADD COLUMN "public_reason" text`);
    // a RETURNED file never had a deadline; a closed one stops the clock at its last change
    await q.query(
      `UPDATE "${s}"."applications" SET "clock_stopped_at" = "updated_at" WHERE "status" IN ('RETURNED', 'REJECTED', 'WITHDRAWN')`,
    );

    await q.query(`
      CREATE TABLE "${s}"."ticket_serials" (
        "agency_code" text NOT NULL,
        "year" integer NOT NULL,
        "value" integer NOT NULL,
        CONSTRAINT "PK_ticket_serials" PRIMARY KEY ("agency_code", "year")
      )`);
    // go on after the highest serial any service of the agency reached (tickets stay unique: they name their service)
    await q.query(`INSERT INTO "${s}"."ticket_serials" ("agency_code", "year", "value")
      SELECT "agency_code", "year", max("value") FROM "${s}"."ticket_counters" GROUP BY "agency_code", "year"`);
    await q.query(`DROP TABLE "${s}"."ticket_counters"`);

    await q.query(`
      CREATE TABLE "${s}"."non_working_days" (
        "agency_code" text NOT NULL,
        "date" date NOT NULL,
        "kind" text NOT NULL,
        "name" text NOT NULL,
        "source" text NOT NULL,
        "created_by" text,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "PK_non_working_days" PRIMARY KEY ("agency_code", "date"),
        CONSTRAINT "CHK_non_working_days_kind" CHECK ("kind" IN ('NATIONAL_HOLIDAY', 'CUTI_BERSAMA')),
        CONSTRAINT "CHK_non_working_days_source" CHECK ("source" IN ('SEED', 'ADMIN'))
      )`);
    // a year is seeded from the national list once; an admin's later removals stay removed
    await q.query(`
      CREATE TABLE "${s}"."calendar_years" (
        "agency_code" text NOT NULL,
        "year" integer NOT NULL,
        "seeded_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "PK_calendar_years" PRIMARY KEY ("agency_code", "year")
      )`);
    await q.query(`
      CREATE TABLE "${s}"."calendar_changes" (
        "id" bigserial PRIMARY KEY,
        "agency_code" text NOT NULL,
        "date" date NOT NULL,
        "action" text NOT NULL,
        "kind" text NOT NULL,
        "name" text NOT NULL,
        "actor" text NOT NULL,
        "at" timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX "IDX_calendar_changes_agency_date" ON "${s}"."calendar_changes" ("agency_code", "date")`);
  }

  async down(q: QueryRunner): Promise<void> {
    const s = schemaOf(q);
    await q.query(`DROP TABLE "${s}"."calendar_changes"`);
    await q.query(`DROP TABLE "${s}"."calendar_years"`);
    await q.query(`DROP TABLE "${s}"."non_working_days"`);
    await q.query(`
      CREATE TABLE "${s}"."ticket_counters" (
        "agency_code" text NOT NULL,
        "service_code" text NOT NULL,
        "year" integer NOT NULL,
        "value" integer NOT NULL,
        CONSTRAINT "PK_ticket_counters" PRIMARY KEY ("agency_code", "service_code", "year")
      )`);
    await q.query(`INSERT INTO "${s}"."ticket_counters" ("agency_code", "service_code", "year", "value")
      SELECT "agency_code", "service_code", ((regexp_match("ticket_number", '-(\\d{4})-\\d+$'))[1])::int,
             max(((regexp_match("ticket_number", '-(\\d+)$'))[1])::int)
        FROM "${s}"."applications" WHERE "ticket_number" IS NOT NULL GROUP BY 1, 2, 3`);
    await q.query(`DROP TABLE "${s}"."ticket_serials"`);
    await q.query(`ALTER TABLE "${s}"."application_history" DROP COLUMN "public_reason"`);
    await q.query(`DROP INDEX "${s}"."IDX_applications_agency_created"`);
    await q.query(`DROP INDEX "${s}"."IDX_applications_applicant_nik"`);
    await q.query(`DROP INDEX "${s}"."IDX_applications_overdue_sweep"`);
    await q.query(`DROP INDEX "${s}"."IDX_applications_agency_due"`);
    await q.query(
      `ALTER TABLE "${s}"."applications" DROP COLUMN "overdue_at", DROP COLUMN "clock_stopped_at", DROP COLUMN "deadline", DROP COLUMN "standard_version"`,
    );
    await q.query(`DROP TABLE "${s}"."standard_versions"`);
    await q.query(`DROP TABLE "${s}"."standards"`);
  }
}
