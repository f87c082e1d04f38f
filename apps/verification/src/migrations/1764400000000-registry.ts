import type { MigrationInterface, QueryRunner } from 'typeorm';
import { schemaOf } from '#persistence';

/**
 * The registry (DTSEN, formerly DTKS): imports with their rejected rows, versioned snapshots of
 * an agency's area (one current per agency), and the persons of every snapshot in a table
 * partitioned by snapshot: an import COPYs into a bare table of its own, indexes it, and only
 * then attaches it and makes it current, in one transaction.
 */
export class Registry1764400000000 implements MigrationInterface {
  name = 'Registry1764400000000';

  async up(q: QueryRunner): Promise<void> {
    const s = schemaOf(q);
    await q.query(`
      CREATE TABLE "${s}"."registry_imports" (
        "id" uuid PRIMARY KEY,
        "agency_code" text NOT NULL,
        "file_name" text,
        "format" text NOT NULL,
        "object_name" text NOT NULL,
        "status" text NOT NULL,
        "rows_read" integer NOT NULL DEFAULT 0,
        "rows_accepted" integer NOT NULL DEFAULT 0,
        "rows_rejected" integer NOT NULL DEFAULT 0,
        "snapshot_id" uuid,
        "failure" text,
        "attempts" integer NOT NULL DEFAULT 0,
        "created_by" text NOT NULL,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "started_at" timestamptz,
        "finished_at" timestamptz,
        "updated_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "CHK_registry_imports_status" CHECK ("status" IN ('QUEUED', 'RUNNING', 'COMPLETED', 'FAILED'))
      )`);
    await q.query(`CREATE INDEX "IDX_registry_imports_agency_created" ON "${s}"."registry_imports" ("agency_code", "created_at" DESC)`);
    await q.query(
      `CREATE INDEX "IDX_registry_imports_pending" ON "${s}"."registry_imports" ("created_at") WHERE "status" IN ('QUEUED', 'RUNNING')`,
    );
    await q.query(`
      CREATE TABLE "${s}"."registry_import_errors" (
        "import_id" uuid NOT NULL,
        "row_number" integer NOT NULL,
        "field" text NOT NULL,
        "message" text NOT NULL,
        CONSTRAINT "PK_registry_import_errors" PRIMARY KEY ("import_id", "row_number", "field")
      )`);
    await q.query(`
      CREATE TABLE "${s}"."registry_snapshots" (
        "id" uuid PRIMARY KEY,
        "agency_code" text NOT NULL,
        "source" text NOT NULL,
        "import_id" uuid,
        "status" text NOT NULL,
        "is_current" boolean NOT NULL DEFAULT false,
        "rows" integer NOT NULL DEFAULT 0,
        "previous_id" uuid,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "completed_at" timestamptz,
        CONSTRAINT "CHK_registry_snapshots_status" CHECK ("status" IN ('LOADING', 'COMPLETE', 'FAILED')),
        CONSTRAINT "CHK_registry_snapshots_current_complete" CHECK (NOT "is_current" OR "status" = 'COMPLETE')
      )`);
    await q.query(`CREATE UNIQUE INDEX "UQ_registry_snapshots_current" ON "${s}"."registry_snapshots" ("agency_code") WHERE "is_current"`);
    await q.query(`CREATE INDEX "IDX_registry_snapshots_agency_created" ON "${s}"."registry_snapshots" ("agency_code", "created_at" DESC)`);
    await q.query(`
      CREATE TABLE "${s}"."registry_persons" (
        "snapshot_id" uuid NOT NULL,
        "row_number" integer NOT NULL,
        "nik" text NOT NULL,
        "kk" text NOT NULL,
        "name" text NOT NULL,
        "birth_date" date NOT NULL,
        "sex" char(1) NOT NULL,
        "address" text NOT NULL,
        "village_code" text NOT NULL,
        "decile" smallint,
        "programs" text[] NOT NULL DEFAULT '{}'
      ) PARTITION BY LIST ("snapshot_id")`);
    await q.query(`CREATE UNIQUE INDEX "UQ_registry_persons_snapshot_nik" ON "${s}"."registry_persons" ("snapshot_id", "nik")`);
    await q.query(`CREATE INDEX "IDX_registry_persons_snapshot_kk" ON "${s}"."registry_persons" ("snapshot_id", "kk")`);
    // a diff between two snapshots, computed once set-based and then paged
    await q.query(`
      CREATE TABLE "${s}"."registry_snapshot_diffs" (
        "snapshot_id" uuid NOT NULL,
        "against_id" uuid NOT NULL,
        "added" integer NOT NULL,
        "removed" integer NOT NULL,
        "changed" integer NOT NULL,
        "computed_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "PK_registry_snapshot_diffs" PRIMARY KEY ("snapshot_id", "against_id")
      )`);
    await q.query(`
      CREATE TABLE "${s}"."registry_snapshot_diff_items" (
        "snapshot_id" uuid NOT NULL,
        "against_id" uuid NOT NULL,
        "nik" text NOT NULL,
        "change" text NOT NULL,
        "fields" text[] NOT NULL DEFAULT '{}',
        CONSTRAINT "PK_registry_snapshot_diff_items" PRIMARY KEY ("snapshot_id", "against_id", "nik")
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    const s = schemaOf(q);
    for (const t of [
      'registry_snapshot_diff_items',
      'registry_snapshot_diffs',
      'registry_persons',
      'registry_snapshots',
      'registry_import_errors',
      'registry_imports',
    ]) {
      await q.query(`DROP TABLE "${s}"."${t}"`);
    }
  }
}
