// The outbox at the level of the library: what commits is published, what rolls back is not.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { Logger } from '@nestjs/common';
import type { NatsConnection } from '@nats-io/transport-node';
import { DiscardPolicy, jetstreamManager, StorageType } from '@nats-io/jetstream';
import { EventTooLargeError, JetStreamPublisher, MESSAGING_MIGRATIONS, OutboxRelay, OutboxService, type NatsService } from '#messaging';
import { registry } from '#platform';
import { SigapDataSource, serviceDataSourceOptions } from '#persistence';
import { adminDb, eventually, natsAs, readStream, testSystem } from '#testing';
import { Subjects } from '#contracts';
import type { EntityManager } from 'typeorm';

const schema = `outbox_test_${randomUUID().slice(0, 8)}`;
let ds: SigapDataSource;
let nc: NatsConnection;
let relay: OutboxRelay;
let publisher: JetStreamPublisher;
// the bus's limit is the real server's max_payload, as the services have it
const outbox = new OutboxService(schema, () => nc.info?.max_payload ?? 0);
const subject = `sigap.intake.outbox-test.${schema.replace(/_/g, '-')}.v1`;

/**
 * The mechanism on private subjects with made-up payloads (no contract class has them): through
 * `republish`, which writes exactly as `enqueue` does, without the EventMap's compile-time check.
 */
const enqueueAny = (m: EntityManager, subj: string, payload: object) => outbox.republish(m, { subject: subj, payload });

beforeAll(async () => {
  Logger.overrideLogger(false);
  ds = new SigapDataSource(
    serviceDataSourceOptions({ schema, url: testSystem().adminDatabaseUrl, entities: [], migrations: MESSAGING_MIGRATIONS }),
  );
  await ds.initialize();
  await ds.runMigrations();
  nc = await natsAs('admin');
  publisher = new JetStreamPublisher(nc, '_INBOX', 2000);
  const nats = { publisher } as unknown as NatsService;
  relay = new OutboxRelay(ds, nats, { schema, batchSize: 100, pollMs: 100, retentionDays: 7 });
});

afterAll(async () => {
  await relay.onApplicationShutdown();
  publisher.close();
  await ds.query(`DROP SCHEMA "${schema}" CASCADE`);
  await ds.destroy();
  await nc.close();
});

describe('the transactional outbox', () => {
  it('runs migrations once when replicas start together on an empty schema', async () => {
    const fresh = `${schema}_b`;
    const make = () =>
      new SigapDataSource(
        serviceDataSourceOptions({ schema: fresh, url: testSystem().adminDatabaseUrl, entities: [], migrations: MESSAGING_MIGRATIONS }),
      );
    const [a, b] = [make(), make()];
    await Promise.all([a.initialize(), b.initialize()]);
    await Promise.all([a.runMigrations(), b.runMigrations()]);
    const c = await adminDb();
    try {
      const { rows } = await c.query(`SELECT count(*)::int AS n FROM "${fresh}".migrations`);
      expect(rows[0].n).toBe(MESSAGING_MIGRATIONS.length);
      await c.query(`DROP SCHEMA "${fresh}" CASCADE`);
    } finally {
      await c.end();
    }
    await Promise.all([a.destroy(), b.destroy()]);
  });

  it('keeps nothing of a rolled-back transaction and publishes nothing for it', async () => {
    const marker = randomUUID();
    await expect(
      ds.transaction(async (m) => {
        await enqueueAny(m, subject, { marker });
        throw new Error('business rule failed after the event was written');
      }),
    ).rejects.toThrow('business rule failed');
    const { n } = (await ds.query(`SELECT count(*)::int AS n FROM "${schema}".outbox`))[0];
    expect(n).toBe(0);
    expect(await relay.relayOnce()).toBe(0);
    expect((await readStream(nc, 'SIGAP_INTAKE', subject)).filter((m) => m.data.marker === marker)).toHaveLength(0);
  });

  it('publishes a committed event with Nats-Msg-Id = eventId and marks it sent', async () => {
    const marker = randomUUID();
    const sent = await ds.transaction((m) => enqueueAny(m, subject, { marker }));
    expect(await relay.relayOnce()).toBe(1);
    const msgs = (await readStream(nc, 'SIGAP_INTAKE', subject)).filter((m) => m.data.marker === marker);
    expect(msgs).toHaveLength(1);
    expect(msgs[0].msgId).toBe(sent.eventId);
    expect(msgs[0].data).toMatchObject({ eventId: sent.eventId, marker, correlationId: sent.eventId });
    const rows = await ds.query(`SELECT published_at FROM "${schema}".outbox WHERE event_id = $1`, [sent.eventId]);
    expect(rows[0].published_at).not.toBeNull();
  });

  it("refuses, in the business transaction, an event larger than the server's max_payload, naming the subject and both sizes", async () => {
    const max = nc.info!.max_payload;
    const marker = randomUUID();
    await ds.query(`CREATE TABLE IF NOT EXISTS "${schema}".business (marker text)`);
    const err = await ds
      .transaction(async (m) => {
        await m.query(`INSERT INTO "${schema}".business VALUES ($1)`, [marker]);
        await enqueueAny(m, subject, { marker, blob: 'x'.repeat(max) });
      })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(EventTooLargeError);
    expect((err as EventTooLargeError).toBody()).toMatchObject({ statusCode: 413, code: 'EVENT_TOO_LARGE' });
    expect((err as Error).message).toMatch(
      new RegExp(`^The event on ${subject.replace(/\./g, '\\.')} would be \\d+ bytes; the message bus takes at most ${max} bytes`),
    );
    // the business change rolled back with it, and nothing waits in the outbox
    expect((await ds.query(`SELECT count(*)::int AS n FROM "${schema}".business WHERE marker = $1`, [marker]))[0].n).toBe(0);
    expect((await ds.query(`SELECT count(*)::int AS n FROM "${schema}".outbox WHERE payload::text LIKE $1`, [`%${marker}%`]))[0].n).toBe(0);
    // just under the limit is fine
    const fits = max - 2000;
    await ds.transaction((m) => enqueueAny(m, subject, { marker, blob: 'x'.repeat(fits) }));
    expect(await relay.relayOnce()).toBe(1);
  });

  it('sets aside a row the stream refuses for good, retries one a full stream refused, and lets the rows behind both go out', async () => {
    const name = `OUTBOX_LIMITS_${schema.slice(-8).toUpperCase()}`;
    const limited = `sigap.limits-${schema.slice(-8)}.thing.v1`;
    const jsm = await jetstreamManager(nc);
    await jsm.streams.add({
      name,
      subjects: [`sigap.limits-${schema.slice(-8)}.>`],
      storage: StorageType.Memory,
      max_msg_size: 2048,
      max_bytes: 16 * 1024,
      discard: DiscardPolicy.New,
    });
    try {
      const refusedBefore = (await registry.getSingleMetric('sigap_outbox_refused_total')!.get()).values[0]?.value ?? 0;
      const [big, ...small] = await ds.transaction(async (m) => [
        await enqueueAny(m, limited, { blob: 'b'.repeat(3000) }),
        await enqueueAny(m, limited, { n: 1 }),
        await enqueueAny(m, limited, { n: 2 }),
        await enqueueAny(m, subject, { n: 3 }),
      ]);
      // the big row is refused for good (over the stream's max_msg_size); the three behind it go out
      expect(await relay.relayOnce()).toBe(3);
      const [row] = await ds.query(`SELECT refused_at, last_error, published_at FROM "${schema}".outbox WHERE event_id = $1`, [
        big.eventId,
      ]);
      expect(row.refused_at).not.toBeNull();
      expect(row.published_at).toBeNull();
      expect(row.last_error).toMatch(/message size exceeds maximum allowed/);
      expect(
        (
          await ds.query(
            `SELECT count(*)::int AS n FROM "${schema}".outbox WHERE event_id = ANY($1::uuid[]) AND published_at IS NOT NULL`,
            [small.map((e) => e.eventId)],
          )
        )[0].n,
      ).toBe(3);
      expect((await registry.getSingleMetric('sigap_outbox_refused_total')!.get()).values[0].value).toBe(refusedBefore + 1);
      // and it is never tried again
      expect(await relay.relayOnce()).toBe(0);
      expect(await relay.status()).toMatchObject({
        backlog: 0,
        refused: 1,
        retrying: 0,
        lastError: expect.stringMatching(/exceeds maximum/),
      });

      // fill the stream to its byte limit: it now refuses with "maximum bytes exceeded"
      for (let i = 0; ; i++) {
        try {
          await publisher.publish(limited, 'f'.repeat(1000), randomUUID());
        } catch (e) {
          expect(String(e)).toMatch(/maximum bytes exceeded/);
          break;
        }
        if (i > 100) throw new Error('the stream never filled');
      }
      const [waiting, behind] = await ds.transaction(async (m) => [
        await enqueueAny(m, limited, { n: 4 }),
        await enqueueAny(m, subject, { n: 5 }),
      ]);
      expect(await relay.relayOnce()).toBe(1);
      const [w] = await ds.query(`SELECT retry_at, published_at, refused_at, last_error FROM "${schema}".outbox WHERE event_id = $1`, [
        waiting.eventId,
      ]);
      expect(w).toMatchObject({ published_at: null, refused_at: null, last_error: expect.stringMatching(/maximum bytes exceeded/) });
      expect(w.retry_at).not.toBeNull();
      expect(
        (await ds.query(`SELECT published_at FROM "${schema}".outbox WHERE event_id = $1`, [behind.eventId]))[0].published_at,
      ).not.toBeNull();
      expect(await relay.status()).toMatchObject({ backlog: 1, refused: 1, retrying: 1 });

      // room again (the operator purged, or messages aged out): the waiting row goes out on its next try
      await jsm.streams.purge(name);
      await eventually(async () => {
        await relay.relayOnce();
        const [p] = await ds.query(`SELECT published_at FROM "${schema}".outbox WHERE event_id = $1`, [waiting.eventId]);
        expect(p.published_at).not.toBeNull();
      });
      expect(await relay.status()).toMatchObject({ backlog: 0, refused: 1, retrying: 0 });
    } finally {
      await jsm.streams.delete(name);
    }
  });

  it('publishes what a process committed before it died, when the relay comes back', async () => {
    // commit without any relay running: the process "dies" before publishing
    const markers = Array.from({ length: 5 }, () => randomUUID());
    await ds.transaction(async (m) => {
      for (const marker of markers) await enqueueAny(m, subject, { marker });
    });
    // a re-publish of an already-published row (crash after publish, before marking) is dropped by JetStream
    const [{ event_id }] = await ds.query(`SELECT event_id FROM "${schema}".outbox WHERE published_at IS NOT NULL LIMIT 1`);
    await ds.query(`UPDATE "${schema}".outbox SET published_at = NULL WHERE event_id = $1`, [event_id]);
    await relay.onApplicationBootstrap();
    await eventually(async () => {
      const { n } = (
        await ds.query(`SELECT count(*)::int AS n FROM "${schema}".outbox WHERE published_at IS NULL AND refused_at IS NULL`)
      )[0];
      expect(n).toBe(0);
    });
    const msgs = await readStream(nc, 'SIGAP_INTAKE', subject);
    for (const marker of markers) expect(msgs.filter((m) => m.data.marker === marker)).toHaveLength(1);
    expect(msgs.filter((m) => m.data.eventId === event_id)).toHaveLength(1);
  });

  it('publishes with acknowledgement: stored, de-duplicated by message id, refused where no stream captures', async () => {
    const id = randomUUID();
    const first = await publisher.publish(subject, JSON.stringify({ marker: id }), id);
    expect(first).toMatchObject({ stream: 'SIGAP_INTAKE', duplicate: false });
    expect(await publisher.publish(subject, JSON.stringify({ marker: id }), id)).toMatchObject({ seq: first.seq, duplicate: true });
    await expect(publisher.publish('nowhere.captured', '{}', randomUUID())).rejects.toThrow(/did not store/);
    expect((await readStream(nc, 'SIGAP_INTAKE', subject)).filter((m) => m.data.marker === id)).toHaveLength(1);
  });

  it('refuses to write an event outside a transaction', async () => {
    const opened = { caseId: randomUUID(), applicationId: randomUUID(), agencyCode: '35.78' };
    await expect(outbox.enqueue(ds.manager, Subjects.verificationCaseOpened, opened)).rejects.toThrow('inside a transaction');
    await expect(outbox.republish(ds.manager, { subject, payload: {} })).rejects.toThrow('inside a transaction');
  });
});
