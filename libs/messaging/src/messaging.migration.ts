import type { MigrationInterface, QueryRunner } from 'typeorm';
import { schemaOf } from '#persistence';

/**
 * The outbox (events to publish, written in the business transaction) and the inbox (events
 * consumed, written in the handler's transaction) of one service, in its own schema.
 * Every service lists this migration first.
 */
export class CreateMessagingTables1764100000000 implements MigrationInterface {
  name = 'CreateMessagingTables1764100000000';

  async up(q: QueryRunner): Promise<void> {
    const s = schemaOf(q);
    await q.query(`
      CREATE TABLE "${s}"."outbox" (
        "id" bigserial PRIMARY KEY,
        "event_id" uuid NOT NULL,
        "subject" text NOT NULL,
        "payload" json NOT NULL,
        "headers" jsonb NOT NULL DEFAULT '{}'::jsonb,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "published_at" timestamptz,
        "attempts" integer NOT NULL DEFAULT 0,
        "last_error" text,
        CONSTRAINT "UQ_outbox_event_id" UNIQUE ("event_id")
      )`);
    await q.query(`CREATE INDEX "IDX_outbox_unpublished" ON "${s}"."outbox" ("id") WHERE "published_at" IS NULL`);
    await q.query(`CREATE INDEX "IDX_outbox_published_at" ON "${s}"."outbox" ("published_at") WHERE "published_at" IS NOT NULL`);
    await q.query(`
      CREATE TABLE "${s}"."inbox" (
        "consumer" text NOT NULL,
        "event_id" text NOT NULL,
        "subject" text NOT NULL,
        "outcome" text NOT NULL DEFAULT 'HANDLED',
        "processed_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "PK_inbox" PRIMARY KEY ("consumer", "event_id")
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    const s = schemaOf(q);
    await q.query(`DROP TABLE "${s}"."inbox"`);
    await q.query(`DROP TABLE "${s}"."outbox"`);
  }
}

/**
 * Rows the server refuses for good are set aside (`refused_at`), and rows that failed for a
 * passing reason wait for their own next try (`retry_at`): neither blocks the rows behind it.
 */
export class OutboxRefusals1765110000000 implements MigrationInterface {
  name = 'OutboxRefusals1765110000000';

  async up(q: QueryRunner): Promise<void> {
    const s = schemaOf(q);
    await q.query(`ALTER TABLE "${s}"."outbox" ADD COLUMN "refused_at" timestamptz, ADD COLUMN "retry_at" timestamptz`);
    await q.query(`CREATE INDEX "IDX_outbox_refused_at" ON "${s}"."outbox" ("refused_at") WHERE "refused_at" IS NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    const s = schemaOf(q);
    await q.query(`DROP INDEX "${s}"."IDX_outbox_refused_at"`);
    await q.query(`ALTER TABLE "${s}"."outbox" DROP COLUMN "retry_at", DROP COLUMN "refused_at"`);
  }
}

/** The migrations of #messaging's tables, oldest first: every service lists them before its own. */
export const MESSAGING_MIGRATIONS = [CreateMessagingTables1764100000000, OutboxRefusals1765110000000];
