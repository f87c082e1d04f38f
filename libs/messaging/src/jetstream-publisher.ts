import { createInbox, headers as natsHeaders, type Msg, type NatsConnection, type Subscription } from '@nats-io/transport-node';

export interface PubAck {
  stream: string;
  seq: number;
  duplicate: boolean;
}

interface Pending {
  resolve: (ack: PubAck) => void;
  reject: (err: Error) => void;
  at: number;
}

/**
 * Publishes to JetStream and awaits the PubAck, like `js.publish`, for the outbox relay's hot
 * path. `js.publish` makes a request per message (its own timer and two Error objects for
 * stack traces); profiling the pipeline benchmark put that near 5% of a service's CPU. Here
 * every acknowledgement comes back on one wildcard subscription of the service's private
 * inbox, matched by a counter, and one sweep times out what is late.
 */
export class JetStreamPublisher {
  private readonly pending = new Map<number, Pending>();
  private readonly replyPrefix: string;
  private readonly sub: Subscription;
  private readonly sweeper: NodeJS.Timeout;
  private seq = 0;

  constructor(
    private readonly nc: NatsConnection,
    inboxPrefix: string,
    private readonly timeoutMs = 10_000,
  ) {
    // a fresh token under the private prefix: replies of another connection never match
    this.replyPrefix = `${createInbox(inboxPrefix)}.pa`;
    this.sub = nc.subscribe(`${this.replyPrefix}.*`, { callback: (err, msg) => (err ? this.failAll(err) : this.onAck(msg)) });
    this.sweeper = setInterval(() => this.sweep(), Math.min(1000, timeoutMs)).unref();
  }

  /** Publishes one message with `Nats-Msg-Id` = `msgId`; resolves once the stream stored it. */
  publish(subject: string, payload: string | Uint8Array, msgId: string, extraHeaders: Record<string, string> = {}): Promise<PubAck> {
    const token = ++this.seq;
    const h = natsHeaders();
    h.set('Nats-Msg-Id', msgId);
    for (const [k, v] of Object.entries(extraHeaders)) h.set(k, v);
    return new Promise<PubAck>((resolve, reject) => {
      this.pending.set(token, { resolve, reject, at: Date.now() });
      try {
        this.nc.publish(subject, payload, { reply: `${this.replyPrefix}.${token}`, headers: h });
      } catch (e) {
        // the client refuses, before sending, a message over the server's max_payload
        this.pending.delete(token);
        reject(
          new Error(
            `NATS refused the message on ${subject}: ${(e as Error).message} (max_payload ${this.nc.info?.max_payload ?? 'unknown'} bytes)`,
          ),
        );
      }
    });
  }

  close(): void {
    clearInterval(this.sweeper);
    this.sub.unsubscribe();
    this.failAll(new Error('publisher closed'));
  }

  private onAck(msg: Msg): void {
    const token = Number(msg.subject.slice(this.replyPrefix.length + 1));
    const p = this.pending.get(token);
    if (!p) return; // timed out already
    this.pending.delete(token);
    if (msg.headers?.hasError) {
      // 503: no stream captures the subject (or JetStream is down)
      p.reject(new Error(`JetStream did not store the message: ${msg.headers.code} ${msg.headers.description}`));
      return;
    }
    try {
      const ack = JSON.parse(msg.string()) as Partial<PubAck> & { error?: { code: number; err_code?: number; description: string } };
      if (ack.error)
        p.reject(
          new Error(
            `JetStream refused the message: ${ack.error.code} ${ack.error.description}${ack.error.err_code ? ` (err_code ${ack.error.err_code})` : ''}`,
          ),
        );
      else if (!ack.stream) p.reject(new Error('invalid PubAck'));
      else p.resolve({ stream: ack.stream, seq: ack.seq ?? 0, duplicate: ack.duplicate ?? false });
    } catch (e) {
      p.reject(e as Error);
    }
  }

  private sweep(): void {
    const limit = Date.now() - this.timeoutMs;
    for (const [token, p] of this.pending) {
      if (p.at > limit) break; // insertion order is time order
      this.pending.delete(token);
      p.reject(new Error(`no PubAck within ${this.timeoutMs} ms`));
    }
  }

  private failAll(err: Error): void {
    for (const p of this.pending.values()) p.reject(err);
    this.pending.clear();
  }
}
