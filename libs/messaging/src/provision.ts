import {
  AckPolicy,
  DeliverPolicy,
  DiscardPolicy,
  RetentionPolicy,
  StorageType,
  jetstreamManager,
  type JetStreamManager,
} from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/transport-node';
import { Type } from 'class-transformer';
import { IsInt, Max, Min } from 'class-validator';
import { RETIRED_DURABLES, SERVICES, STREAMS, streamFor } from '#contracts';
import { loadConfig } from '#platform';

const NANOS_PER_MS = 1_000_000;
const DAY_MS = 24 * 60 * 60 * 1000;
const MIB = 1024 * 1024;

/**
 * The size and age limits of the streams, set by the installation (validated at start; a wrong
 * value stops the provisioner naming it). Also read by the gateway for the purge of rejected
 * payloads, so the table and the stream forget them after the same period.
 */
export class StreamLimitsConfig {
  /** how long the event streams keep messages: a consumer that was down catches up within it */
  @Type(() => Number)
  @IsInt({ message: 'SIGAP_STREAM_MAX_AGE_DAYS must be a whole number of days' })
  @Min(1)
  @Max(3650)
  SIGAP_STREAM_MAX_AGE_DAYS: number = 90;

  /** bytes a stream may hold; when full, publishing answers "maximum bytes exceeded" and the outbox retries */
  @Type(() => Number)
  @IsInt({ message: 'SIGAP_STREAM_MAX_BYTES must be a whole number of bytes' })
  @Min(MIB)
  @Max(Number.MAX_SAFE_INTEGER)
  SIGAP_STREAM_MAX_BYTES: number = 1024 * MIB;

  /** the largest message a stream stores (the NATS server's max_payload bounds it too) */
  @Type(() => Number)
  @IsInt({ message: 'SIGAP_STREAM_MAX_MSG_BYTES must be a whole number of bytes' })
  @Min(64 * 1024)
  @Max(64 * MIB)
  SIGAP_STREAM_MAX_MSG_BYTES: number = MIB;

  /** days the payload of a rejected message (personal data) is kept for the admin's replay */
  @Type(() => Number)
  @IsInt({ message: 'SIGAP_REJECTED_RETENTION_DAYS must be a whole number of days' })
  @Min(1, { message: 'SIGAP_REJECTED_RETENTION_DAYS must be at least 1' })
  @Max(3650)
  SIGAP_REJECTED_RETENTION_DAYS: number = 30;
}

/** The stream limits from the environment, validated. */
export function streamLimitsFromEnv(env: NodeJS.ProcessEnv = process.env): StreamLimitsConfig {
  return loadConfig(StreamLimitsConfig, env);
}

export interface JetStreamProvisionOptions {
  /** replicas per stream: 1 locally, 3 on a cluster */
  replicas?: number;
  /** how long a stream keeps messages (consumers that were down catch up within it) */
  maxAgeDays?: number;
  /** bytes each stream may hold (default 1 GiB) */
  maxBytes?: number;
  /** the largest message a stream stores (default 1 MiB, NATS' default max_payload) */
  maxMsgBytes?: number;
  /** how long SIGAP_REJECTED_DETAIL keeps refused payloads (default 30 days) */
  rejectedRetentionDays?: number;
}

/**
 * Creates or updates, idempotently, every stream of the topology and every service's durable
 * consumer. Run at start by the provisioner (deploy/provision.ts) before the services.
 */
export async function provisionJetStream(conn: JetStreamManager | NatsConnection, opts: JetStreamProvisionOptions = {}): Promise<void> {
  const jsm = 'streams' in conn ? conn : await jetstreamManager(conn);
  for (const s of STREAMS) {
    const days = s.retention === 'rejected-payloads' ? (opts.rejectedRetentionDays ?? 30) : (opts.maxAgeDays ?? 90);
    const cfg = {
      name: s.name,
      subjects: s.subjects,
      description: s.description,
      retention: RetentionPolicy.Limits,
      storage: StorageType.File,
      // a full stream refuses new messages with a clear error ("maximum bytes exceeded"), which
      // the outbox retries: dropping the oldest would lose events a consumer has not read yet
      discard: DiscardPolicy.New,
      max_bytes: opts.maxBytes ?? 1024 * MIB,
      max_msg_size: opts.maxMsgBytes ?? MIB,
      max_age: days * DAY_MS * NANOS_PER_MS,
      duplicate_window: 2 * 60 * 1000 * NANOS_PER_MS,
      num_replicas: opts.replicas ?? 1,
    };
    try {
      await jsm.streams.info(s.name);
      const { name: _n, storage: _s, ...update } = cfg;
      await jsm.streams.update(s.name, update);
    } catch (e) {
      if (!isNotFound(e)) throw e;
      await jsm.streams.add(cfg);
    }
  }
  for (const svc of Object.values(SERVICES)) {
    for (const c of svc.consumers) {
      const stream = streamFor(c.subject);
      const cfg = {
        durable_name: c.durable,
        filter_subject: c.subject,
        ack_policy: AckPolicy.Explicit,
        deliver_policy: DeliverPolicy.All,
        ack_wait: 30_000 * NANOS_PER_MS,
        // retries and their backoff are ours (nak with delay), rejection after the last one:
        // a server-side max_deliver would drop a message silently
        max_deliver: -1,
        max_ack_pending: 20_000,
      };
      try {
        const info = await jsm.consumers.info(stream.name, c.durable);
        if (info.config.filter_subject !== cfg.filter_subject) {
          // nats-server 2.9 cannot change a consumer's filter: one whose subject moved (inbound
          // events moved from sigap.ext.… to sigap.from.<system>.…) starts over; the inbox drops
          // what it already handled
          await jsm.consumers.delete(stream.name, c.durable);
          await jsm.consumers.add(stream.name, cfg);
          continue;
        }
        const { durable_name: _d, deliver_policy: _p, filter_subject: _f, ...update } = cfg;
        await jsm.consumers.update(stream.name, c.durable, update);
      } catch (e) {
        if (!isNotFound(e)) throw e;
        await jsm.consumers.add(stream.name, cfg);
      }
    }
  }
  // a retired consumer would keep collecting messages nobody reads
  for (const r of RETIRED_DURABLES) {
    await jsm.consumers.delete(r.stream, r.durable).catch((e: unknown) => {
      if (!isNotFound(e)) throw e;
    });
  }
}

function isNotFound(e: unknown): boolean {
  const msg = e instanceof Error ? e.message : String(e);
  return /not found/i.test(msg);
}
