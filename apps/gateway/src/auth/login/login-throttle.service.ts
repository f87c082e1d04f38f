import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { GatewayConfig } from '../../config/gateway.config.js';

/** The delay settings of LoginThrottle (GatewayConfig's, by name). */
export interface DelaySettings {
  base: number;
  max: number;
}

/**
 * How long to hold back a login after `failures` failed ones of a key with `free` failures
 * allowed: nothing within the free ones, then `base` doubling with each further failure,
 * never more than `max`.
 */
export function failureDelayMs(failures: number, free: number, { base, max }: DelaySettings): number {
  const over = failures - free;
  if (over <= 0 || base <= 0 || max <= 0) return 0;
  return Math.min(base * 2 ** Math.min(over - 1, 30), max);
}

/**
 * Failed-login counters per username and per client address, in Postgres so that every
 * gateway replica, and a restarted one, sees the same counts. They set a progressive delay
 * on every login of that username or from that address, the right password's too (an
 * attacker cannot cut a slow answer short to learn it was wrong), capped at
 * LOGIN_DELAY_MAX_MS: nobody is ever locked out, so knowing a username is not enough to keep
 * its owner from logging in. Each failure is one atomic upsert … RETURNING, so concurrent
 * guesses all count.
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

  /** The delay a login of `userKey` from `ipKey` waits before its password is checked. */
  async delayMs(userKey: string, ipKey: string): Promise<number> {
    const rows: { key: string; failures: number }[] = await this.ds.query(
      `SELECT key, failures FROM "gateway"."login_attempts"
        WHERE key = ANY($1) AND last_failure_at >= now() - make_interval(mins => $2)`,
      [[userKey, ipKey], this.cfg.LOGIN_FAILURE_WINDOW_MINUTES],
    );
    const of = (k: string) => rows.find((r) => r.key === k)?.failures ?? 0;
    const settings = { base: this.cfg.LOGIN_DELAY_BASE_MS, max: this.cfg.LOGIN_DELAY_MAX_MS };
    return Math.max(
      failureDelayMs(of(userKey), this.cfg.LOGIN_FREE_FAILURES_PER_USER, settings),
      failureDelayMs(of(ipKey), this.cfg.LOGIN_FREE_FAILURES_PER_IP, settings),
    );
  }

  /** Counts one failure of each key, atomically; answers the highest count among them. */
  async recordFailure(keys: string[]): Promise<number> {
    const rows: { failures: number }[] = await this.ds.query(
      `INSERT INTO "gateway"."login_attempts" AS a (key, failures, first_failure_at, last_failure_at)
       SELECT k, 1, now(), now() FROM unnest($1::varchar[]) AS k
       ON CONFLICT (key) DO UPDATE SET
         failures = CASE WHEN a.last_failure_at < now() - make_interval(mins => $2) THEN 1 ELSE a.failures + 1 END,
         first_failure_at = CASE WHEN a.last_failure_at < now() - make_interval(mins => $2) THEN now() ELSE a.first_failure_at END,
         last_failure_at = now()
       RETURNING failures`,
      [[...new Set(keys)].sort(), this.cfg.LOGIN_FAILURE_WINDOW_MINUTES],
    );
    return Math.max(0, ...rows.map((r) => r.failures));
  }

  /** A successful login clears its username's counter (not the address's: one valid account must not reset an attacker's count). */
  async clear(key: string): Promise<void> {
    await this.ds.query(`DELETE FROM "gateway"."login_attempts" WHERE key = $1`, [key]);
  }

  /** Forgets counters older than the window (called now and then). */
  async prune(): Promise<void> {
    await this.ds.query(`DELETE FROM "gateway"."login_attempts" WHERE last_failure_at < now() - make_interval(mins => $1)`, [
      this.cfg.LOGIN_FAILURE_WINDOW_MINUTES,
    ]);
  }
}
