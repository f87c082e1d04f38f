import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import type { PayloadOf, PublishedSubject, RejectedMessageDetail } from '#contracts';
import { envelope, type Causation } from './envelope.js';
import { DEFAULT_MAX_PAYLOAD, EventTooLargeError, natsMessageBytes } from './event-size.js';
import { rejectionEvents } from './rejection.js';

/** One event to publish on `S`, with the payload of its class (EventMap in #contracts). */
export interface OutgoingEventOf<S extends PublishedSubject> {
  subject: S;
  payload: PayloadOf<S>;
  cause?: Causation;
  /** headers beyond `Nats-Msg-Id` (which is always the eventId) */
  headers?: Record<string, string>;
  /**
   * Publish the payload as it is, under a fresh message id: for `sigap.rejected`, whose
   * `eventId` is the rejected message's (CONTRACT.md), not an identity of its own.
   */
  raw?: boolean;
}

/**
 * An event to publish on any subject of the EventMap: a union over the subjects, so a payload
 * that is not its subject's class does not compile.
 */
export type OutgoingEvent = { [S in PublishedSubject]: OutgoingEventOf<S> }[PublishedSubject];

/** A stored message to publish again as it was (the admin's replay): its subject is known only at run time. */
export interface StoredEvent {
  subject: string;
  payload: object;
  cause?: Causation;
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
  /**
   * @param maxEventBytes the largest message the bus takes: the NATS server's `max_payload`
   * (from its INFO, once connected). An event over it is refused here, in the business
   * transaction, rather than left in the outbox for a server that will never store it.
   */
  constructor(
    private readonly schema: string,
    private readonly maxEventBytes: () => number = () => DEFAULT_MAX_PAYLOAD,
  ) {}

  /** The largest event (body and headers) the bus takes now, for splitting lists (`splitIntoParts`). */
  maxBytes(): number {
    return this.maxEventBytes();
  }

  /** Adds one event, with the payload of its subject's class; returns the full payload with its `eventId`. */
  async enqueue<S extends PublishedSubject>(
    manager: EntityManager,
    subject: S,
    payload: PayloadOf<S>,
    cause?: Causation,
    headers?: Record<string, string>,
  ) {
    const [full] = await this.enqueueMany(manager, [{ subject, payload, cause, headers } as OutgoingEvent]);
    return full as PayloadOf<S> & { eventId: string; occurredAt: string };
  }

  /**
   * Publishes a stored message again under its stored subject (the admin's replay of a
   * rejected message): the one way past the EventMap, since the subject is only known at run
   * time and the payload is a message that already travelled; its consumer validates it.
   */
  async republish(manager: EntityManager, event: StoredEvent): Promise<{ eventId: string }> {
    if (!manager.queryRunner?.isTransactionActive) throw new Error('OutboxService.republish must run inside a transaction');
    const [full] = await this.write(manager, [event]);
    return full;
  }

  /** Adds many events in one statement (batch consumers use this). */
  async enqueueMany(manager: EntityManager, events: OutgoingEvent[]): Promise<Array<{ eventId: string }>> {
    if (!manager.queryRunner?.isTransactionActive) {
      throw new Error('OutboxService.enqueue must run inside a transaction with the state change it announces');
    }
    return this.write(manager, events);
  }

  /**
   * Answers refused messages: `sigap.rejected` for outside systems (no values) and
   * `sigap.rejected.detail` with the payload for the admin's replay (`rejectionEvents`).
   */
  async enqueueRejections(manager: EntityManager, rejections: RejectedMessageDetail[]): Promise<void> {
    const max = this.maxEventBytes();
    await this.enqueueMany(
      manager,
      rejections.flatMap((r) => rejectionEvents(r, max)),
    );
  }

  /**
   * The same on a plain pg connection (code that holds one for COPY or advisory locks): the
   * caller has begun the transaction of the state change on `client` and commits it after.
   */
  async enqueueOn(client: SqlClient, events: OutgoingEvent[]): Promise<Array<{ eventId: string }>> {
    return this.write(client, events);
  }

  private async write(
    client: SqlClient,
    events: Array<StoredEvent & Pick<OutgoingEvent, 'headers' | 'raw'>>,
  ): Promise<Array<{ eventId: string }>> {
    if (!events.length) return [];
    const full = events.map((e) => (e.raw ? { ...e.payload, eventId: randomUUID(), correlationId: '' } : envelope(e.payload, e.cause)));
    const bodies = events.map((e, i) => JSON.stringify(e.raw ? e.payload : full[i]));
    const headers = events.map((e, i) => ({
      ...(e.headers ?? {}),
      ...(full[i].correlationId ? { 'Sigap-Correlation-Id': full[i].correlationId } : {}),
    }));
    const max = this.maxEventBytes();
    bodies.forEach((body, i) => {
      // what the relay will send: the body and its headers, Nats-Msg-Id among them
      const bytes = natsMessageBytes(body, { 'Nats-Msg-Id': full[i].eventId, ...headers[i] });
      if (bytes > max) throw new EventTooLargeError(events[i].subject, bytes, max);
    });
    await client.query(
      `INSERT INTO "${this.schema}"."outbox" ("event_id", "subject", "payload", "headers")
       SELECT * FROM unnest($1::uuid[], $2::text[], $3::json[], $4::jsonb[])`,
      [full.map((f) => f.eventId), events.map((e) => e.subject), bodies, headers.map((h) => JSON.stringify(h))],
    );
    await client.query(`SELECT pg_notify($1, '')`, [outboxChannel(this.schema)]);
    return full;
  }
}

export function outboxChannel(schema: string): string {
  return `sigap_outbox_${schema}`;
}
