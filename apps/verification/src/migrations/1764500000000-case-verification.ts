import type { MigrationInterface, QueryRunner } from 'typeorm';
import { schemaOf } from '#persistence';

/**
 * Eligibility, duplicates and field verification of cases: the rules of each service standard
 * as data, each case's rule outcomes with evidence, its duplicates, its field tasks per stage
 * and their visits, and its history.
 */
export class CaseVerification1764500000000 implements MigrationInterface {
  name = 'CaseVerification1764500000000';

  async up(q: QueryRunner): Promise<void> {
    const s = schemaOf(q);
    await q.query(`
      ALTER TABLE "${s}"."cases"
        ADD COLUMN "standard_version" integer,
        ADD COLUMN "eligibility" jsonb,
        ADD COLUMN "subject" jsonb,
        ADD COLUMN "applicant_nik" text,
        ADD COLUMN "beneficiary_nik" text,
        ADD COLUMN "kk" text,
        ADD COLUMN "filed_at" timestamptz,
        ADD COLUMN "assessed_at" timestamptz,
        ADD COLUMN "registry_snapshot_ids" uuid[] NOT NULL DEFAULT '{}',
        ADD COLUMN "outcome" text,
        ADD COLUMN "reason" text,
        ADD COLUMN "decided_at" timestamptz,
        ADD COLUMN "paid_at" timestamptz`);
    await q.query(`UPDATE "${s}"."cases" SET "status" = 'AWAITING_ASSESSMENT' WHERE "status" = 'OPEN'`);
    await q.query(`CREATE INDEX "IDX_cases_service_applicant_nik" ON "${s}"."cases" ("service_code", "applicant_nik")`);
    await q.query(`CREATE INDEX "IDX_cases_service_beneficiary_nik" ON "${s}"."cases" ("service_code", "beneficiary_nik")`);
    await q.query(`CREATE INDEX "IDX_cases_service_kk" ON "${s}"."cases" ("service_code", "kk")`);
    await q.query(`
      CREATE TABLE "${s}"."eligibility_rules" (
        "service_code" text PRIMARY KEY,
        "version" integer NOT NULL,
        "settings" jsonb NOT NULL,
        "updated_by" text NOT NULL,
        "updated_at" timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE "${s}"."case_rule_results" (
        "case_id" uuid NOT NULL REFERENCES "${s}"."cases" ("id"),
        "rule" text NOT NULL,
        "position" integer NOT NULL,
        "outcome" text NOT NULL,
        "message" text NOT NULL,
        "evidence" jsonb NOT NULL DEFAULT '[]',
        "checked_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "PK_case_rule_results" PRIMARY KEY ("case_id", "rule"),
        CONSTRAINT "CHK_case_rule_results_outcome" CHECK ("outcome" IN ('PASSED', 'FAILED', 'NEEDS_REVIEW'))
      )`);
    await q.query(`
      CREATE TABLE "${s}"."case_duplicates" (
        "case_id" uuid NOT NULL REFERENCES "${s}"."cases" ("id"),
        "kind" text NOT NULL,
        "other_ref" text NOT NULL,
        "other" jsonb NOT NULL,
        "message" text NOT NULL,
        "found_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "PK_case_duplicates" PRIMARY KEY ("case_id", "kind", "other_ref")
      )`);
    await q.query(`
      CREATE TABLE "${s}"."field_tasks" (
        "id" uuid PRIMARY KEY,
        "case_id" uuid NOT NULL REFERENCES "${s}"."cases" ("id"),
        "agency_code" text NOT NULL,
        "stage" text NOT NULL,
        "position" integer NOT NULL,
        "status" text NOT NULL,
        "assignee" text,
        "assigned_by" text,
        "assigned_at" timestamptz,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "done_at" timestamptz,
        CONSTRAINT "UQ_field_tasks_case_stage" UNIQUE ("case_id", "stage"),
        CONSTRAINT "CHK_field_tasks_status" CHECK ("status" IN ('WAITING', 'OPEN', 'DONE', 'CANCELLED'))
      )`);
    await q.query(`CREATE INDEX "IDX_field_tasks_agency_assignee" ON "${s}"."field_tasks" ("agency_code", "assignee", "status")`);
    await q.query(`
      CREATE TABLE "${s}"."field_visits" (
        "id" uuid PRIMARY KEY,
        "task_id" uuid NOT NULL REFERENCES "${s}"."field_tasks" ("id"),
        "officer" text NOT NULL,
        "visited_at" timestamptz NOT NULL,
        "latitude" double precision,
        "longitude" double precision,
        "findings" text NOT NULL,
        "recommendation" text NOT NULL,
        "attachments" jsonb NOT NULL DEFAULT '[]',
        "recorded_at" timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX "IDX_field_visits_task" ON "${s}"."field_visits" ("task_id")`);
    await q.query(`
      CREATE TABLE "${s}"."case_history" (
        "id" bigserial PRIMARY KEY,
        "case_id" uuid NOT NULL REFERENCES "${s}"."cases" ("id"),
        "at" timestamptz NOT NULL DEFAULT now(),
        "actor" text NOT NULL,
        "action" text NOT NULL,
        "detail" jsonb NOT NULL DEFAULT '{}'
      )`);
    await q.query(`CREATE INDEX "IDX_case_history_case" ON "${s}"."case_history" ("case_id", "id")`);
  }

  async down(q: QueryRunner): Promise<void> {
    const s = schemaOf(q);
    for (const t of ['case_history', 'field_visits', 'field_tasks', 'case_duplicates', 'case_rule_results', 'eligibility_rules'])
      await q.query(`DROP TABLE "${s}"."${t}"`);
    await q.query(`UPDATE "${s}"."cases" SET "status" = 'OPEN' WHERE "status" = 'AWAITING_ASSESSMENT'`);
    for (const i of ['IDX_cases_service_applicant_nik', 'IDX_cases_service_beneficiary_nik', 'IDX_cases_service_kk'])
      await q.query(`DROP INDEX "${s}"."${i}"`);
    await q.query(`
      ALTER TABLE "${s}"."cases" DROP COLUMN "standard_version", DROP COLUMN "eligibility", DROP COLUMN "subject", DROP COLUMN "applicant_nik",
        DROP COLUMN "beneficiary_nik", DROP COLUMN "kk", DROP COLUMN "filed_at", DROP COLUMN "assessed_at", DROP COLUMN "registry_snapshot_ids",
        DROP COLUMN "outcome", DROP COLUMN "reason", DROP COLUMN "decided_at", DROP COLUMN "paid_at"`);
  }
}
