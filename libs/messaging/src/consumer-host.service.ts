import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { DiscoveryService, MetadataScanner, Reflector } from '@nestjs/core';
import { DataSource, type EntityManager } from 'typeorm';
import type { Consumer, ConsumerMessages, JsMsg } from '@nats-io/jetstream';
import {
  REJECTION_SUBJECTS,
  streamFor,
  validatePayload,
  type FieldError,
  type RejectedMessageDetail,
  type RejectionReason,
} from '#contracts';
import { metrics } from '#platform';
import { NatsService } from './nats.service.js';
import { OutboxService } from './outbox.service.js';
import { transactionWithHooks, type AfterCommitHooks } from './after-commit.js';
import { CONSUME_METADATA, type BatchItem, type ConsumeContext, type ConsumeOptions } from './consume.decorator.js';
import { INBOUND_LIMITS, inboxKeyOf, nameableId, nestsDeeperThan } from './inbound-limits.js';
import { OutsideSystemsDirectory, checkPublisher, type Declarations, type EventSource } from './publisher-check.js';

interface Registration {
  options: ConsumeOptions;
  handler: (...args: unknown[]) => Promise<void>;
  stream: string;
}

interface Decoded {
  msg: JsMsg;
  /** the inbox key: the eventId, or the stream sequence of a message without one */
  key: string;
  event?: Record<string, unknown> & { eventId: string; correlationId?: string };
  /** the outside system that published an inbound event */
  source?: EventSource;
  rejection?: Rejection;
}

interface Rejection {
  reason: RejectionReason;
  /** what the sender may read: the field and the rule, never the value */
  errors: FieldError[];
  payload: unknown;
  eventId: string | null;
  /** for the admin only (the detail): the underlying error, which may quote the input */
  cause?: string;
}

/** How much of a payload that is not usable JSON the detail keeps, as text. */
const RAW_PREVIEW_CHARS = 10_000;

export interface ConsumerSettings {
  batchSize: number;
  /** cap of the nak backoff */
  maxBackoffMs: number;
}

const TRANSIENT_PG_CODES = /^(08|57P0|53300|40001|40P01)/;
const TRANSIENT_MESSAGES =
  /Connection terminated|connection .*released|Client was closed|ECONNREFUSED|ECONNRESET|ETIMEDOUT|timeout exceeded when trying to connect|no PubAck|did not store/i;

/** Whether a failure is the infrastructure's (retry without end) rather than the message's. */
export function isTransient(e: unknown): boolean {
  const err = e as { code?: string; driverError?: { code?: string }; message?: string };
  const code = err?.code ?? err?.driverError?.code;
  return (
    (typeof code === 'string' && (TRANSIENT_PG_CODES.test(code) || /^E[A-Z]+$/.test(code))) ||
    TRANSIENT_MESSAGES.test(String(err?.message ?? e))
  );
}

/**
 * Runs every `@Consume` handler of the service on its durable pull consumer.
 * For each pulled batch: decode and validate (a malformed message is answered on
 * `sigap.rejected`, never retried); in ONE transaction, record the eventIds in the inbox
 * (`ON CONFLICT DO NOTHING`: a duplicate has no second effect) and run the handler for the
 * new ones; commit; then ack. If the batch fails, each message is retried alone, and one that
 * keeps failing is nak'ed with backoff until its attempts run out, then rejected.
 * Replicas pull from the same durable consumer, so JetStream shares the work between them.
 */
@Injectable()
export class ConsumerHost implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly log = new Logger('consumer');
  private readonly registrations: Registration[] = [];
  private running = false;
  private readonly loops: Promise<void>[] = [];
  private readonly subscriptions: ConsumerMessages[] = [];
  private timer?: NodeJS.Timeout;
  private purgeTimer?: NodeJS.Timeout;
  private readonly publishers: OutsideSystemsDirectory;

  constructor(
    private readonly discovery: DiscoveryService,
    private readonly scanner: MetadataScanner,
    private readonly reflector: Reflector,
    private readonly ds: DataSource,
    private readonly nats: NatsService,
    private readonly outbox: OutboxService,
    private readonly settings: ConsumerSettings,
  ) {
    this.publishers = new OutsideSystemsDirectory(nats);
  }

  get consumers(): Array<{ durable: string; stream: string }> {
    return this.registrations.map((r) => ({ durable: r.options.durable, stream: r.stream }));
  }

  async onApplicationBootstrap(): Promise<void> {
    for (const wrapper of this.discovery.getProviders()) {
      const instance = wrapper.instance as Record<string, unknown> | undefined;
      if (!instance || typeof instance !== 'object') continue;
      const proto = Object.getPrototypeOf(instance) as object;
      for (const name of this.scanner.getAllMethodNames(proto)) {
        const fn = instance[name] as ((...args: unknown[]) => Promise<void>) | undefined;
        if (typeof fn !== 'function') continue;
        const options = this.reflector.get<ConsumeOptions | undefined>(CONSUME_METADATA, fn);
        if (!options) continue;
        this.registrations.push({ options, handler: fn.bind(instance), stream: streamFor(options.subject).name });
      }
    }
    this.running = true;
    for (const reg of this.registrations) this.loops.push(this.run(reg));
    this.timer = setInterval(() => void this.measureLag(), 5000);
    this.purgeTimer = setInterval(() => void this.purgeInbox(), 60 * 60 * 1000);
  }

  async onApplicationShutdown(): Promise<void> {
    this.running = false;
    clearInterval(this.timer);
    clearInterval(this.purgeTimer);
    for (const s of this.subscriptions) s.stop();
    await Promise.allSettled(this.loops);
  }

  /** Lag and pending counts of each consumer, for `/metrics` and the admin's home page. */
  async status() {
    return Promise.all(
      this.registrations.map(async (r) => {
        try {
          const info = await this.nats.jsm.consumers.info(r.stream, r.options.durable);
          return {
            durable: r.options.durable,
            stream: r.stream,
            pending: info.num_pending,
            ackPending: info.num_ack_pending,
            redelivered: info.num_redelivered,
          };
        } catch {
          return { durable: r.options.durable, stream: r.stream, pending: -1, ackPending: -1, redelivered: -1 };
        }
      }),
    );
  }

  /**
   * The inbox must outlive every copy of a message that can come back: streams keep
   * messages 90 days (provision.ts), so a consumed eventId is remembered for 180.
   */
  private async purgeInbox(): Promise<void> {
    try {
      await this.ds.query(`DELETE FROM "inbox" WHERE "processed_at" < now() - interval '180 days'`);
    } catch (e) {
      this.log.warn(`inbox purge failed: ${e instanceof Error ? e.message : e}`);
    }
  }

  private async measureLag(): Promise<void> {
    for (const s of await this.status()) {
      if (s.pending < 0) continue;
      metrics.consumerLag.set({ consumer: s.durable }, s.pending);
      metrics.consumerAckPending.set({ consumer: s.durable }, s.ackPending);
    }
  }

  private async run(reg: Registration): Promise<void> {
    const { durable } = reg.options;
    const size = this.settings.batchSize;
    const workers = reg.options.concurrency ?? 1;
    while (this.running) {
      try {
        const consumer: Consumer = await this.nats.js.consumers.get(reg.stream, durable);
        const messages = await consumer.consume({ max_messages: size * (workers + 1) });
        this.subscriptions.push(messages);
        const buffer: JsMsg[] = [];
        let idle: Array<() => void> = [];
        const wakeWorkers = () => {
          const w = idle;
          idle = [];
          w.forEach((f) => f());
        };
        let wakePump: (() => void) | undefined;
        let ended = false;
        // The pump pauses while the buffer is full: the iterator then stops pulling, so
        // messages wait in the stream (not in memory, not past their ack deadline).
        const pump = (async () => {
          try {
            for await (const m of messages) {
              buffer.push(m);
              wakeWorkers();
              while (buffer.length >= size * (workers + 1) && this.running)
                await new Promise<void>((r) => {
                  wakePump = r;
                });
            }
          } finally {
            ended = true;
            wakeWorkers();
          }
        })();
        // Workers take batches in turn; with more than one, a batch's Node work overlaps the
        // previous one's commit (for consumers whose events are independent of each other).
        const worker = async () => {
          while (this.running) {
            if (!buffer.length) {
              if (ended) break;
              await new Promise<void>((r) => idle.push(r));
              continue;
            }
            const batch = buffer.splice(0, size);
            wakePump?.();
            try {
              await this.handleBatch(reg, batch);
            } catch (e) {
              // never leave a pulled message unanswered: it would wait out its ack deadline
              this.log.warn(`${durable}: batch failed unexpectedly (${e instanceof Error ? e.message : e}); redelivering`);
              for (const m of batch) m.nak(1000);
            }
          }
        };
        await Promise.all(Array.from({ length: workers }, worker));
        messages.stop();
        await pump;
      } catch (e) {
        if (!this.running) break;
        this.log.warn(`consumer ${durable} stopped (${e instanceof Error ? e.message : e}); resubscribing in 1 s`);
        await new Promise((r) => setTimeout(r, 1000));
      }
    }
  }

  /**
   * Turns a pulled message into an event to handle or a rejection; never throws (a throw here
   * would fail the batch and bring the message back for ever). The limits come first, before
   * anything recursive reads the payload (inbound-limits.ts).
   */
  private async decode(reg: Registration, msg: JsMsg, declarations: Declarations): Promise<Decoded> {
    const headerId = msg.headers?.get('Nats-Msg-Id') || null;
    const headerKey = headerId ? inboxKeyOf(headerId) : null;
    const fallbackKey = headerKey ?? `seq:${msg.info.streamSequence}`;
    const reject = (key: string, rejection: Rejection): Decoded => ({ msg, key, rejection });
    if (nestsDeeperThan(msg.data, INBOUND_LIMITS.maxDepth)) {
      return reject(fallbackKey, {
        reason: 'TOO_DEEP',
        errors: [{ path: '', message: `payload nests arrays or objects more than ${INBOUND_LIMITS.maxDepth} levels deep` }],
        payload: msg.string().slice(0, RAW_PREVIEW_CHARS),
        eventId: headerId,
      });
    }
    let plain: unknown;
    try {
      plain = JSON.parse(msg.string());
    } catch (e) {
      // JSON.parse quotes the text it choked on: only the admin's detail keeps that
      return reject(fallbackKey, {
        reason: 'MALFORMED_JSON',
        errors: [{ path: '', message: 'payload is not JSON' }],
        payload: msg.string().slice(0, RAW_PREVIEW_CHARS),
        eventId: headerId,
        cause: (e as Error).message,
      });
    }
    const claimed =
      plain && typeof plain === 'object' && typeof (plain as { eventId?: unknown }).eventId === 'string'
        ? (plain as { eventId: string }).eventId
        : null;
    // a rejected message carries the eventId of the message it rejects: its own id is the header's
    const key = (REJECTION_SUBJECTS.includes(msg.subject) ? headerKey : claimed !== null ? inboxKeyOf(claimed) : null) ?? fallbackKey;
    const eventId = claimed ?? headerId;
    try {
      const result = await validatePayload(reg.options.schema, plain);
      if (!result.ok) return reject(key, { reason: 'VALIDATION', errors: result.errors, payload: plain, eventId });
    } catch (e) {
      return reject(key, {
        reason: 'VALIDATION',
        errors: [{ path: '', message: 'payload could not be validated' }],
        payload: plain,
        eventId,
        cause: (e as Error).message,
      });
    }
    // who published it, as the server routed it, and whether it speaks for the event's agency
    const publisher = checkPublisher(msg.subject, plain as Record<string, unknown>, declarations);
    if (publisher.errors) return reject(key, { reason: 'VALIDATION', errors: publisher.errors, payload: plain, eventId });
    return { msg, key, event: plain as Decoded['event'], source: publisher.source };
  }

  private context(reg: Registration, d: Decoded, manager: EntityManager, hooks: AfterCommitHooks): ConsumeContext {
    const cause = { correlationId: d.event!.correlationId ?? d.key, causationId: d.key };
    return {
      manager,
      eventId: d.key,
      subject: d.msg.subject,
      source: d.source,
      deliveryCount: d.msg.info.deliveryCount,
      position: { stream: reg.stream, sequence: d.msg.info.streamSequence },
      cause,
      publish: (subject, payload) => this.outbox.enqueue(manager, subject, payload, cause),
      afterCommit: (fn) => hooks.afterCommit(fn),
    };
  }

  private async handleBatch(reg: Registration, msgs: JsMsg[]): Promise<void> {
    const consumer = reg.options.durable;
    for (const m of msgs) if (m.info.deliveryCount > 1) metrics.messagesRedelivered.inc({ consumer });
    const declarations = await this.publishers.forSubjects(msgs.map((m) => m.subject));
    const decoded = await Promise.all(msgs.map((m) => this.decode(reg, m, declarations)));
    try {
      const { handled, duplicates, rejected } = await this.commit(reg, decoded);
      for (const d of decoded) d.msg.ack();
      metrics.messagesHandled.inc({ consumer }, handled);
      if (duplicates) metrics.messagesDuplicate.inc({ consumer }, duplicates);
      for (const r of rejected) metrics.messagesRejected.inc({ consumer, reason: r });
    } catch (e) {
      if (decoded.length > 1) {
        // one bad message must not hold back the others: retry each alone
        for (const d of decoded) await this.handleBatch(reg, [d.msg]);
        return;
      }
      const d = decoded[0];
      metrics.messagesFailed.inc({ consumer });
      const attempts = d.msg.info.deliveryCount;
      const max = reg.options.maxAttempts ?? 5;
      const message = e instanceof Error ? e.message : String(e);
      // a database or network that is away is waited for, however long: only a message that
      // fails on its own merits is rejected after its attempts
      if (attempts >= max && d.event && !isTransient(e)) {
        this.log.error(`${consumer}: event ${d.key} failed ${attempts} times, rejecting: ${message}`);
        try {
          // the handler's error may quote the message's values: only the admin's detail has it
          d.rejection = {
            reason: 'RETRIES_EXHAUSTED',
            errors: [{ path: '', message: `handling failed ${attempts} times` }],
            payload: d.event,
            eventId: d.event.eventId,
            cause: message,
          };
          d.event = undefined;
          await this.commit(reg, [d]);
          d.msg.ack();
          metrics.messagesRejected.inc({ consumer, reason: 'RETRIES_EXHAUSTED' });
          return;
        } catch (e2) {
          message.concat(` (and rejecting failed: ${(e2 as Error).message})`);
        }
      }
      const delay = Math.min(this.settings.maxBackoffMs, 250 * 2 ** Math.max(0, attempts - 1));
      this.log.warn(`${consumer}: event ${d.key} failed (attempt ${attempts}), retrying in ${delay} ms: ${message}`);
      d.msg.nak(delay);
    }
  }

  /**
   * One transaction: inbox rows, rejections, handler effects. Returns what it did. The handlers'
   * `afterCommit` hooks run once it committed; a batch that fails drops them (its retries,
   * one message each, register their own).
   */
  private async commit(reg: Registration, decoded: Decoded[]) {
    const consumer = reg.options.durable;
    const subject = reg.options.subject;
    return transactionWithHooks(this.ds, async (manager, hooks) => {
      const seen = new Set<string>();
      const unique = decoded.filter((d) => (seen.has(d.key) ? false : (seen.add(d.key), true)));
      const rows: Array<{ event_id: string }> = await manager.query(
        `INSERT INTO "inbox" ("consumer", "event_id", "subject", "outcome")
         SELECT $1, k, $2, o FROM unnest($3::text[], $4::text[]) AS t(k, o)
         ON CONFLICT DO NOTHING RETURNING "event_id"`,
        [consumer, subject, unique.map((d) => d.key), unique.map((d) => (d.rejection ? `REJECTED:${d.rejection.reason}` : 'HANDLED'))],
      );
      const fresh = new Set(rows.map((r) => r.event_id));
      const todo = unique.filter((d) => fresh.has(d.key));
      const rejectedNow = todo.filter((d) => d.rejection);
      // a rejected message that cannot itself be handled is recorded and logged, never
      // rejected again: that would loop through sigap.rejected forever
      const toPublish = REJECTION_SUBJECTS.includes(subject) ? [] : rejectedNow;
      if (toPublish.length) {
        const rejectedAt = new Date().toISOString();
        await this.outbox.enqueueRejections(
          manager,
          toPublish.map((d): RejectedMessageDetail => ({
            eventId: d.rejection!.eventId,
            subject: d.msg.subject,
            errors: d.rejection!.errors,
            reason: d.rejection!.reason,
            consumer,
            payload: d.rejection!.payload,
            rejectedAt,
            source: { stream: reg.stream, sequence: d.msg.info.streamSequence },
            ...(d.rejection!.cause !== undefined ? { cause: d.rejection!.cause } : {}),
          })),
        );
      }
      // one line per batch: a flood of poison must not become a flood of log lines
      if (rejectedNow.length === 1) {
        const d = rejectedNow[0];
        this.log.warn(
          `${consumer}: rejected ${nameableId(d.rejection!.eventId) ?? d.key} (${d.rejection!.reason}): ${d
            .rejection!.errors.slice(0, 5)
            .map((x) => `${x.path} ${x.message}`)
            .join('; ')}`,
        );
      } else if (rejectedNow.length > 1) {
        const reasons = new Map<string, number>();
        for (const d of rejectedNow) reasons.set(d.rejection!.reason, (reasons.get(d.rejection!.reason) ?? 0) + 1);
        this.log.warn(`${consumer}: rejected ${rejectedNow.length} messages (${[...reasons].map(([r, n]) => `${n} ${r}`).join(', ')})`);
      }
      const valid = todo.filter((d) => d.event);
      if (valid.length) {
        if (reg.options.batch) {
          const items: BatchItem<unknown>[] = valid.map((d) => ({ event: d.event, ctx: this.context(reg, d, manager, hooks) }));
          await reg.handler(items, manager, hooks);
        } else {
          for (const d of valid) await reg.handler(d.event, this.context(reg, d, manager, hooks));
        }
      }
      return { handled: valid.length, duplicates: decoded.length - todo.length, rejected: rejectedNow.map((d) => d.rejection!.reason) };
    });
  }
}
