// The gateway as the entry to the services, end to end against the real compiled process:
// Idempotency-Key, applications (validation, scope, 503 when intake does not answer), the
// system status page, rejected messages and their replay, the append-only audit log.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { connect, headers as natsHeaders, type NatsConnection } from '@nats-io/transport-node';
import { jetstream } from '@nats-io/jetstream';
import { Rpc, Subjects, internalSubject, type RejectedMessageDetail } from '#contracts';
import { eventually, testSystem, type RunningApp } from '#testing';
import { agencyAdmin, Api, isErrorBody, openAccount, startGateway, testAdminPassword, unique } from './support.js';

const RPC_TIMEOUT_MS = 1500;
let gw: RunningApp;
let anon: Api;
let admin: Api;
let nc: NatsConnection;

beforeAll(async () => {
  const sys = testSystem();
  [gw, nc] = await Promise.all([
    startGateway({ RPC_TIMEOUT_MS: String(RPC_TIMEOUT_MS) }),
    connect({ servers: sys.natsUrl, user: sys.natsAdmin.user, pass: sys.natsAdmin.password, name: 'gateway-test' }),
  ]);
  anon = new Api(gw.url);
  admin = await anon.session('admin', testAdminPassword());
});

afterAll(async () => {
  await gw?.stop();
  await nc?.close();
});

const PASSWORD = 'Rahasia-Kuat-2026';
const newUser = (username = unique('i')) => ({
  username,
  displayName: 'Idem Potent',
  password: PASSWORD,
  agencyCode: '61',
  roles: ['FRONT_OFFICE'],
});

function submission(over: Record<string, unknown> = {}) {
  return {
    agencyCode: '61.71',
    serviceCode: 'SANTUNAN_ANAK',
    channel: 'FRONT_OFFICE',
    applicant: {
      nik: '6171015502880001',
      kkNumber: '6171010101880002',
      name: 'Siti Aminah',
      birthDate: '1988-02-15',
      sex: 'F',
      address: 'Jl. Sungai Bangkong 12',
      villageCode: '61.71.01.1001',
    },
    documents: [{ type: 'KTP' }, { type: 'KK' }],
    ...over,
  };
}

/** Is anything answering intake's requests (another test file may run intake beside this one)? */
async function intakeAnswers(): Promise<boolean> {
  try {
    await nc.request(Rpc.intake.getApplication, JSON.stringify({ pattern: Rpc.intake.getApplication, data: {}, id: randomUUID() }), {
      timeout: 500,
    });
    return true;
  } catch {
    return false;
  }
}

describe('Idempotency-Key', () => {
  it('the same key and body create one user and answer the same body twice', async () => {
    const key = randomUUID();
    const body = newUser();
    const first = await admin.post('/api/v1/users', body, { 'idempotency-key': key });
    expect(first.status).toBe(201);
    // same body, other key order: the same request
    const { roles, ...rest } = body;
    const again = await admin.post('/api/v1/users', { roles, ...rest }, { 'idempotency-key': key });
    expect(again.status).toBe(201);
    expect(again.body).toEqual(first.body);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    const list = await admin.get(`/api/v1/users?q=${body.username}`);
    expect(list.body.total).toBe(1);
    const created = (await admin.get(`/api/v1/audit?target=${body.username}&action=USER_CREATED`)).body;
    expect(created.total).toBe(1);
  });

  it('the same key with another body is refused (422) and creates nothing', async () => {
    const key = randomUUID();
    expect((await admin.post('/api/v1/users', newUser(), { 'idempotency-key': key })).status).toBe(201);
    const other = newUser();
    const r = await admin.post('/api/v1/users', other, { 'idempotency-key': key });
    expect(r.status).toBe(422);
    expect(isErrorBody(r.body, 422)).toBe(true);
    expect(r.body.code).toBe('IDEMPOTENCY_KEY_REUSED');
    expect((await admin.get(`/api/v1/users?q=${other.username}`)).body.total).toBe(0);
  });

  it('concurrent duplicates run once: the other waits its turn (409) or gets the first answer', async () => {
    const key = randomUUID();
    const body = newUser();
    const replies = await Promise.all([1, 2, 3].map(() => admin.post('/api/v1/users', body, { 'idempotency-key': key })));
    const ok = replies.filter((r) => r.status === 201);
    expect(ok.length).toBeGreaterThanOrEqual(1);
    for (const r of ok) expect(r.body.id).toBe(ok[0].body.id);
    for (const r of replies.filter((x) => x.status !== 201)) {
      expect(r.status).toBe(409);
      expect(r.body.code).toBe('IDEMPOTENCY_IN_PROGRESS');
    }
    expect((await admin.get(`/api/v1/audit?target=${body.username}&action=USER_CREATED`)).body.total).toBe(1);
  });

  it('a failed request keeps nothing: the key can be retried with a corrected body', async () => {
    const key = randomUUID();
    const bad = await admin.post('/api/v1/users', { ...newUser(), roles: ['KING'] }, { 'idempotency-key': key });
    expect(bad.status).toBe(400);
    // a different body under the same key is fine now: the failed attempt stored no answer
    expect((await admin.post('/api/v1/users', newUser(), { 'idempotency-key': key })).status).toBe(201);
  });

  it('keys belong to their user', async () => {
    const u = newUser();
    expect((await openAccount(admin, { ...u, roles: ['ADMIN'] })).status).toBe(201);
    const other = await anon.session(u.username, PASSWORD);
    const key = randomUUID();
    const a = await admin.post('/api/v1/users', newUser(), { 'idempotency-key': key });
    const b = await other.post('/api/v1/users', newUser(), { 'idempotency-key': key });
    expect([a.status, b.status]).toEqual([201, 201]);
    expect(b.body.id).not.toBe(a.body.id);
  });
});

describe('applications', () => {
  it('refuses a bad body with 400 naming each field (applicant.nik) and unknown fields', async () => {
    const r = await admin.post(
      '/api/v1/applications',
      submission({ applicant: { ...submission().applicant, nik: '123' }, surprise: true }),
    );
    expect(r.status).toBe(400);
    expect(isErrorBody(r.body, 400)).toBe(true);
    expect(r.body.details).toContainEqual({ path: 'applicant.nik', message: 'nik must be 16 digits' });
    expect(r.body.details.map((d: { path: string }) => d.path)).toContain('surprise');
  });

  it("needs FRONT_OFFICE or ADMIN (403), and the actor's own agency (403): a province files nothing for its regencies", async () => {
    const v = newUser();
    expect((await openAccount(admin, { ...v, roles: ['VERIFIER'] })).status).toBe(201);
    const verifier = await anon.session(v.username, PASSWORD);
    const r = await verifier.post('/api/v1/applications', submission());
    expect(r.status).toBe(403);
    expect(r.body.code).toBe('ROLE_REQUIRED');

    const f = newUser();
    expect((await openAccount(admin, f)).status).toBe(201);
    const fo = await anon.session(f.username, PASSWORD);
    for (const agencyCode of ['33.04', '61.71']) {
      const other = await fo.post('/api/v1/applications', submission({ agencyCode }));
      expect(other.status).toBe(403);
      expect(other.body.code).toBe('AGENCY_OUT_OF_SCOPE');
    }
  });

  it('answers 503 within the timeout when intake does not answer, never hangs', async () => {
    if (await intakeAnswers()) {
      console.warn('intake is running beside this test: checking only that the gateway answers in time');
      const r = await admin.get(`/api/v1/applications/${randomUUID()}`);
      expect(r.ms).toBeLessThan(RPC_TIMEOUT_MS + 1000);
      return;
    }
    // nobody subscribed: NATS says "no responders" at once
    const none = await admin.get(`/api/v1/applications/${randomUUID()}`);
    expect(none.status).toBe(503);
    expect(isErrorBody(none.body, 503)).toBe(true);
    expect(none.body.code).toBe('SERVICE_UNAVAILABLE');

    // a subscriber that never answers: the gateway's timeout
    const silent = nc.subscribe(Rpc.intake.getApplication);
    await nc.flush();
    try {
      const r = await admin.get(`/api/v1/applications/${randomUUID()}`);
      expect(r.status).toBe(503);
      expect(r.body.message).toMatch(/intake did not answer in time/);
      expect(r.ms).toBeGreaterThanOrEqual(RPC_TIMEOUT_MS - 50);
      expect(r.ms).toBeLessThan(RPC_TIMEOUT_MS + 1000);
    } finally {
      silent.unsubscribe();
    }
  });

  it('passes the actor and the submission to intake and answers its reply with 201; a service error keeps its status and details', async () => {
    if (await intakeAnswers()) return; // the stand-in below would race the real intake
    const seen: unknown[] = [];
    const fake = nc.subscribe(Rpc.intake.registerApplication, {
      callback: (_err, msg) => {
        const packet = msg.json<{
          id: string;
          data: { actor: { agencyCode: string }; submission: { agencyCode: string; channel: string } };
        }>();
        seen.push(packet.data);
        const response =
          packet.data.submission.channel === 'FRONT_OFFICE'
            ? {
                ok: true,
                data: {
                  applicationId: randomUUID(),
                  ticketNumber: 'SANTUNAN_ANAK-61-2026-000001',
                  status: 'REGISTERED',
                  missingRequirements: [],
                  dueAt: null,
                },
              }
            : {
                ok: false,
                error: {
                  statusCode: 409,
                  error: 'Conflict',
                  message: 'wrong state',
                  code: 'WRONG_STATE',
                  details: [{ path: 'x', message: 'y' }],
                },
              };
        msg.respond(JSON.stringify({ id: packet.id, response, isDisposed: true }));
      },
    });
    await nc.flush();
    try {
      const r = await admin.post('/api/v1/applications', submission({ agencyCode: '61' }));
      expect(r.status).toBe(201);
      expect(r.body).toMatchObject({ ticketNumber: 'SANTUNAN_ANAK-61-2026-000001', status: 'REGISTERED' });
      expect(seen[0]).toMatchObject({
        actor: { username: 'admin', agencyCode: '61', roles: ['ADMIN', 'OPERATOR'] },
        submission: { agencyCode: '61', applicant: { nik: '6171015502880001' } },
      });
      const e = await admin.post('/api/v1/applications', submission({ agencyCode: '61', channel: 'LETTER' }));
      expect(e.status).toBe(409);
      expect(e.body).toMatchObject({ statusCode: 409, code: 'WRONG_STATE', details: [{ path: 'x', message: 'y' }] });
    } finally {
      fake.unsubscribe();
    }
  });
});

describe('system status', () => {
  it('shows the gateway healthy and a silent service as "no answer", within about 2 s', async () => {
    const r = await admin.get('/api/v1/system/status');
    expect(r.status).toBe(200);
    const names = r.body.services.map((s: { service: string }) => s.service);
    expect(names).toEqual(['gateway', 'intake', 'verification', 'disbursement', 'logistics', 'complaints']);
    expect(r.body.services[0]).toMatchObject({ service: 'gateway', healthy: true, checks: { database: true, nats: true } });
    for (const s of r.body.services.slice(1)) if (!s.healthy && s.error) expect(s.error).toBe('no answer');
    expect(r.ms).toBeLessThan(3500);
  });
});

describe('rejected messages', () => {
  const STORED = internalSubject(Subjects.extApplicationSubmitted, 'ext');
  it('keeps what arrives on sigap.rejected.detail, lists it, and replays it (corrected) through the outbox', async () => {
    const js = jetstream(nc);
    const original = {
      ...submission({ agencyCode: '61' }),
      eventId: randomUUID(),
      occurredAt: new Date().toISOString(),
      applicant: { ...submission().applicant, nik: '12' },
    };
    const rejection: RejectedMessageDetail = {
      eventId: original.eventId,
      // an outside system's event is stored, rejected and replayed on its publisher's subject
      subject: STORED,
      errors: [{ path: 'applicant.nik', message: 'nik must be 16 digits' }],
      reason: 'VALIDATION',
      consumer: 'intake_ext_application_submitted',
      payload: original,
      rejectedAt: new Date().toISOString(),
    };
    const h = natsHeaders();
    h.set('Nats-Msg-Id', randomUUID());
    await js.publish(Subjects.rejectedDetail, JSON.stringify(rejection), { headers: h });

    const item = await eventually(async () => {
      const r = await admin.get(`/api/v1/admin/rejected?subject=${STORED}&limit=200`);
      expect(r.status).toBe(200);
      const hit = r.body.items.find((i: { eventId: string }) => i.eventId === original.eventId);
      expect(hit).toBeDefined();
      return hit;
    });
    expect(item).toMatchObject({
      reason: 'VALIDATION',
      consumer: 'intake_ext_application_submitted',
      replayCount: 0,
      errors: rejection.errors,
    });

    const replayed = nc.subscribe(STORED);
    await nc.flush();
    const corrected = { ...original, applicant: { ...original.applicant, nik: '6171015502880001' } };
    const r = await admin.post(`/api/v1/admin/rejected/${item.id}/replay`, { payload: corrected });
    expect(r.status).toBe(202);
    expect(r.body).toMatchObject({ id: item.id, subject: STORED, replayCount: 1 });
    expect(r.body.eventId).not.toBe(original.eventId);

    const msg = await (async () => {
      for await (const m of replayed) {
        const p = m.json<{ eventId: string }>();
        if (p.eventId === r.body.eventId) return m;
      }
      throw new Error('no replay seen');
    })();
    replayed.unsubscribe();
    const payload = msg.json<Record<string, any>>();
    expect(payload).toMatchObject({ causationId: original.eventId, applicant: { nik: '6171015502880001' }, agencyCode: '61' });
    expect(msg.headers?.get('Nats-Msg-Id')).toBe(r.body.eventId);

    const trail = (await admin.get(`/api/v1/audit?target=${item.id}`)).body.items;
    expect(trail[0]).toMatchObject({
      action: 'REJECTED_MESSAGE_REPLAYED',
      actor: { username: 'admin' },
      after: { corrected: true, eventId: r.body.eventId },
    });
    expect(JSON.stringify(trail[0])).not.toContain('6171015502880001');

    const after = (await admin.get(`/api/v1/admin/rejected?subject=${STORED}&limit=200`)).body.items.find(
      (i: { id: string }) => i.id === item.id,
    );
    expect(after).toMatchObject({ replayCount: 1, lastReplayedBy: 'admin' });
    expect((await admin.post(`/api/v1/admin/rejected/${randomUUID()}/replay`, {})).status).toBe(404);
  }, 30000);
});

/** Where an `ext` submission is stored, rejected and replayed (its publisher's subject). */
const STORED_SUBMISSION = internalSubject(Subjects.extApplicationSubmitted, 'ext');

/** Puts a refused message on sigap.rejected.detail and waits until `by` (the operator by default) lists it. */
async function rejected(subject: string, payload: Record<string, unknown>, by: Api = admin): Promise<{ id: string; eventId: string }> {
  const eventId = randomUUID();
  const rejection: RejectedMessageDetail = {
    eventId,
    subject,
    errors: [{ path: 'x', message: 'x is wrong' }],
    reason: 'VALIDATION',
    consumer: 'test',
    payload: { eventId, ...payload },
    rejectedAt: new Date().toISOString(),
  };
  const h = natsHeaders();
  h.set('Nats-Msg-Id', randomUUID());
  await jetstream(nc).publish(Subjects.rejectedDetail, JSON.stringify(rejection), { headers: h });
  return eventually(async () => {
    const hit = (await by.get(`/api/v1/admin/rejected?subject=${subject}&limit=200`)).body.items.find(
      (i: { eventId: string }) => i.eventId === eventId,
    );
    expect(hit).toBeDefined();
    return hit;
  });
}

describe('replaying a rejected message: scope', () => {
  const listed = async (by: Api, subject: string, id: string) =>
    ((await by.get(`/api/v1/admin/rejected?subject=${subject}&limit=200`)).body.items as { id: string }[]).some((i) => i.id === id);

  it("a province sees its regency's rejected message but does not replay it; nobody moves one into an agency they do not change", async () => {
    const item = await rejected(STORED_SUBMISSION, { ...submission({ agencyCode: '61.71' }), occurredAt: new Date().toISOString() });
    const byProvince = await admin.post(`/api/v1/admin/rejected/${item.id}/replay`, {});
    expect(byProvince.status).toBe(403);
    expect(byProvince.body.code).toBe('AGENCY_OUT_OF_SCOPE');

    const regency = await agencyAdmin(gw.url, '61.71');
    expect(await listed(regency, Subjects.extApplicationSubmitted, item.id)).toBe(true);
    const moved = await regency.post(`/api/v1/admin/rejected/${item.id}/replay`, {
      payload: { ...submission({ agencyCode: '33.04' }), occurredAt: new Date().toISOString() },
    });
    expect(moved.status).toBe(403);
    expect(moved.body.code).toBe('AGENCY_OUT_OF_SCOPE');
    expect(
      (await admin.get(`/api/v1/admin/rejected?subject=${Subjects.extApplicationSubmitted}&limit=200`)).body.items.find(
        (i: { id: string }) => i.id === item.id,
      ).replayCount,
    ).toBe(0);
  });

  it('a message naming no agency is listed and replayed by the operator alone', async () => {
    const item = await rejected(STORED_SUBMISSION, { serviceCode: 'SANTUNAN_ANAK', note: 'no agency named' });
    const u = newUser();
    expect((await openAccount(admin, { ...u, roles: ['ADMIN'] })).status).toBe(201);
    const provinceAdmin = await anon.session(u.username, PASSWORD);
    for (const other of [provinceAdmin, await agencyAdmin(gw.url, '61.71')]) {
      expect(await listed(other, Subjects.extApplicationSubmitted, item.id)).toBe(false);
      expect((await other.post(`/api/v1/admin/rejected/${item.id}/replay`, {})).status).toBe(404);
    }
    // not even the operator moves it into an agency it does not change
    const moved = await admin.post(`/api/v1/admin/rejected/${item.id}/replay`, {
      payload: { serviceCode: 'SANTUNAN_ANAK', agencyCode: '33.04' },
    });
    expect(moved.status).toBe(403);
    expect(moved.body.code).toBe('AGENCY_OUT_OF_SCOPE');
    const r = await admin.post(`/api/v1/admin/rejected/${item.id}/replay`, {});
    expect(r.status).toBe(202);
    // its audit entry is in the operator's agency's trail, not in every agency's
    const trail = (await admin.get(`/api/v1/audit?target=${item.id}`)).body.items;
    expect(trail[0]).toMatchObject({ action: 'REJECTED_MESSAGE_REPLAYED', agencyCode: '61' });
  });

  it("a service's own event is replayed as stored, never corrected (400 naming payload)", async () => {
    // not a valid application.received: verification, whenever it runs, refuses it again
    const stored = { occurredAt: new Date().toISOString(), agencyCode: '61', applicationId: 'not-an-application', status: 'REGISTERED' };
    const item = await rejected(Subjects.intakeApplicationReceived, stored);
    const corrected = await admin.post(`/api/v1/admin/rejected/${item.id}/replay`, { payload: { ...stored, status: 'VERIFIED' } });
    expect(corrected.status).toBe(400);
    expect(isErrorBody(corrected.body, 400)).toBe(true);
    expect(corrected.body).toMatchObject({ code: 'REJECTED_MESSAGE_INTERNAL', details: [{ path: 'payload' }] });

    const sub = nc.subscribe(Subjects.intakeApplicationReceived);
    await nc.flush();
    const r = await admin.post(`/api/v1/admin/rejected/${item.id}/replay`, {});
    expect(r.status).toBe(202);
    for await (const m of sub) {
      const p = m.json<Record<string, unknown>>();
      if (p.eventId !== r.body.eventId) continue;
      const { eventId: _e, correlationId: _c, causationId, ...body } = p;
      expect(causationId).toBe(item.eventId);
      expect(body).toEqual(stored);
      break;
    }
    sub.unsubscribe();
  });
});

describe('the audit log', () => {
  it("is append-only, even for the gateway's own database role", async () => {
    const client = new pg.Client({ connectionString: testSystem().services.gateway.env.DATABASE_URL });
    await client.connect();
    try {
      await expect(client.query(`UPDATE "gateway"."audit_log" SET action = 'X'`)).rejects.toThrow(/append-only/);
      await expect(client.query(`DELETE FROM "gateway"."audit_log"`)).rejects.toThrow(/append-only/);
      await expect(client.query(`TRUNCATE "gateway"."audit_log"`)).rejects.toThrow(/append-only/);
    } finally {
      await client.end();
    }
  });
});
