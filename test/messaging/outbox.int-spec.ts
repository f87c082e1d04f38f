// The outbox at the level of the library: what commits is published, what rolls back is not.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { Logger } from '@nestjs/common';
import type { NatsConnection } from '@nats-io/transport-node';
import { JetStreamPublisher, MESSAGING_MIGRATIONS, OutboxRelay, OutboxService, type NatsService } from '#messaging';
import { SigapDataSource, serviceDataSourceOptions } from '#persistence';
import { adminDb, eventually, natsAs, readStream, testSystem } from '#testing';

const schema = `outbox_test_${randomUUID().slice(0, 8)}`;
let ds: SigapDataSource;
let nc: NatsConnection;
let relay: OutboxRelay;
let publisher: JetStreamPublisher;
const outbox = new OutboxService(schema);
const subject = `sigap.intake.outbox-test.${schema.replace(/_/g, '-')}.v1`;

beforeAll(async () => {
  Logger.overrideLogger(false);
  ds = new SigapDataSource(serviceDataSourceOptions({ schema, url: testSystem().adminDatabaseUrl, entities: [], migrations: MESSAGING_MIGRATIONS }));
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
    const make = () => new SigapDataSource(serviceDataSourceOptions({ schema: fresh, url: testSystem().adminDatabaseUrl, entities: [], migrations: MESSAGING_MIGRATIONS }));
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
    await expect(ds.transaction(async (m) => {
      await outbox.enqueue(m, subject, { marker });
      throw new Error('business rule failed after the event was written');
    })).rejects.toThrow('business rule failed');
    const { n } = (await ds.query(`SELECT count(*)::int AS n FROM "${schema}".outbox`))[0];
    expect(n).toBe(0);
    expect(await relay.relayOnce()).toBe(0);
    expect((await readStream(nc, 'SIGAP_INTAKE', subject)).filter((m) => m.data.marker === marker)).toHaveLength(0);
  });

  it('publishes a committed event with Nats-Msg-Id = eventId and marks it sent', async () => {
    const marker = randomUUID();
    const sent = await ds.transaction((m) => outbox.enqueue(m, subject, { marker }));
    expect(await relay.relayOnce()).toBe(1);
    const msgs = (await readStream(nc, 'SIGAP_INTAKE', subject)).filter((m) => m.data.marker === marker);
    expect(msgs).toHaveLength(1);
    expect(msgs[0].msgId).toBe(sent.eventId);
    expect(msgs[0].data).toMatchObject({ eventId: sent.eventId, marker, correlationId: sent.eventId });
    const rows = await ds.query(`SELECT published_at FROM "${schema}".outbox WHERE event_id = $1`, [sent.eventId]);
    expect(rows[0].published_at).not.toBeNull();
  });

  it('publishes what a process committed before it died, when the relay comes back', async () => {
    // commit without any relay running: the process "dies" before publishing
    const markers = Array.from({ length: 5 }, () => randomUUID());
    await ds.transaction(async (m) => { for (const marker of markers) await outbox.enqueue(m, subject, { marker }); });
    // a re-publish of an already-published row (crash after publish, before marking) is dropped by JetStream
    const [{ event_id }] = await ds.query(`SELECT event_id FROM "${schema}".outbox WHERE published_at IS NOT NULL LIMIT 1`);
    await ds.query(`UPDATE "${schema}".outbox SET published_at = NULL WHERE event_id = $1`, [event_id]);
    await relay.onApplicationBootstrap();
    await eventually(async () => {
      const { n } = (await ds.query(`SELECT count(*)::int AS n FROM "${schema}".outbox WHERE published_at IS NULL`))[0];
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
    await expect(outbox.enqueue(ds.manager, subject, {})).rejects.toThrow('inside a transaction');
  });
});
