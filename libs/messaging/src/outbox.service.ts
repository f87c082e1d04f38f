import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { envelope, type Causation } from './envelope.js';

export interface OutgoingEvent {
  subject: string;
  payload: object;
  cause?: Causation;
  /** headers beyond `Nats-Msg-Id` (which is always the eventId) */
  headers?: Record<string, string>;
  /**
   * Publish the payload as it is, under a fresh message id: for `sigap.rejected`, whose
   * `eventId` is the rejected message's (CONTRACT.md), not an identity of its own.
   */
  raw?: boolean;
}

/** What runs SQL in a transaction: a TypeORM EntityManager or a pg client. */
export interface SqlClient {
  query(sql: string, params?: unknown[]): Promise<unknown>;
}

/**
 * Writes events to publish into the service's outbox, inside the caller's transaction: the
 * event exists if and only if the state change committed. `pg_notify` wakes the relay, and
 * Postgres delivers a notification only on commit, so a rolled-back event is never announced.
 */
@Injectable()
export class OutboxService {
  constructor(private readonly schema: string) {}

  /** Adds one event; returns the full payload with its `eventId`. */
  async enqueue<T extends object>(manager: EntityManager, subject: string, payload: T, cause?: Causation, headers?: Record<string, string>) {
    const [full] = await this.enqueueMany(manager, [{ subject, payload, cause, headers }]);
    return full as T & { eventId: string; occurredAt: string };
  }

  /** Adds many events in one statement (batch consumers use this). */
  async enqueueMany(manager: EntityManager, events: OutgoingEvent[]): Promise<Array<{ eventId: string }>> {
    if (!manager.queryRunner?.isTransactionActive) {
      throw new Error('OutboxService.enqueue must run inside a transaction with the state change it announces');
    }
    return this.write(manager, events);
  }

  /**
   * The same on a plain pg connection (code that holds one for COPY or advisory locks): the
   * caller has begun the transaction of the state change on `client` and commits it after.
   */
  async enqueueOn(client: SqlClient, events: OutgoingEvent[]): Promise<Array<{ eventId: string }>> {
    return this.write(client, events);
  }

  private async write(client: SqlClient, events: OutgoingEvent[]): Promise<Array<{ eventId: string }>> {
    if (!events.length) return [];
    const full = events.map((e) => (e.raw ? { ...e.payload, eventId: randomUUID(), correlationId: '' } : envelope(e.payload, e.cause)));
    const bodies = events.map((e, i) => JSON.stringify(e.raw ? e.payload : full[i]));
    await client.query(
      `INSERT INTO "${this.schema}"."outbox" ("event_id", "subject", "payload", "headers")
       SELECT * FROM unnest($1::uuid[], $2::text[], $3::json[], $4::jsonb[])`,
      [
        full.map((f) => f.eventId),
        events.map((e) => e.subject),
        bodies,
        events.map((e, i) => JSON.stringify({ ...(e.headers ?? {}), ...(full[i].correlationId ? { 'Sigap-Correlation-Id': full[i].correlationId } : {}) })),
      ],
    );
    await client.query(`SELECT pg_notify($1, '')`, [outboxChannel(this.schema)]);
    return full;
  }
}

export function outboxChannel(schema: string): string {
  return `sigap_outbox_${schema}`;
}
