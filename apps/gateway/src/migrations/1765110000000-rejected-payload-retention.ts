import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Rejected messages keep their payload (personal data) only for the installation's retention
 * period: `payload_purged_at` says when it was taken out. `cause` (the internal error behind a
 * RETRIES_EXHAUSTED) and `source` (where the original is stored) come with the detail subject.
 */
export class RejectedPayloadRetention1765110000000 implements MigrationInterface {
  name = 'RejectedPayloadRetention1765110000000';

  async up(q: QueryRunner): Promise<void> {
    const s = `"${(q.connection.options as { schema: string }).schema}"`;
    await q.query(
      `ALTER TABLE ${s}."rejected_messages" ADD COLUMN "cause" text, ADD COLUMN "source" jsonb, ADD COLUMN "payload_purged_at" timestamptz`,
    );
    // the purge looks for rows past the period that still hold a payload
    await q.query(
      `CREATE INDEX "rejected_messages_unpurged_received_at_idx" ON ${s}."rejected_messages" ("received_at") WHERE "payload_purged_at" IS NULL`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    const s = `"${(q.connection.options as { schema: string }).schema}"`;
    await q.query(`DROP INDEX ${s}."rejected_messages_unpurged_received_at_idx"`);
    await q.query(`ALTER TABLE ${s}."rejected_messages" DROP COLUMN "payload_purged_at", DROP COLUMN "source", DROP COLUMN "cause"`);
  }
}
