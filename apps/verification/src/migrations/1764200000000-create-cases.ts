import type { MigrationInterface, QueryRunner } from 'typeorm';
import { schemaOf } from '#persistence';

export class CreateCases1764200000000 implements MigrationInterface {
  name = 'CreateCases1764200000000';

  async up(q: QueryRunner): Promise<void> {
    const s = schemaOf(q);
    await q.query(`
      CREATE TABLE "${s}"."cases" (
        "id" uuid PRIMARY KEY,
        "application_id" uuid NOT NULL,
        "ticket_number" text,
        "agency_code" text NOT NULL,
        "service_code" text NOT NULL,
        "status" text NOT NULL,
        "due_at" timestamptz,
        "opened_at" timestamptz NOT NULL DEFAULT now(),
        "updated_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "UQ_cases_application_id" UNIQUE ("application_id")
      )`);
    await q.query(`CREATE INDEX "IDX_cases_agency_status" ON "${s}"."cases" ("agency_code", "status")`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "${schemaOf(q)}"."cases"`);
  }
}
