import type { MigrationInterface, QueryRunner } from 'typeorm';
import { schemaOf } from '#persistence';

/**
 * Disbursement's schema: budget lines (pagu) with their revision history, the pool of verified
 * applications, proposals (usulan), decrees (SK) with one line per recipient, requests to the
 * finance office with one line per recipient, and the settlements received.
 *
 * Money is `bigint` whole Rupiah. The rules that keep public money exact are constraints, so
 * that no code path (nor two of them at once) can break them:
 * - a line is never committed beyond its ceiling (`CHK_budget_lines_within_ceiling`);
 * - an application is in one open proposal at a time (`UQ_pool`'s `proposal_id`), and in one
 *   decree line per decree (`UQ_decree_lines_application`);
 * - a decree line has at most one request line that is in flight or paid
 *   (`UQ_request_lines_open`): it is never requested, nor paid, twice.
 */
export class CreateDisbursement1766300000000 implements MigrationInterface {
  name = 'CreateDisbursement1766300000000';

  async up(q: QueryRunner): Promise<void> {
    const s = schemaOf(q);
    await q.query(`
      CREATE TABLE "${s}"."budget_lines" (
        "id" uuid PRIMARY KEY,
        "agency_code" text NOT NULL,
        "fiscal_year" integer NOT NULL,
        "source" text NOT NULL,
        "service_code" text NOT NULL,
        "name" text NOT NULL,
        "ceiling" bigint NOT NULL,
        "committed" bigint NOT NULL DEFAULT 0,
        "requested" bigint NOT NULL DEFAULT 0,
        "paid" bigint NOT NULL DEFAULT 0,
        "returned" bigint NOT NULL DEFAULT 0,
        "version" integer NOT NULL DEFAULT 1,
        "created_by" text NOT NULL,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "updated_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "UQ_budget_lines_programme" UNIQUE ("agency_code", "fiscal_year", "source", "service_code"),
        CONSTRAINT "CHK_budget_lines_amounts" CHECK ("ceiling" >= 0 AND "committed" >= 0 AND "requested" >= 0 AND "paid" >= 0 AND "returned" >= 0),
        CONSTRAINT "CHK_budget_lines_within_ceiling" CHECK ("committed" <= "ceiling")
      )`);
    await q.query(`
      CREATE TABLE "${s}"."budget_line_revisions" (
        "id" bigserial PRIMARY KEY,
        "budget_line_id" uuid NOT NULL REFERENCES "${s}"."budget_lines" ("id"),
        "version" integer NOT NULL,
        "ceiling" bigint NOT NULL,
        "name" text NOT NULL,
        "reason" text,
        "changed_by" text NOT NULL,
        "changed_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "UQ_budget_line_revisions_version" UNIQUE ("budget_line_id", "version")
      )`);
    await q.query(`
      CREATE TABLE "${s}"."pool" (
        "application_id" uuid PRIMARY KEY,
        "agency_code" text NOT NULL,
        "service_code" text,
        "case_id" uuid,
        "ticket_number" text,
        "target_group" text,
        "nik" text,
        "name" text,
        "address" text,
        "phone" text,
        "village_code" text,
        "bank_account" text,
        "bank_name" text,
        "status" text NOT NULL DEFAULT 'ELIGIBLE',
        "proposal_id" uuid,
        "verified_at" timestamptz NOT NULL DEFAULT now(),
        "dossier_at" timestamptz,
        "dossier_failed_at" timestamptz,
        CONSTRAINT "CHK_pool_status" CHECK ("status" IN ('ELIGIBLE', 'PROPOSED', 'DECREED'))
      )`);
    await q.query(
      `CREATE INDEX "IDX_pool_eligible" ON "${s}"."pool" ("agency_code", "service_code", "verified_at") WHERE "status" = 'ELIGIBLE'`,
    );
    await q.query(`CREATE INDEX "IDX_pool_awaiting_dossier" ON "${s}"."pool" ("verified_at") WHERE "dossier_at" IS NULL`);
    await q.query(`
      CREATE TABLE "${s}"."proposals" (
        "id" uuid PRIMARY KEY,
        "agency_code" text NOT NULL,
        "service_code" text NOT NULL,
        "fiscal_year" integer NOT NULL,
        "budget_line_id" uuid NOT NULL REFERENCES "${s}"."budget_lines" ("id"),
        "status" text NOT NULL,
        "total" bigint NOT NULL,
        "count" integer NOT NULL,
        "note" text,
        "created_by" text NOT NULL,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "submitted_by" text,
        "submitted_at" timestamptz,
        "decided_by" text,
        "decided_at" timestamptz,
        "return_reason" text,
        CONSTRAINT "CHK_proposals_status" CHECK ("status" IN ('DRAFT', 'SUBMITTED', 'APPROVED', 'RETURNED', 'DECREED')),
        CONSTRAINT "CHK_proposals_total" CHECK ("total" >= 0)
      )`);
    await q.query(`CREATE INDEX "IDX_proposals_agency" ON "${s}"."proposals" ("agency_code", "created_at")`);
    await q.query(`
      CREATE TABLE "${s}"."proposal_items" (
        "proposal_id" uuid NOT NULL REFERENCES "${s}"."proposals" ("id"),
        "application_id" uuid NOT NULL REFERENCES "${s}"."pool" ("application_id"),
        "target_group" text,
        "amount" bigint NOT NULL,
        PRIMARY KEY ("proposal_id", "application_id"),
        CONSTRAINT "CHK_proposal_items_amount" CHECK ("amount" > 0)
      )`);
    await q.query(`
      CREATE TABLE "${s}"."decrees" (
        "id" uuid PRIMARY KEY,
        "proposal_id" uuid NOT NULL REFERENCES "${s}"."proposals" ("id"),
        "agency_code" text NOT NULL,
        "service_code" text NOT NULL,
        "fiscal_year" integer NOT NULL,
        "budget_line_id" uuid NOT NULL REFERENCES "${s}"."budget_lines" ("id"),
        "decree_number" text NOT NULL,
        "decree_date" date NOT NULL,
        "signatory" text NOT NULL,
        "total" bigint NOT NULL,
        "count" integer NOT NULL,
        "scan_ref" text,
        "scan_recorded_by" text,
        "scan_recorded_at" timestamptz,
        "issued_by" text NOT NULL,
        "issued_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "UQ_decrees_proposal" UNIQUE ("proposal_id"),
        CONSTRAINT "UQ_decrees_number" UNIQUE ("agency_code", "decree_number")
      )`);
    await q.query(`
      CREATE TABLE "${s}"."decree_lines" (
        "id" uuid PRIMARY KEY,
        "decree_id" uuid NOT NULL REFERENCES "${s}"."decrees" ("id"),
        "seq" integer NOT NULL,
        "application_id" uuid NOT NULL,
        "ticket_number" text,
        "nik" text NOT NULL,
        "name" text NOT NULL,
        "village_code" text,
        "address" text,
        "target_group" text,
        "amount" bigint NOT NULL,
        "bank_account" text,
        "bank_name" text,
        "status" text NOT NULL DEFAULT 'PENDING',
        "sp2d_number" text,
        "paid_at" timestamptz,
        "reason" text,
        "updated_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "UQ_decree_lines_application" UNIQUE ("decree_id", "application_id"),
        CONSTRAINT "CHK_decree_lines_status" CHECK ("status" IN ('PENDING', 'REQUESTED', 'PAID', 'FAILED', 'NOT_PAID')),
        CONSTRAINT "CHK_decree_lines_amount" CHECK ("amount" > 0)
      )`);
    await q.query(`CREATE INDEX "IDX_decree_lines_decree" ON "${s}"."decree_lines" ("decree_id", "seq")`);
    await q.query(`
      CREATE TABLE "${s}"."requests" (
        "id" uuid PRIMARY KEY,
        "decree_id" uuid NOT NULL REFERENCES "${s}"."decrees" ("id"),
        "agency_code" text NOT NULL,
        "total" bigint NOT NULL,
        "count" integer NOT NULL,
        "parts" integer NOT NULL,
        "status" text NOT NULL DEFAULT 'REQUESTED',
        "created_by" text NOT NULL,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "settled_at" timestamptz,
        CONSTRAINT "CHK_requests_status" CHECK ("status" IN ('REQUESTED', 'PARTLY_SETTLED', 'SETTLED'))
      )`);
    await q.query(`CREATE INDEX "IDX_requests_decree" ON "${s}"."requests" ("decree_id")`);
    await q.query(`
      CREATE TABLE "${s}"."request_lines" (
        "request_id" uuid NOT NULL REFERENCES "${s}"."requests" ("id"),
        "application_id" uuid NOT NULL,
        "decree_line_id" uuid NOT NULL REFERENCES "${s}"."decree_lines" ("id"),
        "amount" bigint NOT NULL,
        "status" text NOT NULL DEFAULT 'REQUESTED',
        "sp2d_number" text,
        "reason" text,
        "settled_at" timestamptz,
        "settlement_event_id" text,
        PRIMARY KEY ("request_id", "application_id"),
        CONSTRAINT "CHK_request_lines_status" CHECK ("status" IN ('REQUESTED', 'PAID', 'REJECTED'))
      )`);
    await q.query(
      `CREATE UNIQUE INDEX "UQ_request_lines_open" ON "${s}"."request_lines" ("decree_line_id") WHERE "status" IN ('REQUESTED', 'PAID')`,
    );
    await q.query(`
      CREATE TABLE "${s}"."settlements" (
        "event_id" text PRIMARY KEY,
        "request_id" uuid NOT NULL REFERENCES "${s}"."requests" ("id"),
        "system" text NOT NULL,
        "status" text NOT NULL,
        "sp2d_number" text,
        "reason" text,
        "lines_settled" integer NOT NULL,
        "lines_unchanged" integer NOT NULL,
        "received_at" timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    const s = schemaOf(q);
    for (const t of [
      'settlements',
      'request_lines',
      'requests',
      'decree_lines',
      'decrees',
      'proposal_items',
      'proposals',
      'pool',
      'budget_line_revisions',
      'budget_lines',
    ]) {
      await q.query(`DROP TABLE "${s}"."${t}"`);
    }
  }
}
