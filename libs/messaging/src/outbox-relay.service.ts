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
  attempts: number;
}

/** What the outbox shows the admin's status page. */
export interface OutboxStatus {
  /** rows waiting to be published */
  backlog: number;
  /** rows the server refused for good (too large): set aside, never retried */
  refused: number;
  /** rows that failed and wait for their next try */
  retrying: number;
  /** the last error of a refused or retrying row */
  lastError: string | null;
}

function errorText(e: unknown): string {
  return (e instanceof Error ? e.message : String(e)).slice(0, 1000);
}

/**
 * Errors retrying cannot cure: the client's max_payload check, and JetStream's "message size
 * exceeds maximum allowed" (err_code 10054, a stream's max_msg_size). A full stream ("maximum
 * bytes exceeded") is not among them: space comes back as messages age out or an operator acts.
 */
export function isRefusedForGood(message: string): boolean {
  return /max_payload|exceeds maximum allowed|\b10054\b/i.test(message);
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

  /**
   * Publishes what is pending now; returns how many rows it published, -1 when it published
   * none because they all failed (the loop then backs off).
   *
   * A row the server refuses for good (larger than its max_payload or the stream's max message
   * size) is marked refused, logged and counted, and no longer blocks the rows behind it. A row
   * that failed for a reason that can pass (no PubAck, a stream at its byte limit, JetStream
   * away) is retried with its own growing delay, while the rows behind it go on.
   */
  async relayOnce(): Promise<number> {
    const s = this.settings.schema;
    return this.ds.transaction(async (m) => {
      const rows: OutboxRow[] = await m.query(
        `SELECT "id", "event_id", "subject", "payload"::text AS "payload", "headers", "attempts"
           FROM "${s}"."outbox"
          WHERE "published_at" IS NULL AND "refused_at" IS NULL AND ("retry_at" IS NULL OR "retry_at" <= now())
          ORDER BY "id" LIMIT $1 FOR UPDATE SKIP LOCKED`,
        [this.settings.batchSize],
      );
      if (!rows.length) return 0;
      // sent in order on one connection, so the stream keeps the outbox's order
      const results = await Promise.allSettled(
        rows.map((r) => this.nats.publisher.publish(r.subject, r.payload, r.event_id, r.headers ?? {})),
      );
      const sent = rows.filter((_, i) => results[i].status === 'fulfilled').map((r) => r.id);
      const failures = rows
        .map((r, i) => ({ row: r, result: results[i] }))
        .filter((x): x is { row: OutboxRow; result: PromiseRejectedResult } => x.result.status === 'rejected')
        .map(({ row, result }) => ({ row, message: errorText(result.reason) }));
      const refused = failures.filter((f) => isRefusedForGood(f.message));
      const failed = failures.filter((f) => !isRefusedForGood(f.message));
      if (sent.length) {
        await m.query(
          `UPDATE "${s}"."outbox" SET "published_at" = now(), "attempts" = "attempts" + 1, "retry_at" = NULL WHERE "id" = ANY($1::bigint[])`,
          [sent],
        );
        metrics.outboxPublished.inc(sent.length);
      }
      if (refused.length) {
        await m.query(
          `UPDATE "${s}"."outbox" AS o SET "refused_at" = now(), "attempts" = o."attempts" + 1, "last_error" = t.e
             FROM unnest($1::bigint[], $2::text[]) AS t(id, e) WHERE o."id" = t.id`,
          [refused.map((f) => f.row.id), refused.map((f) => f.message)],
        );
        metrics.outboxRefused.inc(refused.length);
        for (const f of refused) {
          this.log.error(
            `outbox event ${f.row.event_id} on ${f.row.subject} refused by the server, set aside (will not be retried): ${f.message}`,
          );
        }
      }
      if (failed.length) {
        // each row waits 250 ms × 2^attempts, at most a minute, before its next try
        await m.query(
          `UPDATE "${s}"."outbox" AS o SET "attempts" = o."attempts" + 1, "last_error" = t.e,
                  "retry_at" = now() + make_interval(secs => least(60, 0.25 * power(2, least(o."attempts", 10))))
             FROM unnest($1::bigint[], $2::text[]) AS t(id, e) WHERE o."id" = t.id`,
          [failed.map((f) => f.row.id), failed.map((f) => f.message)],
        );
        this.log.warn(`${failed.length} outbox events not published yet, retrying later: ${failed[0].message}`);
      }
      return sent.length || (failures.length ? -1 : 0);
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
    const [{ n }] = await this.ds.query(
      `SELECT count(*)::int AS n FROM "${this.settings.schema}"."outbox" WHERE "published_at" IS NULL AND "refused_at" IS NULL`,
    );
    return n as number;
  }

  /** Backlog, refused and retrying rows, and the latest error, for the admin's status page. */
  async status(): Promise<OutboxStatus> {
    const [r] = await this.ds.query(
      `SELECT count(*) FILTER (WHERE "refused_at" IS NULL)::int AS backlog,
              count(*) FILTER (WHERE "refused_at" IS NOT NULL)::int AS refused,
              count(*) FILTER (WHERE "refused_at" IS NULL AND "retry_at" IS NOT NULL)::int AS retrying,
              (array_agg("last_error" ORDER BY coalesce("refused_at", "retry_at") DESC) FILTER (WHERE "last_error" IS NOT NULL))[1] AS last_error
         FROM "${this.settings.schema}"."outbox" WHERE "published_at" IS NULL`,
    );
    return { backlog: r.backlog, refused: r.refused, retrying: r.retrying, lastError: r.last_error ?? null };
  }

  private async measureBacklog(): Promise<void> {
    try {
      const st = await this.status();
      metrics.outboxBacklog.set(st.backlog);
      metrics.outboxRefusedRows.set(st.refused);
    } catch {
      /* the health check reports the database */
    }
  }

  private async purge(): Promise<void> {
    try {
      await this.ds.query(
        // refused rows too: kept as long, for an operator to read what was set aside
        `DELETE FROM "${this.settings.schema}"."outbox" WHERE "published_at" < now() - make_interval(days => $1) OR "refused_at" < now() - make_interval(days => $1)`,
        [this.settings.retentionDays],
      );
    } catch (e) {
      this.log.warn(`outbox purge failed: ${e instanceof Error ? e.message : e}`);
    }
  }
}
