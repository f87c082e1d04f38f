import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Failed logins slow down instead of locking (knowing a username must not lock its owner out):
 * `locked_until` goes. Request-rate windows (the login route, the public pages) move from each
 * process's memory to `rate_limits`, so that they hold across replicas and restarts.
 */
export class LoginDelayRateLimits1766000000000 implements MigrationInterface {
  name = 'LoginDelayRateLimits1766000000000';

  async up(q: QueryRunner): Promise<void> {
    const s = `"${(q.connection.options as { schema: string }).schema}"`;
    await q.query(`ALTER TABLE ${s}."login_attempts" DROP COLUMN "locked_until"`);
    await q.query(
      `CREATE TABLE ${s}."rate_limits" ("key" varchar(300) NOT NULL, "hits" integer NOT NULL, "window_ends_at" timestamptz NOT NULL,
         CONSTRAINT "rate_limits_pkey" PRIMARY KEY ("key"))`,
    );
    await q.query(`CREATE INDEX "rate_limits_window_ends_at_idx" ON ${s}."rate_limits" ("window_ends_at")`);
  }

  async down(q: QueryRunner): Promise<void> {
    const s = `"${(q.connection.options as { schema: string }).schema}"`;
    await q.query(`DROP TABLE ${s}."rate_limits"`);
    await q.query(`ALTER TABLE ${s}."login_attempts" ADD COLUMN "locked_until" timestamptz`);
  }
}
