import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { ThrottlerStorage } from '@nestjs/throttler';
import { DataSource } from 'typeorm';

export interface RateLimitHit {
  /** requests of the key in the current window, this one included */
  hits: number;
  /** seconds until the window ends */
  secondsLeft: number;
}

/**
 * Fixed-window request counters in Postgres (`gateway.rate_limits`), so that a limit holds
 * across gateway replicas and restarts: each hit is one atomic upsert … RETURNING, never a
 * read-modify-write, so concurrent requests all count. It is also @nestjs/throttler's storage
 * (the login route's ThrottlerGuard), in place of the library's per-process Map.
 */
@Injectable()
export class RateLimitStore implements ThrottlerStorage {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  async hit(key: string, windowMs: number): Promise<RateLimitHit> {
    const rows: { hits: number; ms_left: number }[] = await this.ds.query(
      `INSERT INTO "gateway"."rate_limits" AS r (key, hits, window_ends_at)
       VALUES ($1, 1, clock_timestamp() + make_interval(secs => $2::double precision / 1000))
       ON CONFLICT (key) DO UPDATE SET
         hits = CASE WHEN r.window_ends_at <= clock_timestamp() THEN 1 ELSE r.hits + 1 END,
         window_ends_at = CASE WHEN r.window_ends_at <= clock_timestamp() THEN EXCLUDED.window_ends_at ELSE r.window_ends_at END
       RETURNING hits, (extract(epoch FROM window_ends_at - clock_timestamp()) * 1000)::int AS ms_left`,
      [key.slice(0, 300), windowMs],
    );
    return { hits: rows[0].hits, secondsLeft: Math.max(1, Math.ceil(rows[0].ms_left / 1000)) };
  }

  /** ThrottlerStorage: `ttl` in ms; blocked while the window's hits exceed the limit. */
  async increment(key: string, ttl: number, limit: number, _blockDuration: number, throttlerName: string) {
    const { hits, secondsLeft } = await this.hit(`throttler:${throttlerName}:${key}`, ttl);
    const isBlocked = hits > limit;
    return { totalHits: hits, timeToExpire: secondsLeft, isBlocked, timeToBlockExpire: isBlocked ? secondsLeft : 0 };
  }

  /** Forgets windows that ended (called now and then). */
  async prune(): Promise<void> {
    await this.ds.query(`DELETE FROM "gateway"."rate_limits" WHERE window_ends_at < now()`);
  }
}
