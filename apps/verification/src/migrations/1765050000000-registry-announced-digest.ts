import type { MigrationInterface, QueryRunner } from 'typeorm';
import { schemaOf } from '#persistence';

/**
 * The digest a department system announced with its registry file: an import reads the file
 * from the system's own drop bucket and refuses bytes that do not have it.
 */
export class RegistryAnnouncedDigest1765050000000 implements MigrationInterface {
  name = 'RegistryAnnouncedDigest1765050000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "${schemaOf(q)}"."registry_imports" ADD COLUMN "digest" text`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "${schemaOf(q)}"."registry_imports" DROP COLUMN "digest"`);
  }
}
