// Outside systems, each a NATS identity of its own, on the running test installation: declared
// with the operator's command, held to their agencies, their subjects, their drop bucket and
// their limits, consuming durably, and never seeing Sigap's replies on `_INBOX.>`.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { jetstream, jetstreamManager, type JetStreamManager } from '@nats-io/jetstream';
import { Objm } from '@nats-io/obj';
import type { NatsConnection, Subscription } from '@nats-io/transport-node';
import { Subjects, dropBucketOf, systemDurable } from '#contracts';
import {
  adminDb,
  createOutsideSystem,
  eventually,
  natsAs,
  publishEvent,
  removeOutsideSystem,
  submittedApplication,
  systemsCommand,
  testSystem,
  type CreatedSystem,
  type RunningApp,
} from '#testing';
import { Api, startGateway } from '../gateway/support.js';
import { startIntake } from '../intake/support.js';

const suffix = randomUUID().slice(0, 6);
const name = `slrt-${suffix}`;
let intake: RunningApp | undefined;
let gateway: RunningApp | undefined;
let admin: NatsConnection;
let jsm: JetStreamManager;
let slrt: CreatedSystem;
let db: Awaited<ReturnType<typeof adminDb>>;
const open: NatsConnection[] = [];
let removed = false;

async function as(who: Parameters<typeof natsAs>[0]): Promise<NatsConnection> {
  const nc = await natsAs(who);
  open.push(nc);
  return nc;
}

/** Messages of a subscription, gathered as they come. */
function gather(sub: Subscription): any[] {
  const got: any[] = [];
  void (async () => {
    for await (const m of sub) got.push({ subject: m.subject, data: m.json<any>(), msg: m });
  })();
  return got;
}

beforeAll(async () => {
  // allSettled: an app that did start is stopped in afterAll even when the other did not
  const started = await Promise.allSettled([startIntake(), startGateway()]);
  [intake, gateway] = started.map((s) => (s.status === 'fulfilled' ? s.value : undefined));
  for (const s of started) if (s.status === 'rejected') throw s.reason;
  [admin, db] = await Promise.all([natsAs('admin'), adminDb()]);
  jsm = await jetstreamManager(admin);
  slrt = await createOutsideSystem(name, {
    agencies: ['33.04'],
    publish: [Subjects.extApplicationSubmitted, Subjects.extRegistrySnapshotPublished],
    read: [Subjects.intakeApplicationReceived, Subjects.rejected],
    maxPayload: 140 * 1024,
    dropBytes: 2 * 1024 * 1024,
    maxConnections: 5,
  });
}, 120_000);

afterAll(async () => {
  await Promise.all(open.map((nc) => nc.close().catch(() => undefined)));
  if (slrt && !removed) await removeOutsideSystem(name).catch(() => undefined);
  await admin?.close();
  await db?.end();
  await Promise.all([intake?.stop(), gateway?.stop()]);
});

describe('the systems command', () => {
  it('prints the credentials once and keeps only a bcrypt hash, in the systems file and the server configuration', async () => {
    expect(slrt).toMatchObject({
      user: name,
      dropBucket: `sigap_drops_${name}`,
      deliverSubjects: { [Subjects.intakeApplicationReceived]: `sigap.deliver.${name}.intake.application.received.v1` },
    });
    expect(slrt.password.length).toBeGreaterThanOrEqual(24);
    const server = testSystem().natsServer!;
    const declared = JSON.parse(readFileSync(server.systemsFile, 'utf8')).systems.find((s: any) => s.name === name);
    expect(declared).toMatchObject({
      agencies: ['33.04'],
      publishes: [Subjects.extApplicationSubmitted, Subjects.extRegistrySnapshotPublished],
      passwordHash: expect.stringMatching(/^\$2[aby]\$/),
    });
    for (const file of [server.systemsFile, server.configFile]) expect(readFileSync(file, 'utf8')).not.toContain(slrt.password);
    expect(readFileSync(server.configFile, 'utf8')).toContain(declared.passwordHash);
    const list = await systemsCommand(['list', '--json']);
    expect(JSON.parse(list.stdout).map((s: any) => s.name)).toEqual(expect.arrayContaining(['ext', 'finance-local', name]));
  });

  it('refuses a declaration that breaks a rule, naming each field', async () => {
    const r = await systemsCommand([
      'add',
      'Bad_Name',
      '--agencies',
      '99.99',
      '--publish',
      Subjects.intakeApplicationReceived,
      '--read',
      'sigap.rejected.detail',
      '--json',
    ]);
    expect(r.code).toBe(1);
    const paths = JSON.parse(r.stdout.trim().split('\n').pop()!).details.map((d: any) => d.path);
    expect(paths).toEqual(expect.arrayContaining(['name', 'agencies', 'publishes', 'reads']));
    const again = await systemsCommand(['add', name, '--agencies', '33.04', '--read', Subjects.rejected]);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/already declared/);
  });
});

describe('an outside system', () => {
  it('files for the agencies it speaks for; an event for another goes to sigap.rejected naming agencyCode', async () => {
    const nc = await as(slrt);
    const rejections = gather(nc.subscribe(Subjects.rejected));
    await nc.flush();
    const ours = submittedApplication();
    const theirs = submittedApplication({ agencyCode: '61.71' });
    await publishEvent(nc, Subjects.extApplicationSubmitted, ours);
    await publishEvent(nc, Subjects.extApplicationSubmitted, theirs);
    const rejected = await eventually(
      () => {
        const r = rejections.find((x) => x.data.eventId === theirs.eventId);
        expect(r).toBeDefined();
        return r.data;
      },
      { timeoutMs: 20_000 },
    );
    expect(rejected.errors).toEqual([{ path: 'agencyCode', message: `${name} does not speak for agency 61.71 (it speaks for 33.04)` }]);
    // outside systems read the subject they published on; Sigap keeps where it stored it in the detail
    expect(rejected.subject).toBe(Subjects.extApplicationSubmitted);
    await eventually(
      async () => {
        const r = await db.query('SELECT count(*)::int AS n FROM intake.applications WHERE source_event_id = $1', [ours.eventId]);
        expect(r.rows[0].n).toBe(1);
      },
      { timeoutMs: 20_000 },
    );
    const none = await db.query('SELECT count(*)::int AS n FROM intake.applications WHERE source_event_id = $1', [theirs.eventId]);
    expect(none.rows[0].n).toBe(0);
  });

  it('receives, through its durable consumer, what was published while it was away; its ack removes it', async () => {
    const durable = systemDurable(name, Subjects.intakeApplicationReceived);
    const event = submittedApplication();
    const nc = await as(slrt);
    // nobody of the system listens: intake registers the application and says so meanwhile
    await publishEvent(nc, Subjects.extApplicationSubmitted, event);
    await eventually(
      async () => {
        const r = await db.query('SELECT count(*)::int AS n FROM intake.applications WHERE source_event_id = $1', [event.eventId]);
        expect(r.rows[0].n).toBe(1);
      },
      { timeoutMs: 20_000 },
    );
    await eventually(async () => expect((await jsm.consumers.info('SIGAP_INTAKE', durable)).num_pending).toBeGreaterThanOrEqual(1), {
      timeoutMs: 10_000,
    });
    // the system comes back: subscribe to its deliver subject, ack each message by replying to it
    const got = gather(nc.subscribe(slrt.deliverSubjects[Subjects.intakeApplicationReceived]));
    const mine = await eventually(
      () => {
        const m = got.find((x) => x.data.sourceEventId === event.eventId);
        expect(m).toBeDefined();
        return m;
      },
      { timeoutMs: 15_000 },
    );
    expect(mine.data).toMatchObject({ status: 'REGISTERED', ticketNumber: expect.stringMatching(/^SANTUNAN_ANAK-33\.04-/) });
    for (const m of got) m.msg.respond();
    await nc.flush();
    await eventually(
      async () => {
        const info = await jsm.consumers.info('SIGAP_INTAKE', durable);
        expect(info.num_pending + info.num_ack_pending).toBe(0);
      },
      { timeoutMs: 10_000 },
    );
  });

  it('keeps `ext` to what CONTRACT.md grants: the finance office alone reads payout requests and settles', async () => {
    const ext = await as('ext');
    const finance = await as('finance-local');
    const denied = ext.subscribe(Subjects.disbursementRequested);
    expect(String(await denied.closed)).toMatch(/Permissions Violation for Subscription to "sigap\.disbursement\.requested\.v1"/);
    await expect(jetstream(ext).publish(Subjects.extFinanceDisbursementSettled, '{}', { timeout: 2000 })).rejects.toThrow(
      /Permissions Violation|no responders|not enabled|503/i,
    );
    // the finance office does both, through the same contract subjects
    const requested = gather(finance.subscribe(Subjects.disbursementRequested));
    await finance.flush();
    await jetstream(admin).publish(Subjects.disbursementRequested, JSON.stringify({ eventId: randomUUID(), spec: suffix }));
    await eventually(() => expect(requested.some((m) => m.data.spec === suffix)).toBe(true));
    const settled = {
      eventId: randomUUID(),
      occurredAt: new Date().toISOString(),
      requestId: randomUUID(),
      status: 'REJECTED',
      sp2dNumber: null,
      paidAt: null,
      reason: 'spec',
    };
    const ack = await publishEvent(finance, Subjects.extFinanceDisbursementSettled, settled);
    expect((await jsm.streams.getMessage('SIGAP_EXT', { seq: ack.seq }))?.subject).toBe(
      'sigap.from.finance-local.finance.disbursement.settled.v1',
    );
  });

  it('alone reaches its drop bucket: another system can neither read nor replace a drop there', async () => {
    const nc = await as(slrt);
    const ext = await as('ext');
    const mine = await new Objm(nc).open(slrt.dropBucket!);
    const info = await mine.putBlob({ name: 'dtsen.csv' }, new TextEncoder().encode('nik,nama\n'));
    expect(info.digest).toMatch(/^SHA-256=/);
    expect((await mine.info('dtsen.csv'))?.size).toBe(9);
    await expect(new Objm(ext).open(slrt.dropBucket!)).rejects.toThrow();
    await expect(new Objm(nc).open(dropBucketOf('ext'))).rejects.toThrow();
    await expect(
      ext.request(`$JS.API.STREAM.MSG.GET.OBJ_${slrt.dropBucket}`, JSON.stringify({ seq: 1 }), { timeout: 1500 }),
    ).rejects.toThrow();
    // purge (the Object Store client's way to drop a replaced object's chunks) reaches its own bucket only
    await expect(ext.request(`$JS.API.STREAM.PURGE.OBJ_${slrt.dropBucket}`, '{}', { timeout: 1500 })).rejects.toThrow(
      /Permissions Violation|no responders|not enabled|503/i,
    );
    await expect(ext.request('$JS.API.STREAM.PURGE.OBJ_sigap_registry_uploads', '{}', { timeout: 1500 })).rejects.toThrow(
      /Permissions Violation|no responders|not enabled|503/i,
    );
    expect((await mine.info('dtsen.csv'))?.size).toBe(9);
  });

  it('is held to its limits, with a clear error: message size, drop bucket size, connections', async () => {
    const nc = await as(slrt);
    expect(() => nc.publish(Subjects.extApplicationSubmitted, new Uint8Array(150 * 1024))).toThrow(/max_payload/);
    const bucket = await new Objm(nc).open(slrt.dropBucket!);
    await expect(bucket.putBlob({ name: 'too-big.csv' }, new Uint8Array(3 * 1024 * 1024))).rejects.toThrow(/maximum bytes exceeded/);
    // five connections at most: the earlier tests' four are open
    await expect(
      (async () => {
        for (let i = 0; i < 6; i++) open.push(await natsAs(slrt, { reconnect: false }));
      })(),
    ).rejects.toThrow(/maximum account active connections exceeded/);
  });
});

describe('outside systems and Sigap’s replies', () => {
  it('see nothing on `_INBOX.>` while the gateway asks intake, the systems command provisions, and the server reloads', async () => {
    const ext = await as('ext');
    const seen: string[] = [];
    ext.subscribe('_INBOX.>', { callback: (_e, m) => void seen.push(m.subject) });
    await ext.flush();
    // the gateway asks intake for the catalog over request-reply
    const anon = new Api(gateway!.url);
    for (let i = 0; i < 3; i++) expect((await anon.get('/api/v1/services')).status).toBe(200);
    // the systems command: a reload of the server and provisioning of durables, bucket, directory
    const other = await createOutsideSystem(`probe-${suffix}`, {
      agencies: ['*'],
      read: [Subjects.rejected],
      publish: [Subjects.extRegistrySnapshotPublished],
    });
    await removeOutsideSystem(other.name);
    await ext.flush();
    expect(seen).toEqual([]);
  });

  it('refuses an event of a system that is not (or no longer) declared, and removing one closes it out', async () => {
    // an event on a publisher's subject that no declared system owns (what a removed system left behind)
    const ghost = submittedApplication();
    const listen = gather((await as('ext')).subscribe(Subjects.rejected));
    await publishEvent(admin, `sigap.from.ghost-${suffix}.application.submitted.v1`, ghost);
    const r = await eventually(
      () => {
        const x = listen.find((m) => m.data.eventId === ghost.eventId);
        expect(x).toBeDefined();
        return x.data;
      },
      { timeoutMs: 20_000 },
    );
    expect(r.errors).toEqual([{ path: 'agencyCode', message: expect.stringMatching(/ghost-.* is not a declared outside system/) }]);

    await Promise.all(open.splice(0).map((c) => c.close().catch(() => undefined)));
    const nc = await natsAs(slrt, { reconnect: false });
    await removeOutsideSystem(name);
    removed = true;
    await eventually(() => expect(nc.isClosed()).toBe(true), { timeoutMs: 10_000 });
    await expect(natsAs(slrt, { reconnect: false })).rejects.toThrow(/Authorization Violation/);
    await expect(jsm.consumers.info('SIGAP_INTAKE', systemDurable(name, Subjects.intakeApplicationReceived))).rejects.toThrow(/not found/);
    await expect(jsm.streams.info(`OBJ_${slrt.dropBucket}`)).rejects.toThrow(/not found/);
  });
});
