import type { MigrationInterface, QueryRunner } from 'typeorm';
import { schemaOf } from '#persistence';

/**
 * Registry files announced by department systems (`sigap.ext.registry.snapshot.published.v1`)
 * beside uploaded ones: the bucket an import reads its file from, the announcing event (one
 * import per event, however often it is delivered), and the department's own label.
 */
export class RegistryAnnounced1764600000000 implements MigrationInterface {
  name = 'RegistryAnnounced1764600000000';

  async up(q: QueryRunner): Promise<void> {
    const s = schemaOf(q);
    await q.query(`ALTER TABLE "${s}"."registry_imports" ADD COLUMN "bucket" text NOT NULL DEFAULT 'sigap_registry_uploads'`);
    await q.query(`ALTER TABLE "${s}"."registry_imports" ADD COLUMN "source_event_id" uuid`);
    await q.query(`ALTER TABLE "${s}"."registry_imports" ADD COLUMN "label" text`);
    await q.query(
      `CREATE UNIQUE INDEX "UQ_registry_imports_source_event" ON "${s}"."registry_imports" ("source_event_id") WHERE "source_event_id" IS NOT NULL`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    const s = schemaOf(q);
    await q.query(`DROP INDEX "${s}"."UQ_registry_imports_source_event"`);
    for (const c of ['label', 'source_event_id', 'bucket']) await q.query(`ALTER TABLE "${s}"."registry_imports" DROP COLUMN "${c}"`);
  }
}
