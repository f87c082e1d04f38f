import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type pg from 'pg';
import { metrics } from '#platform';
import { NatsService } from './nats.service.js';
import { outboxChannel } from './outbox.service.js';

export interface RelaySettings {
  schema: string;
  batchSize: number;
  /** poll interval when no notification arrives (a lost LISTEN connection, another replica's commit) */
  pollMs: number;
  /** published rows are kept this long, so events can be re-published after a JetStream loss */
  retentionDays: number;
}

interface OutboxRow {
  id: string;
  event_id: string;
  subject: string;
  payload: string;
  headers: Record<string, string>;
}

/**
 * Publishes committed outbox rows to JetStream with `Nats-Msg-Id` = eventId and marks them
 * sent. Rows are claimed with `FOR UPDATE SKIP LOCKED`, so replicas share the work; a process
 * killed after publishing but before marking re-publishes on restart, and JetStream's
 * duplicate window (then the consumers' inboxes) drop the second copy.
 */
@Injectable()
export class OutboxRelay implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly log = new Logger('outbox-relay');
  private running = false;
  private wake?: () => void;
  /** a commit was announced since the last claim: don't sleep */
  private dirty = false;
  private listener?: pg.PoolClient;
  private loop?: Promise<void>;
  private timers: NodeJS.Timeout[] = [];

  constructor(
    private readonly ds: DataSource,
    private readonly nats: NatsService,
    private readonly settings: RelaySettings,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    this.running = true;
    await this.listen();
    this.loop = this.run();
    this.timers.push(setInterval(() => void this.measureBacklog(), 5000));
    this.timers.push(setInterval(() => void this.purge(), 10 * 60 * 1000));
    void this.measureBacklog();
  }

  async onApplicationShutdown(): Promise<void> {
    this.running = false;
    this.timers.forEach(clearInterval);
    this.wake?.();
    await this.loop;
    this.listener?.release();
  }

  /** Publishes what is pending now; returns how many rows it published, -1 when some failed. */
  async relayOnce(): Promise<number> {
    const s = this.settings.schema;
    return this.ds.transaction(async (m) => {
      const rows: OutboxRow[] = await m.query(
        `SELECT "id", "event_id", "subject", "payload"::text AS "payload", "headers"
           FROM "${s}"."outbox" WHERE "published_at" IS NULL
          ORDER BY "id" LIMIT $1 FOR UPDATE SKIP LOCKED`,
        [this.settings.batchSize],
      );
      if (!rows.length) return 0;
      // sent in order on one connection, so the stream keeps the outbox's order
      const results = await Promise.allSettled(
        rows.map((r) => this.nats.publisher.publish(r.subject, r.payload, r.event_id, r.headers ?? {})),
      );
      const sent = rows.filter((_, i) => results[i].status === 'fulfilled').map((r) => r.id);
      const failed = rows.filter((_, i) => results[i].status === 'rejected');
      if (sent.length) {
        await m.query(`UPDATE "${s}"."outbox" SET "published_at" = now(), "attempts" = "attempts" + 1 WHERE "id" = ANY($1::bigint[])`, [sent]);
        metrics.outboxPublished.inc(sent.length);
      }
      if (failed.length) {
        const reason = (results.find((r) => r.status === 'rejected') as PromiseRejectedResult).reason;
        const message = reason instanceof Error ? reason.message : String(reason);
        await m.query(`UPDATE "${s}"."outbox" SET "attempts" = "attempts" + 1, "last_error" = $2 WHERE "id" = ANY($1::bigint[])`, [failed.map((r) => r.id), message]);
        this.log.warn(`${failed.length} outbox events not published yet: ${message}`);
        // commit what was sent (and the attempts), then back off before the next try
        return -1;
      }
      return sent.length;
    });
  }

  private async run(): Promise<void> {
    let delay = 0;
    while (this.running) {
      let n = 0;
      try {
        this.dirty = false;
        n = await this.relayOnce();
        delay = n < 0 ? Math.min(Math.max(delay * 2, 250), 10000) : 0;
      } catch (e) {
        delay = Math.min(Math.max(delay * 2, 250), 10000);
        this.log.warn(`outbox relay failed, retrying in ${delay} ms: ${e instanceof Error ? e.message : e}`);
      }
      if (!this.running) break;
      if (delay > 0) await this.sleep(delay, false);
      else if (n < this.settings.batchSize) await this.sleep(this.settings.pollMs, true);
    }
  }

  private sleep(ms: number, wakeable: boolean): Promise<void> {
    return new Promise((resolve) => {
      const t = setTimeout(done, ms);
      function done() {
        clearTimeout(t);
        resolve();
      }
      if (wakeable) {
        if (this.dirty) return done();
        this.wake = done;
      }
    });
  }

  /** LISTEN for commits that wrote to the outbox: publishing starts within milliseconds. */
  private async listen(): Promise<void> {
    try {
      const pool = (this.ds.driver as unknown as { master: pg.Pool }).master;
      const client = await pool.connect();
      client.on('notification', () => {
        this.dirty = true;
        this.wake?.();
      });
      // a dropped connection errors more than once ("terminating…", then "terminated"):
      // only the current listener's first error starts a new one
      client.on('error', (e) => {
        if (this.listener !== client) return;
        this.listener = undefined;
        client.release(e);
        this.log.warn(`LISTEN connection lost (${e.message}); polling until it is back`);
        setTimeout(() => this.running && void this.listen(), 1000);
      });
      await client.query(`LISTEN "${outboxChannel(this.settings.schema)}"`);
      this.listener = client;
    } catch (e) {
      this.log.warn(`cannot LISTEN (${e instanceof Error ? e.message : e}); polling`);
      setTimeout(() => this.running && void this.listen(), 2000);
    }
  }

  async backlog(): Promise<number> {
    const [{ n }] = await this.ds.query(`SELECT count(*)::int AS n FROM "${this.settings.schema}"."outbox" WHERE "published_at" IS NULL`);
    return n as number;
  }

  private async measureBacklog(): Promise<void> {
    try {
      metrics.outboxBacklog.set(await this.backlog());
    } catch { /* the health check reports the database */ }
  }

  private async purge(): Promise<void> {
    try {
      await this.ds.query(
        `DELETE FROM "${this.settings.schema}"."outbox" WHERE "published_at" < now() - make_interval(days => $1)`,
        [this.settings.retentionDays],
      );
    } catch (e) {
      this.log.warn(`outbox purge failed: ${e instanceof Error ? e.message : e}`);
    }
  }
}
