import { SetMetadata } from '@nestjs/common';
import type { ClassConstructor } from 'class-transformer';
import type { EntityManager } from 'typeorm';
import type { AfterCommitHooks } from './after-commit.js';
import type { PayloadOf, PublishedSubject } from '#contracts';
import type { Causation } from './envelope.js';
import type { EventSource } from './publisher-check.js';

export const CONSUME_METADATA = 'sigap:consume';

export interface ConsumeOptions {
  /** the durable consumer (from the topology in #contracts) */
  durable: string;
  /** the subject it receives */
  subject: string;
  /** the contract class the payload is validated against */
  schema: ClassConstructor<object>;
  /**
   * Batch handlers receive every new event of a pulled batch at once, in one transaction,
   * to write with multi-row statements (a commit per message caps a consumer near the
   * single-commit rate of Postgres).
   */
  batch?: boolean;
  /** attempts before a failing message goes to `sigap.rejected` (default 5) */
  maxAttempts?: number;
  /**
   * Batches handled at once (default 1). More overlaps Node's work with Postgres's, but
   * batches may then commit out of order: only for events independent of each other.
   */
  concurrency?: number;
}

/** Context of one consumed event: its transaction, how to publish what it causes, what to do after the commit. */
export interface ConsumeContext extends AfterCommitHooks {
  /** the transaction that also records the consumed eventId: write every effect with it */
  manager: EntityManager;
  eventId: string;
  /** the subject the message was stored on: for inbound events `sigap.from.<system>.…` (replays go back there) */
  subject: string;
  /**
   * Who published an inbound event (`sigap.from.<system>.…`): the outside system, as the
   * server routed it, and the agencies it speaks for. The host has already refused an event
   * whose agency field names an agency the system does not speak for; an event that names no
   * agency (a settlement) is for the handler to check. Undefined for Sigap's own events.
   */
  source?: EventSource;
  /** redelivery count, 1 on the first delivery */
  deliveryCount: number;
  /** where the message is stored: a rejection names it, so the admin can find the original */
  position: { stream: string; sequence: number };
  /** causation for events this one causes: same correlation, caused by this event */
  cause: Causation;
  /** enqueue an event (the payload of its subject's class) in the same transaction, caused by this one */
  publish<S extends PublishedSubject>(subject: S, payload: PayloadOf<S>): Promise<{ eventId: string }>;
}

export interface BatchItem<T> {
  event: T;
  ctx: ConsumeContext;
}

/**
 * Marks a provider method as the handler of a durable JetStream consumer. The messaging
 * module pulls, validates, de-duplicates through the inbox and calls it inside a transaction.
 * Without `batch`: `(event: T, ctx: ConsumeContext) => Promise<void>`;
 * with `batch: true`: `(items: BatchItem<T>[], manager: EntityManager, tx: AfterCommitHooks) => Promise<void>`
 * (the items share one transaction: `tx.afterCommit` once for the batch).
 */
export const Consume = (options: ConsumeOptions): MethodDecorator => SetMetadata(CONSUME_METADATA, options);
