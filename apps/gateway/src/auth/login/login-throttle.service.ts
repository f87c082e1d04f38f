import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { GatewayConfig } from '../../config/gateway.config.js';

export interface FailureOutcome {
  /** the highest failure count among the keys, for the progressive delay */
  failures: number;
  /** the keys this failure just locked */
  newlyLocked: string[];
}

/** How long to hold back the answer to the n-th failed login: doubling from `base`, capped at 4 s. */
export function failureDelayMs(failures: number, base: number): number {
  if (failures <= 0 || base <= 0) return 0;
  return Math.min(base * 2 ** (failures - 1), 4000);
}

/**
 * Failed-login counters per username and per client address, in Postgres so that every
 * gateway replica sees the same counts. Reaching the limit within the window locks the key
 * for the lock period; each upsert is one atomic statement, so parallel guesses all count.
 */
@Injectable()
export class LoginThrottle {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    @Inject(GatewayConfig) private readonly cfg: GatewayConfig,
  ) {}

  static userKey(username: string): string {
    return `user:${username.trim().toLowerCase().slice(0, 200)}`;
  }

  static ipKey(ip: string): string {
    return `ip:${ip}`;
  }

  /** The latest `locked_until` among the keys that is still in the future, or null. */
  async lockedUntil(keys: string[]): Promise<Date | null> {
    const rows: { until: Date | null }[] = await this.ds.query(
      `SELECT max(locked_until) AS until FROM "gateway"."login_attempts" WHERE key = ANY($1) AND locked_until > now()`,
      [keys],
    );
    return rows[0]?.until ?? null;
  }

  async recordFailure(keys: { key: string; max: number }[]): Promise<FailureOutcome> {
    const minutes = this.cfg.LOGIN_LOCK_MINUTES;
    let failures = 0;
    const newlyLocked: string[] = [];
    for (const { key, max } of keys) {
      const rows: { failures: number; locked: boolean }[] = await this.ds.query(
        `INSERT INTO "gateway"."login_attempts" AS a (key, failures, first_failure_at, last_failure_at, locked_until)
         VALUES ($1, 1, now(), now(), CASE WHEN 1 >= $2 THEN now() + make_interval(mins => $3) END)
         ON CONFLICT (key) DO UPDATE SET
           failures = CASE WHEN a.last_failure_at < now() - make_interval(mins => $3) THEN 1 ELSE a.failures + 1 END,
           first_failure_at = CASE WHEN a.last_failure_at < now() - make_interval(mins => $3) THEN now() ELSE a.first_failure_at END,
           last_failure_at = now(),
           locked_until = CASE
             WHEN (CASE WHEN a.last_failure_at < now() - make_interval(mins => $3) THEN 1 ELSE a.failures + 1 END) >= $2
               THEN now() + make_interval(mins => $3)
             ELSE a.locked_until END
         RETURNING failures, (locked_until > now() AND failures = $2) AS locked`,
        [key, max, minutes],
      );
      failures = Math.max(failures, rows[0].failures);
      if (rows[0].locked) newlyLocked.push(key);
    }
    return { failures, newlyLocked };
  }

  /** A successful login clears its username's counter (not the address's: one valid account must not reset an attacker's count). */
  async clear(key: string): Promise<void> {
    await this.ds.query(`DELETE FROM "gateway"."login_attempts" WHERE key = $1`, [key]);
  }

  /** Forgets counters older than the window (called now and then). */
  async prune(): Promise<void> {
    await this.ds.query(
      `DELETE FROM "gateway"."login_attempts" WHERE last_failure_at < now() - make_interval(mins => $1) AND (locked_until IS NULL OR locked_until < now())`,
      [this.cfg.LOGIN_LOCK_MINUTES],
    );
  }
}
