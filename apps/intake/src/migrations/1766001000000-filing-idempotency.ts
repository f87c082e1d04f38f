import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A front-office filing keeps its `Idempotency-Key` (unique per agency) and a hash of what was
 * filed, so that a retry through another path (after a 503, a gateway crash, a lost key table)
 * finds the first application instead of making a second one. `filed_at` is when the applicant
 * filed (the submission's `occurredAt`, when earlier than receipt); `created_at` stays receipt.
 */
export class FilingIdempotency1766001000000 implements MigrationInterface {
  name = 'FilingIdempotency1766001000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "intake"."applications" ADD COLUMN "filed_at" timestamptz, ADD COLUMN "idempotency_key" text,
      ADD COLUMN "submission_hash" text`);
    await q.query(`CREATE UNIQUE INDEX "applications_agency_idempotency_key_key" ON "intake"."applications" ("agency_code", "idempotency_key")
      WHERE "idempotency_key" IS NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX "intake"."applications_agency_idempotency_key_key"`);
    await q.query(
      `ALTER TABLE "intake"."applications" DROP COLUMN "submission_hash", DROP COLUMN "idempotency_key", DROP COLUMN "filed_at"`,
    );
  }
}
