import type { MigrationInterface, QueryRunner } from 'typeorm';
import { schemaOf } from '#persistence';

/**
 * NIK and KK are strings of digits: byte order is their order. With `COLLATE "C"` Postgres sorts
 * them with memcmp and abbreviated keys instead of the locale's rules, which makes building the
 * two indexes of every imported snapshot (a million rows each) markedly cheaper, and lookups no
 * slower. New snapshot tables copy the collation from the parent (`LIKE registry_persons`).
 */
export class RegistryKeysCollateC1764900000000 implements MigrationInterface {
  name = 'RegistryKeysCollateC1764900000000';

  async up(q: QueryRunner): Promise<void> {
    const s = schemaOf(q);
    await q.query(
      `ALTER TABLE "${s}"."registry_persons" ALTER COLUMN "nik" TYPE text COLLATE "C", ALTER COLUMN "kk" TYPE text COLLATE "C"`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    const s = schemaOf(q);
    await q.query(
      `ALTER TABLE "${s}"."registry_persons" ALTER COLUMN "nik" TYPE text COLLATE "default", ALTER COLUMN "kk" TYPE text COLLATE "default"`,
    );
  }
}
