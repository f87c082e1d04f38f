// The messaging backbone, proven with the real compiled services as processes, a real
// Postgres and a real NATS JetStream (provisioned by `npm test`).
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import type { NatsConnection } from '@nats-io/transport-node';
import { Subjects, internalSubject } from '#contracts';
import {
  adminDb,
  eventually,
  metricValue,
  natsAs,
  publishEvent,
  readStream,
  startApp,
  submittedApplication,
  testSystem,
  type RunningApp,
} from '#testing';

let db: pg.Client;
let ext: NatsConnection;
let admin: NatsConnection;
const apps: RunningApp[] = [];

async function start(name: string, env: Record<string, string> = {}) {
  // info level: the last test reads everything the services logged, looking for NIKs
  const app = await startApp(name, { LOG_LEVEL: 'info', ...env });
  apps.push(app);
  return app;
}

async function applicationsFrom(sourceEventIds: string[]) {
  const { rows } = await db.query<{ id: string; status: string; source_event_id: string; ticket_number: string | null }>(
    `SELECT id, status, source_event_id, ticket_number FROM intake.applications WHERE source_event_id = ANY($1)`,
    [sourceEventIds],
  );
  return rows;
}

async function casesFor(applicationIds: string[]) {
  const { rows } = await db.query<{ application_id: string }>(
    `SELECT application_id FROM verification.cases WHERE application_id = ANY($1::uuid[])`,
    [applicationIds],
  );
  return rows;
}

beforeAll(async () => {
  db = await adminDb();
  ext = await natsAs('ext');
  admin = await natsAs('admin');
});

afterAll(async () => {
  await Promise.all(apps.map((a) => a.stop()));
  await ext?.close();
  await admin?.close();
  await db?.end();
});

describe('the first slice over JetStream', () => {
  let intake: RunningApp;
  let verification: RunningApp;

  beforeAll(async () => {
    [intake, verification] = await Promise.all([start('intake'), start('verification')]);
  });

  it('registers a submitted application, opens its verification case and moves its status', async () => {
    const event = submittedApplication();
    await publishEvent(ext, Subjects.extApplicationSubmitted, event);
    const app = await eventually(async () => {
      const [a] = await applicationsFrom([event.eventId]);
      expect(a?.status).toBe('IN_VERIFICATION');
      return a;
    });
    expect(app.ticket_number).toMatch(/^SANTUNAN_ANAK-33\.04-\d{4}-\d{6}$/);
    expect(await casesFor([app.id])).toHaveLength(1);

    const received = (await readStream(admin, 'SIGAP_INTAKE', Subjects.intakeApplicationReceived)).filter(
      (m) => m.data.sourceEventId === event.eventId,
    );
    expect(received).toHaveLength(1);
    expect(received[0].data).toMatchObject({
      applicationId: app.id,
      ticketNumber: app.ticket_number,
      status: 'REGISTERED',
      missingRequirements: [],
    });
    // the header that lets JetStream drop a re-published copy is the eventId (CONTRACT.md)
    expect(received[0].msgId).toBe(received[0].data.eventId);
    // the whole chain carries the submitted event's correlation
    expect(received[0].data.causationId).toBe(event.eventId);
    const history = await db.query(`SELECT from_status, to_status FROM intake.application_history WHERE application_id = $1 ORDER BY id`, [
      app.id,
    ]);
    expect(history.rows).toEqual([
      { from_status: null, to_status: 'REGISTERED' },
      { from_status: 'REGISTERED', to_status: 'IN_VERIFICATION' },
    ]);
  });

  it('returns an incomplete file with what is missing, in the received event too', async () => {
    const event = submittedApplication({ documents: [{ type: 'KTP' }] });
    await publishEvent(ext, Subjects.extApplicationSubmitted, event);
    const received = await eventually(async () => {
      const r = (await readStream(admin, 'SIGAP_INTAKE', Subjects.intakeApplicationReceived)).filter(
        (m) => m.data.sourceEventId === event.eventId,
      );
      expect(r).toHaveLength(1);
      return r[0].data;
    });
    expect(received).toMatchObject({ status: 'RETURNED', ticketNumber: null, missingRequirements: ['KK', 'SURAT_PERMOHONAN'] });
  });

  it('gives a duplicate eventId no second effect, even past the JetStream duplicate window', async () => {
    const event = submittedApplication();
    await publishEvent(ext, Subjects.extApplicationSubmitted, event);
    // a different Nats-Msg-Id gets past JetStream's de-duplication: only the inbox stands in the way
    await publishEvent(ext, Subjects.extApplicationSubmitted, event, `${event.eventId}-again`);
    await publishEvent(ext, Subjects.extApplicationSubmitted, event, `${event.eventId}-third`);
    await eventually(async () =>
      expect(
        await metricValue(intake.url, 'sigap_messages_duplicate_total', { consumer: 'intake_ext_application_submitted' }),
      ).toBeGreaterThanOrEqual(2),
    );
    expect(await applicationsFrom([event.eventId])).toHaveLength(1);
  });

  it('sends a malformed event to sigap.rejected with its errors, once, and goes on', async () => {
    const bad = submittedApplication();
    bad.applicant.nik = '123';
    delete bad.documents;
    await publishEvent(ext, Subjects.extApplicationSubmitted, bad);
    const notJson = randomUUID();
    await publishEvent(ext, Subjects.extApplicationSubmitted, '{"eventId": oops', notJson);
    const good = submittedApplication();
    await publishEvent(ext, Subjects.extApplicationSubmitted, good);

    const rejected = await eventually(async () => {
      const all = await readStream(admin, 'SIGAP_REJECTED', Subjects.rejected);
      const mine = all.filter((m) => m.data.eventId === bad.eventId);
      const broken = all.filter((m) => m.data.eventId === notJson);
      expect(mine).toHaveLength(1);
      expect(broken).toHaveLength(1);
      return { mine: mine[0].data, broken: broken[0].data };
    });
    // outside systems read the subject they published on; the admin's detail keeps where it is stored (and replayed): its publisher's subject
    expect(rejected.mine.subject).toBe(Subjects.extApplicationSubmitted);
    const stored = await eventually(async () => {
      const d = (await readStream(admin, 'SIGAP_REJECTED_DETAIL', Subjects.rejectedDetail)).find((m) => m.data.eventId === bad.eventId);
      expect(d).toBeDefined();
      return d!.data;
    });
    expect(stored.subject).toBe(internalSubject(Subjects.extApplicationSubmitted, 'ext'));
    expect(rejected.mine.errors).toEqual(
      expect.arrayContaining([{ path: 'applicant.nik', message: 'nik must be 16 digits' }, expect.objectContaining({ path: 'documents' })]),
    );
    expect(rejected.broken.errors).toEqual([{ path: '', message: 'payload is not JSON' }]);
    // the reason and the payload travel on the detail subject, which only the gateway reads
    const detail = (await readStream(admin, 'SIGAP_REJECTED_DETAIL', Subjects.rejectedDetail)).find((m) => m.data.eventId === notJson);
    expect(detail?.data).toMatchObject({
      reason: 'MALFORMED_JSON',
      consumer: 'intake_ext_application_submitted',
      payload: '{"eventId": oops',
    });
    expect(await applicationsFrom([bad.eventId])).toHaveLength(0);
    await eventually(async () => expect(await applicationsFrom([good.eventId])).toHaveLength(1));
  });

  it('rejects an event that is well-formed but breaks intake rules (implausible NIK), naming the field', async () => {
    const event = submittedApplication();
    event.applicant.nik = '3304019902880001'; // day 99: no birth date
    await publishEvent(ext, Subjects.extApplicationSubmitted, event);
    const r = await eventually(async () => {
      const all = (await readStream(admin, 'SIGAP_REJECTED', Subjects.rejected)).filter((m) => m.data.eventId === event.eventId);
      expect(all).toHaveLength(1);
      return all[0].data;
    });
    expect(r.errors).toEqual([{ path: 'applicant.nik', message: expect.stringContaining('birth date') }]);
  });

  it('delivers to a consumer that was down what was published meanwhile', async () => {
    await verification.stop();
    const events = Array.from({ length: 40 }, (_, i) => submittedApplication({}, 2000 + i));
    for (const e of events) await publishEvent(ext, Subjects.extApplicationSubmitted, e);
    const apps = await eventually(async () => {
      const rows = await applicationsFrom(events.map((e) => e.eventId));
      expect(rows).toHaveLength(40);
      return rows;
    });
    expect(apps.every((a) => a.status === 'REGISTERED')).toBe(true);
    expect(await casesFor(apps.map((a) => a.id))).toHaveLength(0);

    verification = await start('verification');
    await eventually(async () => expect(await casesFor(apps.map((a) => a.id))).toHaveLength(40));
    await eventually(async () => {
      const rows = await applicationsFrom(events.map((e) => e.eventId));
      expect(rows.every((a) => a.status === 'IN_VERIFICATION')).toBe(true);
    });
  });

  it('shares a consumer between two replicas without handling any event twice', async () => {
    const sys = testSystem();
    const port = String(Number(sys.services.verification.env.PORT) + 100);
    const second = await start('verification', { PORT: port, SIGAP_INSTANCE: 'verification-2', SIGAP_BATCH_SIZE: '8' });
    await verification.stop();
    verification = await start('verification', { SIGAP_BATCH_SIZE: '8' });
    const before = [
      await metricValue(verification.url, 'sigap_messages_handled_total', { consumer: 'verification_application_received' }),
      await metricValue(second.url, 'sigap_messages_handled_total', { consumer: 'verification_application_received' }),
    ];
    expect(before).toEqual([0, 0]);
    const events = Array.from({ length: 400 }, (_, i) => submittedApplication({}, 3000 + i));
    await Promise.all(events.map((e) => publishEvent(ext, Subjects.extApplicationSubmitted, e)));
    const apps = await eventually(
      async () => {
        const rows = await applicationsFrom(events.map((e) => e.eventId));
        expect(rows).toHaveLength(400);
        return rows;
      },
      { timeoutMs: 30000 },
    );
    await eventually(async () => expect(await casesFor(apps.map((a) => a.id))).toHaveLength(400), { timeoutMs: 30000 });
    const handled = [
      await metricValue(verification.url, 'sigap_messages_handled_total', { consumer: 'verification_application_received' }),
      await metricValue(second.url, 'sigap_messages_handled_total', { consumer: 'verification_application_received' }),
    ];
    // together they handled each event exactly once, and both took part
    expect(handled[0] + handled[1]).toBe(400);
    expect(handled[0]).toBeGreaterThan(0);
    expect(handled[1]).toBeGreaterThan(0);
    const opened = (await readStream(admin, 'SIGAP_VERIFICATION', Subjects.verificationCaseOpened)).filter((m) =>
      apps.some((a) => a.id === m.data.applicationId),
    );
    expect(opened).toHaveLength(400);
    await second.stop();
  }, 90000);

  it('publishes on restart what a killed process had committed, exactly once', async () => {
    const events = Array.from({ length: 1500 }, (_, i) => submittedApplication({}, 5000 + i));
    const publishing = Promise.all(events.map((e) => publishEvent(ext, Subjects.extApplicationSubmitted, e)));
    await eventually(async () => expect((await applicationsFrom(events.map((e) => e.eventId))).length).toBeGreaterThan(100), {
      intervalMs: 20,
    });
    await intake.stop('SIGKILL');
    await publishing;
    const committed = await applicationsFrom(events.map((e) => e.eventId));
    expect(committed.length).toBeLessThan(1500);

    intake = await start('intake');
    const apps = await eventually(
      async () => {
        const rows = await applicationsFrom(events.map((e) => e.eventId));
        expect(rows).toHaveLength(1500);
        return rows;
      },
      { timeoutMs: 60000 },
    );
    await eventually(
      async () => {
        const { rows } = await db.query(`SELECT count(*)::int AS n FROM intake.outbox WHERE published_at IS NULL`);
        expect(rows[0].n).toBe(0);
      },
      { timeoutMs: 30000 },
    );
    const ids = new Set(apps.map((a) => a.id));
    const received = (await readStream(admin, 'SIGAP_INTAKE', Subjects.intakeApplicationReceived)).filter((m) =>
      ids.has(m.data.applicationId),
    );
    // every application announced, none twice
    expect(received).toHaveLength(1500);
    expect(new Set(received.map((m) => m.data.applicationId)).size).toBe(1500);
    await eventually(async () => expect(await casesFor([...ids])).toHaveLength(1500), { timeoutMs: 60000 });
  }, 150000);

  it('loses and doubles nothing when the database drops every connection mid-work', async () => {
    const events = Array.from({ length: 600 }, (_, i) => submittedApplication({}, 7000 + i));
    const publishing = Promise.all(events.map((e) => publishEvent(ext, Subjects.extApplicationSubmitted, e)));
    // what a Postgres restart looks like to the services: every session of theirs cut, twice
    for (let i = 0; i < 2; i++) {
      await eventually(async () => expect((await applicationsFrom(events.map((e) => e.eventId))).length).toBeGreaterThan(i * 200), {
        intervalMs: 20,
        timeoutMs: 40000,
      });
      await db.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename IN ('sigap_intake', 'sigap_verification')`);
    }
    await publishing;
    const apps = await eventually(
      async () => {
        const rows = await applicationsFrom(events.map((e) => e.eventId));
        expect(rows).toHaveLength(600);
        return rows;
      },
      { timeoutMs: 60000 },
    );
    await eventually(async () => expect(await casesFor(apps.map((a) => a.id))).toHaveLength(600), { timeoutMs: 60000 });
    expect(intake.process.exitCode).toBeNull();
    expect(verification.process.exitCode).toBeNull();
    expect((await fetch(`${intake.url}/health`)).status).toBe(200);
  }, 150000);

  it('never writes a full NIK into a log', () => {
    // the services logged rejections, retries and a kill: none of it may carry a NIK or KK
    for (const app of apps) expect(app.output()).not.toMatch(/(?<!\d)\d{16}(?!\d)/);
  });
});
