// The first slice under load: 10,000 `sigap.ext.application.submitted.v1` events published
// by an outside system until every one has a verification case, beside raw JetStream
// publish-and-consume of as many messages of the same size on the same machine, in the same run.
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { connect, headers as natsHeaders, type NatsConnection } from '@nats-io/transport-node';
import { AckPolicy, DeliverPolicy, jetstream, jetstreamManager, type JsMsg } from '@nats-io/jetstream';
import { Subjects } from '#contracts';
import { submittedApplication, type SystemFile } from '#testing';
import { fmt, percentile } from './stats.js';

const N = Number(process.env.BENCH_PIPELINE_EVENTS ?? 10_000);
const IN_FLIGHT = 256;

/** Publishes with at most IN_FLIGHT unacknowledged messages (what a well-written publisher does). */
async function publishAll(nc: NatsConnection, subject: string, bodies: string[], ids: string[], sentAt?: Map<string, number>) {
  const js = jetstream(nc);
  let next = 0;
  async function worker() {
    while (next < bodies.length) {
      const i = next++;
      const h = natsHeaders();
      h.set('Nats-Msg-Id', ids[i]);
      sentAt?.set(ids[i], performance.now());
      await js.publish(subject, bodies[i], { headers: h });
    }
  }
  await Promise.all(Array.from({ length: IN_FLIGHT }, worker));
}

async function rawJetStream(admin: NatsConnection, bodies: string[]) {
  const jsm = await jetstreamManager(admin);
  const stream = `BENCH_RAW_${randomUUID().slice(0, 8)}`;
  await jsm.streams.add({ name: stream, subjects: [`bench.raw.${stream}`] });
  await jsm.consumers.add(stream, {
    durable_name: 'raw',
    ack_policy: AckPolicy.Explicit,
    deliver_policy: DeliverPolicy.All,
    max_ack_pending: 20_000,
  });
  const consumer = await jetstream(admin).consumers.get(stream, 'raw');
  const t0 = performance.now();
  let consumed = 0;
  const done = new Promise<void>((resolve) => {
    void consumer.consume({
      max_messages: 1024,
      callback: (m: JsMsg) => {
        m.ack();
        if (++consumed === bodies.length) resolve();
      },
    });
  });
  await publishAll(
    admin,
    `bench.raw.${stream}`,
    bodies,
    bodies.map(() => randomUUID()),
  );
  await done;
  const seconds = (performance.now() - t0) / 1000;
  await jsm.streams.delete(stream);
  return bodies.length / seconds;
}

export async function run({ system }: { system: SystemFile }) {
  const admin = await connect({
    servers: system.natsUrl,
    user: system.natsAdmin.user,
    pass: system.natsAdmin.password,
    inboxPrefix: '_INBOX_bench',
  });
  const ext = await connect({ servers: system.natsUrl, user: system.ext.user, pass: system.ext.password });
  const events = Array.from({ length: N }, (_, i) => submittedApplication({ source: 'bench' }, i));
  const bodies = events.map((e) => JSON.stringify(e));
  const ids = events.map((e) => e.eventId as string);
  const avgBytes = Math.round(bodies.reduce((s, b) => s + b.length, 0) / bodies.length);

  // warm up both paths (JIT, connections, pools) so that neither pays for it in the figures
  await rawJetStream(admin, bodies.slice(0, 1000));
  const rawRate = await rawJetStream(admin, bodies);

  // the pipeline: ext → intake (application + outbox) → relay → verification (case + outbox) → relay
  const db = new pg.Client({ connectionString: system.adminDatabaseUrl });
  await db.connect();
  const assessedCount = async () =>
    Number((await db.query<{ n: string }>(`SELECT count(*) AS n FROM verification.cases WHERE subject IS NOT NULL`)).rows[0].n);
  const assessedBefore = await assessedCount();
  const sentAt = new Map<string, number>();
  const latencies: number[] = [];
  let opened = 0;
  const allOpened = new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`only ${opened} of ${N} cases opened within 10 minutes`)), 600_000);
    const sub = admin.subscribe(Subjects.verificationCaseOpened);
    void (async () => {
      for await (const m of sub) {
        const { correlationId } = m.json<{ correlationId: string }>();
        const t = sentAt.get(correlationId);
        if (t === undefined) continue;
        latencies.push(performance.now() - t);
        sentAt.delete(correlationId);
        if (++opened === N) {
          clearTimeout(timer);
          sub.unsubscribe();
          resolve();
        }
      }
    })();
  });
  const t0 = performance.now();
  await publishAll(ext, Subjects.extApplicationSubmitted, bodies, ids, sentAt);
  const publishedIn = (performance.now() - t0) / 1000;
  await allOpened;
  const seconds = (performance.now() - t0) / 1000;
  const rate = N / seconds;
  latencies.sort((a, b) => a - b);
  // then verification asks intake for each application's dossier and assesses it (rules, duplicates, field tasks)
  while ((await assessedCount()) - assessedBefore < N) {
    if (performance.now() - t0 > 900_000) throw new Error('the cases were not all assessed within 15 minutes');
    await new Promise((r) => setTimeout(r, 200));
  }
  const assessedSeconds = (performance.now() - t0) / 1000;
  await db.end();

  console.log(`
pipeline: ${fmt(N)} sigap.ext.application.submitted.v1 (${avgBytes} bytes each) → verification case opened
  applications per second      ${fmt(rate)}  (all ${fmt(N)} in ${fmt(seconds, 1)} s; published in ${fmt(publishedIn, 1)} s)
  publish → case latency p50   ${fmt(percentile(latencies, 50))} ms
  publish → case latency p99   ${fmt(percentile(latencies, 99))} ms
  and every case assessed      ${fmt(assessedSeconds, 1)} s after the first publish (${fmt(N / assessedSeconds)} cases/s: dossier from intake, rules, duplicates, field tasks)
raw JetStream, same machine, same run: publish (${IN_FLIGHT} in flight) and consume+ack ${fmt(N)} messages of the same size
  messages per second          ${fmt(rawRate)}
pipeline / raw JetStream       ${fmt(rate / rawRate, 2)}  (aim: ≥ 0.25)
`);
  await ext.close();
  await admin.close();
}
