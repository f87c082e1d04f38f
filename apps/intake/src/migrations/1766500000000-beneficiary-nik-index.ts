import type { MigrationInterface, QueryRunner } from 'typeorm';
import { schemaOf } from '#persistence';

/**
 * Issue 11, warnings at filing: "does this person already have an open application of this
 * service?" looks applications up by the applicant's NIK (indexed since 1764300000000) and the
 * beneficiary's (this index): a child is found whoever applied for it.
 */
export class BeneficiaryNikIndex1766500000000 implements MigrationInterface {
  name = 'BeneficiaryNikIndex1766500000000';

  async up(q: QueryRunner): Promise<void> {
    const s = schemaOf(q);
    await q.query(
      `CREATE INDEX "IDX_applications_beneficiary_nik" ON "${s}"."applications" (("beneficiary"->>'nik')) WHERE "beneficiary" IS NOT NULL`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    const s = schemaOf(q);
    await q.query(`DROP INDEX "${s}"."IDX_applications_beneficiary_nik"`);
  }
}
