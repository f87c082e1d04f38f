import type { MigrationInterface, QueryRunner } from 'typeorm';
import { schemaOf } from '#persistence';

/**
 * An import whose accepted rows fall by more than the agency's share from its current snapshot
 * waits for a verifier (AWAITING_CONFIRMATION) instead of becoming current: confirmed, it
 * becomes current; discarded (DISCARDED), its rows are dropped and the current one stays. The
 * import keeps what it was measured against and who decided; each agency's share is a setting.
 */
export class RegistryImportConfirmation1765310000000 implements MigrationInterface {
  name = 'RegistryImportConfirmation1765310000000';

  async up(q: QueryRunner): Promise<void> {
    const s = schemaOf(q);
    await q.query(`ALTER TABLE "${s}"."registry_imports" DROP CONSTRAINT "CHK_registry_imports_status"`);
    await q.query(
      `ALTER TABLE "${s}"."registry_imports" ADD CONSTRAINT "CHK_registry_imports_status" CHECK ("status" IN ('QUEUED', 'RUNNING', 'AWAITING_CONFIRMATION', 'COMPLETED', 'FAILED', 'DISCARDED'))`,
    );
    await q.query(
      `ALTER TABLE "${s}"."registry_imports" ADD COLUMN "previous_snapshot_id" uuid, ADD COLUMN "previous_rows" integer, ADD COLUMN "max_drop_percent" numeric(5,2), ADD COLUMN "decided_by" text, ADD COLUMN "decided_at" timestamptz`,
    );
    await q.query(`ALTER TABLE "${s}"."registry_snapshots" DROP CONSTRAINT "CHK_registry_snapshots_status"`);
    await q.query(
      `ALTER TABLE "${s}"."registry_snapshots" ADD CONSTRAINT "CHK_registry_snapshots_status" CHECK ("status" IN ('LOADING', 'AWAITING_CONFIRMATION', 'COMPLETE', 'FAILED', 'DISCARDED'))`,
    );
    await q.query(`
      CREATE TABLE "${s}"."registry_settings" (
        "agency_code" text PRIMARY KEY,
        "max_drop_percent" numeric(5,2) NOT NULL,
        "updated_by" text NOT NULL,
        "updated_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "CHK_registry_settings_max_drop" CHECK ("max_drop_percent" BETWEEN 0 AND 100)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    const s = schemaOf(q);
    await q.query(`DROP TABLE "${s}"."registry_settings"`);
    await q.query(`UPDATE "${s}"."registry_snapshots" SET "status" = 'FAILED' WHERE "status" IN ('AWAITING_CONFIRMATION', 'DISCARDED')`);
    await q.query(`ALTER TABLE "${s}"."registry_snapshots" DROP CONSTRAINT "CHK_registry_snapshots_status"`);
    await q.query(
      `ALTER TABLE "${s}"."registry_snapshots" ADD CONSTRAINT "CHK_registry_snapshots_status" CHECK ("status" IN ('LOADING', 'COMPLETE', 'FAILED'))`,
    );
    await q.query(
      `UPDATE "${s}"."registry_imports" SET "status" = 'FAILED', "failure" = coalesce("failure", 'discarded') WHERE "status" IN ('AWAITING_CONFIRMATION', 'DISCARDED')`,
    );
    await q.query(`ALTER TABLE "${s}"."registry_imports" DROP CONSTRAINT "CHK_registry_imports_status"`);
    await q.query(
      `ALTER TABLE "${s}"."registry_imports" ADD CONSTRAINT "CHK_registry_imports_status" CHECK ("status" IN ('QUEUED', 'RUNNING', 'COMPLETED', 'FAILED'))`,
    );
    for (const c of ['decided_at', 'decided_by', 'max_drop_percent', 'previous_rows', 'previous_snapshot_id'])
      await q.query(`ALTER TABLE "${s}"."registry_imports" DROP COLUMN "${c}"`);
  }
}
