import { AckPolicy, DeliverPolicy, DiscardPolicy, RetentionPolicy, StorageType, jetstreamManager, type JetStreamManager } from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/transport-node';
import { SERVICES, STREAMS, streamFor } from '#contracts';

const NANOS_PER_MS = 1_000_000;
const DAY_MS = 24 * 60 * 60 * 1000;

export interface JetStreamProvisionOptions {
  /** replicas per stream: 1 locally, 3 on a cluster */
  replicas?: number;
  /** how long a stream keeps messages (consumers that were down catch up within it) */
  maxAgeDays?: number;
}

/**
 * Creates or updates, idempotently, every stream of the topology and every service's durable
 * consumer. Run at start by the provisioner (deploy/provision.ts) before the services.
 */
export async function provisionJetStream(conn: JetStreamManager | NatsConnection, opts: JetStreamProvisionOptions = {}): Promise<void> {
  const jsm = 'streams' in conn ? conn : await jetstreamManager(conn);
  for (const s of STREAMS) {
    const cfg = {
      name: s.name,
      subjects: s.subjects,
      description: s.description,
      retention: RetentionPolicy.Limits,
      storage: StorageType.File,
      discard: DiscardPolicy.Old,
      max_age: (opts.maxAgeDays ?? 90) * DAY_MS * NANOS_PER_MS,
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
}

function isNotFound(e: unknown): boolean {
  const msg = e instanceof Error ? e.message : String(e);
  return /not found/i.test(msg);
}
