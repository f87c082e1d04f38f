import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The agency code a rejected message names (`agencyCode`, or `regencyCode` for a disaster or a
 * distribution report) is kept in its own column: purging the payload after the retention period
 * must not change who sees the row (it used to fall to the operator alone).
 */
export class RejectedAgencyCode1765320000000 implements MigrationInterface {
  name = 'RejectedAgencyCode1765320000000';

  async up(q: QueryRunner): Promise<void> {
    const s = `"${(q.connection.options as { schema: string }).schema}"`;
    await q.query(`ALTER TABLE ${s}."rejected_messages" ADD COLUMN "agency_code" varchar(40)`);
    await q.query(
      `UPDATE ${s}."rejected_messages" SET "agency_code" = left(COALESCE("payload"->>'agencyCode', "payload"->>'regencyCode'), 40)
        WHERE jsonb_typeof("payload") = 'object'`,
    );
    await q.query(`CREATE INDEX "rejected_messages_agency_code_idx" ON ${s}."rejected_messages" ("agency_code")`);
  }

  async down(q: QueryRunner): Promise<void> {
    const s = `"${(q.connection.options as { schema: string }).schema}"`;
    await q.query(`ALTER TABLE ${s}."rejected_messages" DROP COLUMN "agency_code"`);
  }
}
