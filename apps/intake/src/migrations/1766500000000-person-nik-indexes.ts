import type { MigrationInterface, QueryRunner } from 'typeorm';
import { schemaOf } from '#messaging';

/**
 * Issue 11, warnings at filing: "does this person already have an open application of this
 * service?" looks applications up by the applicant's and the beneficiary's NIK (jsonb fields).
 */
export class PersonNikIndexes1766500000000 implements MigrationInterface {
  name = 'PersonNikIndexes1766500000000';

  async up(q: QueryRunner): Promise<void> {
    const s = schemaOf(q);
    await q.query(`CREATE INDEX "IDX_applications_applicant_nik" ON "${s}"."applications" (("applicant"->>'nik'))`);
    await q.query(`CREATE INDEX "IDX_applications_beneficiary_nik" ON "${s}"."applications" (("beneficiary"->>'nik')) WHERE "beneficiary" IS NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    const s = schemaOf(q);
    await q.query(`DROP INDEX "${s}"."IDX_applications_beneficiary_nik"`);
    await q.query(`DROP INDEX "${s}"."IDX_applications_applicant_nik"`);
  }
}
