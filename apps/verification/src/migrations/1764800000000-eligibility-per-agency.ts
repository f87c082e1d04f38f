import type { MigrationInterface, QueryRunner } from 'typeorm';
import { schemaOf } from '#persistence';

/**
 * Eligibility settings per agency, every version kept: `*` holds the installation's defaults
 * (the seeds); an agency's admin writes its own, which its cases then follow (a regency without
 * its own follows its province's). A change is a new row, so who changed what, when, stays.
 */
export class EligibilityPerAgency1764800000000 implements MigrationInterface {
  name = 'EligibilityPerAgency1764800000000';

  async up(q: QueryRunner): Promise<void> {
    const s = schemaOf(q);
    await q.query(`ALTER TABLE "${s}"."eligibility_rules" ADD COLUMN "agency_code" text NOT NULL DEFAULT '*'`);
    await q.query(`ALTER TABLE "${s}"."eligibility_rules" ALTER COLUMN "agency_code" DROP DEFAULT`);
    await q.query(`ALTER TABLE "${s}"."eligibility_rules" DROP CONSTRAINT "eligibility_rules_pkey"`);
    await q.query(
      `ALTER TABLE "${s}"."eligibility_rules" ADD CONSTRAINT "PK_eligibility_rules" PRIMARY KEY ("agency_code", "service_code", "version")`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    const s = schemaOf(q);
    await q.query(
      `DELETE FROM "${s}"."eligibility_rules" r WHERE r."agency_code" <> '*' OR r."version" < (SELECT max("version") FROM "${s}"."eligibility_rules" x WHERE x."agency_code" = '*' AND x."service_code" = r."service_code")`,
    );
    await q.query(`ALTER TABLE "${s}"."eligibility_rules" DROP CONSTRAINT "PK_eligibility_rules"`);
    await q.query(`ALTER TABLE "${s}"."eligibility_rules" DROP COLUMN "agency_code"`);
    await q.query(`ALTER TABLE "${s}"."eligibility_rules" ADD PRIMARY KEY ("service_code")`);
  }
}
