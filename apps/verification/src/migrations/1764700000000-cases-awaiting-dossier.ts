import type { MigrationInterface, QueryRunner } from 'typeorm';
import { schemaOf } from '#persistence';

/**
 * New cases wait for their application's data (asked from intake, see AssessOpenedCases): found
 * by a partial index, oldest first. Every case is now assessed as it opens, so the duplicate
 * search (the same person for the same service) runs once per case: by the person it is about.
 */
export class CasesAwaitingDossier1764700000000 implements MigrationInterface {
  name = 'CasesAwaitingDossier1764700000000';

  async up(q: QueryRunner): Promise<void> {
    const s = schemaOf(q);
    await q.query(
      `CREATE INDEX "IDX_cases_awaiting_dossier" ON "${s}"."cases" ("opened_at") WHERE "subject" IS NULL AND "status" = 'AWAITING_ASSESSMENT'`,
    );
    await q.query(
      `CREATE INDEX "IDX_cases_service_person" ON "${s}"."cases" ("service_code", (coalesce("beneficiary_nik", "applicant_nik")))`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX "${schemaOf(q)}"."IDX_cases_service_person"`);
    await q.query(`DROP INDEX "${schemaOf(q)}"."IDX_cases_awaiting_dossier"`);
  }
}
