import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

export const IDEMPOTENCY_TTL_HOURS = 24;
/**
 * A claim whose request never finished (the gateway was killed mid-request) frees its key
 * after this long: longer than any request may take (RPC timeouts are seconds).
 */
export const IN_PROGRESS_TTL_MINUTES = 2;

export type Claim =
  { kind: 'claimed' } | { kind: 'replay'; statusCode: number; body: unknown } | { kind: 'in-progress' } | { kind: 'mismatch' };

/**
 * The store behind `Idempotency-Key`. A request claims its key by inserting a row in state
 * IN_PROGRESS before it runs: of two concurrent duplicates exactly one insert succeeds, so
 * the work runs once. The row then keeps the answer for 24 h.
 */
@Injectable()
export class IdempotencyStore {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  async claim(userId: string, key: string, method: string, path: string, hash: string): Promise<Claim> {
    // an expired key is free again
    await this.ds.query(`DELETE FROM "gateway"."idempotency_keys" WHERE user_id = $1 AND key = $2 AND expires_at < now()`, [userId, key]);
    const inserted: unknown[] = await this.ds.query(
      `INSERT INTO "gateway"."idempotency_keys" (user_id, key, method, path, request_hash, state, expires_at)
       VALUES ($1, $2, $3, $4, $5, 'IN_PROGRESS', now() + make_interval(mins => $6))
       ON CONFLICT (user_id, key) DO NOTHING RETURNING 1`,
      [userId, key, method, path.slice(0, 500), hash, IN_PROGRESS_TTL_MINUTES],
    );
    if (inserted.length) return { kind: 'claimed' };
    const rows: { request_hash: string; state: string; status_code: number | null; response_body: unknown }[] = await this.ds.query(
      `SELECT request_hash, state, status_code, response_body FROM "gateway"."idempotency_keys" WHERE user_id = $1 AND key = $2`,
      [userId, key],
    );
    const row = rows[0];
    if (!row) return this.claim(userId, key, method, path, hash); // released in between: try again
    if (row.request_hash !== hash) return { kind: 'mismatch' };
    if (row.state !== 'COMPLETED') return { kind: 'in-progress' };
    return { kind: 'replay', statusCode: row.status_code ?? 200, body: row.response_body };
  }

  async complete(userId: string, key: string, statusCode: number, body: unknown): Promise<void> {
    await this.ds.query(
      `UPDATE "gateway"."idempotency_keys" SET state = 'COMPLETED', status_code = $3, response_body = $4::jsonb,
              expires_at = now() + make_interval(hours => $5)
        WHERE user_id = $1 AND key = $2`,
      [userId, key, statusCode, body === undefined ? null : JSON.stringify(body), IDEMPOTENCY_TTL_HOURS],
    );
  }

  /** A request that failed keeps no answer: the client may retry with the same key. */
  async release(userId: string, key: string): Promise<void> {
    await this.ds.query(`DELETE FROM "gateway"."idempotency_keys" WHERE user_id = $1 AND key = $2 AND state = 'IN_PROGRESS'`, [
      userId,
      key,
    ]);
  }

  async prune(): Promise<void> {
    await this.ds.query(`DELETE FROM "gateway"."idempotency_keys" WHERE expires_at < now()`);
  }
}
