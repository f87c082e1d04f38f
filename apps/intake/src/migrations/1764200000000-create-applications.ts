import type { MigrationInterface, QueryRunner } from 'typeorm';
import { schemaOf } from '#persistence';

export class CreateApplications1764200000000 implements MigrationInterface {
  name = 'CreateApplications1764200000000';

  async up(q: QueryRunner): Promise<void> {
    const s = schemaOf(q);
    await q.query(`
      CREATE TABLE "${s}"."applications" (
        "id" uuid PRIMARY KEY,
        "ticket_number" text,
        "agency_code" text NOT NULL,
        "service_code" text NOT NULL,
        "channel" text NOT NULL,
        "source" text,
        "source_event_id" text,
        "status" text NOT NULL,
        "applicant" jsonb NOT NULL,
        "beneficiary" jsonb,
        "target_group" text,
        "documents" jsonb NOT NULL,
        "missing_requirements" jsonb NOT NULL DEFAULT '[]'::jsonb,
        "due_at" timestamptz,
        "created_by" text,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "updated_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "UQ_applications_ticket_number" UNIQUE ("ticket_number"),
        CONSTRAINT "UQ_applications_source_event_id" UNIQUE ("source_event_id")
      )`);
    await q.query(`CREATE INDEX "IDX_applications_agency_status" ON "${s}"."applications" ("agency_code", "status")`);
    await q.query(`
      CREATE TABLE "${s}"."application_history" (
        "id" bigserial PRIMARY KEY,
        "application_id" uuid NOT NULL REFERENCES "${s}"."applications" ("id"),
        "from_status" text,
        "to_status" text NOT NULL,
        "reason" text,
        "actor" text NOT NULL,
        "at" timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX "IDX_application_history_application" ON "${s}"."application_history" ("application_id", "id")`);
    await q.query(`
      CREATE TABLE "${s}"."ticket_counters" (
        "agency_code" text NOT NULL,
        "service_code" text NOT NULL,
        "year" integer NOT NULL,
        "value" integer NOT NULL,
        CONSTRAINT "PK_ticket_counters" PRIMARY KEY ("agency_code", "service_code", "year")
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    const s = schemaOf(q);
    await q.query(`DROP TABLE "${s}"."ticket_counters"`);
    await q.query(`DROP TABLE "${s}"."application_history"`);
    await q.query(`DROP TABLE "${s}"."applications"`);
  }
}
