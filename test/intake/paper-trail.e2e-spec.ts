// The front office's paper trail and what issue 11 adds around it, end to end through the real
// gateway and intake processes on Postgres and NATS: a returned file completed (RETURNED →
// REGISTERED with its history, ticket, deadline from completion and events), the filing warnings,
// the agency's contact data on the public status, the gateway's audit trail of these acts with
// its filters, and the public pages served compressed with their cache headers.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import http from 'node:http';
import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import type { NatsConnection } from '@nats-io/transport-node';
import { jetstreamManager } from '@nats-io/jetstream';
import { adminDb, eventually, natsAs, publishEvent, readStream, type RunningApp } from '#testing';
import { agencyAdmin, Api, startGateway, testAdminPassword } from '../gateway/support.js';
import { filing, historyOf, nik, staff, startIntake, type IntakeSystem, type Staff } from './support.js';

let sys: IntakeSystem;
let intake: RunningApp | undefined;
let gateway: RunningApp | undefined;
let db: pg.Client;
let nats: NatsConnection;
let fo: Staff;
let provinceFo: Staff;
let admin3304: Api;

beforeAll(async () => {
  // one after the other, and patient: on a machine shared by several suites a gateway took over a minute to start
  intake = await startIntake();
  gateway = await startGateway({}, 180_000);
  const anon = new Api(gateway.url);
  sys = { intake, gateway, anon, admin: await anon.session('admin', testAdminPassword()) };
  [db, nats] = await Promise.all([adminDb(), natsAs('admin')]);
  [fo, provinceFo, admin3304] = await Promise.all([
    staff(sys, '33.04', ['FRONT_OFFICE']),
    staff(sys, '61', ['FRONT_OFFICE']),
    agencyAdmin(sys.anon.baseUrl, '33.04'),
  ]);
}, 360_000);

afterAll(async () => {
  await Promise.all([intake?.stop(), gateway?.stop()]);
  await Promise.all([nats?.close(), db?.end()]);
});

const today = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Jakarta' }).format(new Date());

describe('a returned file completed at the front office', () => {
  let id = '';

  it('is RETURNED without a ticket when KK and the request letter are missing', async () => {
    const r = await fo.post('/api/v1/applications', filing('SANTUNAN_ANAK', { documents: [{ type: 'KTP' }, { type: 'SKTM' }] }));
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({ status: 'RETURNED', ticketNumber: null, dueAt: null });
    expect(r.body.missingRequirements.sort()).toEqual(['KK', 'SURAT_PERMOHONAN']);
    id = r.body.applicationId;
  });

  it('refuses a completion that still leaves something missing, naming it, and changes nothing', async () => {
    const r = await fo.post(`/api/v1/applications/${id}/completion`, { documents: [{ type: 'KK' }] });
    expect(r.status).toBe(400);
    expect(r.body.code).toBe('INTAKE_APPLICATION_STILL_INCOMPLETE');
    expect(r.body.details).toEqual([{ path: 'documents', message: 'the file still misses SURAT_PERMOHONAN' }]);
    const view = await fo.get(`/api/v1/applications/${id}`);
    expect(view.body).toMatchObject({ status: 'RETURNED', ticketNumber: null });
    expect(view.body.documents.map((d: { type: string }) => d.type)).toEqual(['KTP', 'SKTM']);
  });

  it("is not another agency's to complete (not even found), nor any role's but the front office's", async () => {
    // Kalimantan Barat (61) does not cover Banjarnegara (33.04): the application's existence is not disclosed
    const other = await provinceFo.post(`/api/v1/applications/${id}/completion`, {
      documents: [{ type: 'KK' }, { type: 'SURAT_PERMOHONAN' }],
    });
    expect([other.status, other.body.code]).toEqual([404, 'INTAKE_APPLICATION_NOT_FOUND']);
    const byAdmin = await admin3304.post(`/api/v1/applications/${id}/completion`, {
      documents: [{ type: 'KK' }, { type: 'SURAT_PERMOHONAN' }],
    });
    expect([byAdmin.status, byAdmin.body.code]).toEqual([403, 'ROLE_REQUIRED']);
  });

  it('registers it with the documents added, a ticket, the deadline counted from now, its history and its events', async () => {
    const before = Date.now();
    const r = await fo.post(`/api/v1/applications/${id}/completion`, {
      documents: [{ type: 'KK' }, { type: 'SURAT_PERMOHONAN' }],
      note: 'dibawa ibu pemohon',
    });
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({ status: 'REGISTERED', missingRequirements: [], open: true });
    expect(r.body.ticketNumber).toMatch(/^SANTUNAN_ANAK-33\.04-\d{4}-\d{6}$/);
    expect(r.body.documents.map((d: { type: string }) => d.type)).toEqual(['KTP', 'SKTM', 'KK', 'SURAT_PERMOHONAN']);
    // 3 months from the completion, not from the first filing
    const due = new Date(r.body.dueAt).getTime();
    expect(due).toBeGreaterThan(before + 80 * 86_400_000);
    expect(due).toBeLessThan(before + 95 * 86_400_000);

    const history = await historyOf(db, id);
    expect(history.map((h) => [h.from_status, h.to_status, h.actor])).toEqual([
      [null, 'RETURNED', fo.username],
      ['RETURNED', 'REGISTERED', fo.username],
    ]);
    expect(history[1].reason).toBe('completed: KK, SURAT_PERMOHONAN (was missing KK, SURAT_PERMOHONAN); dibawa ibu pemohon');

    const received = await eventually(async () => {
      const all = await readStream(nats, 'SIGAP_INTAKE', 'sigap.intake.application.received.v1');
      const mine = all.filter((m) => m.data.applicationId === id);
      expect(mine.map((m) => m.data.status)).toEqual(['RETURNED', 'REGISTERED']);
      return mine[1].data;
    });
    expect(received).toMatchObject({ ticketNumber: r.body.ticketNumber, dueAt: r.body.dueAt, missingRequirements: [] });
    const changes = await readStream(nats, 'SIGAP_INTAKE', 'sigap.intake.application.status-changed.v1');
    expect(changes.filter((m) => m.data.applicationId === id).map((m) => [m.data.from, m.data.to, m.data.actor])).toEqual([
      [null, 'RETURNED', 'staff'],
      ['RETURNED', 'REGISTERED', 'staff'],
    ]);

    // the citizen can now follow it by its ticket
    const pub = await sys.anon.get(`/api/v1/public/status/${r.body.ticketNumber}`);
    expect(pub.status).toBe(200);
    expect(pub.body.timeline.map((e: { status: string }) => e.status)).toEqual(['RETURNED', 'REGISTERED']);
  });

  it('is completed once: a second completion is a 409', async () => {
    const r = await fo.post(`/api/v1/applications/${id}/completion`, { documents: [{ type: 'KK' }] });
    expect([r.status, r.body.code]).toEqual([409, 'INTAKE_APPLICATION_NOT_RETURNED']);
  });
});

describe('warnings at filing', () => {
  it('names the open application of the same child and service, and a NIK issued outside the agency; files all the same', async () => {
    const first = filing('SANTUNAN_ANAK');
    const filed = await fo.post('/api/v1/applications', first);
    expect(filed.body.status).toBe('REGISTERED');
    const outside = nik('35.75.01', '1985-07-14', 'F');
    const body = { agencyCode: '33.04', serviceCode: 'SANTUNAN_ANAK', applicantNik: outside, beneficiaryNik: first.beneficiary.nik };
    const r = await fo.post('/api/v1/applications/filing-warnings', body);
    expect(r.status).toBe(200);
    expect(r.body.warnings).toEqual([
      {
        code: 'OPEN_APPLICATION_SAME_SERVICE',
        path: 'beneficiary.nik',
        application: {
          applicationId: filed.body.applicationId,
          ticketNumber: filed.body.ticketNumber,
          status: 'REGISTERED',
          filedAt: expect.any(String),
          role: 'beneficiary',
        },
      },
      { code: 'NIK_OUTSIDE_AGENCY', path: 'applicant.nik', district: { code: '35.75.01', name: expect.any(String) } },
    ]);
    // another service, or a closed application, is no warning
    const other = await fo.post('/api/v1/applications/filing-warnings', {
      ...body,
      serviceCode: 'BANSOS_REHSOS',
      applicantNik: first.applicant.nik,
    });
    expect(other.body.warnings).toEqual([]);
    const withdrawn = await fo.post(`/api/v1/applications/${filed.body.applicationId}/transitions`, { to: 'WITHDRAWN', reason: 'dicabut' });
    expect(withdrawn.status).toBe(201);
    const after = await fo.post('/api/v1/applications/filing-warnings', {
      agencyCode: '33.04',
      serviceCode: 'SANTUNAN_ANAK',
      applicantNik: first.applicant.nik,
    });
    expect(after.body.warnings).toEqual([]);
    // a bad NIK names the field; another agency's form is refused
    const bad = await fo.post('/api/v1/applications/filing-warnings', {
      agencyCode: '33.04',
      serviceCode: 'SANTUNAN_ANAK',
      applicantNik: '123',
    });
    expect([bad.status, bad.body.details]).toEqual([400, [{ path: 'applicantNik', message: 'applicantNik must be 16 digits' }]]);
    const foreign = await fo.post('/api/v1/applications/filing-warnings', { ...body, agencyCode: '35.75' });
    expect([foreign.status, foreign.body.code]).toEqual([403, 'AGENCY_OUT_OF_SCOPE']);
  });
});

describe("the agency's contact data", () => {
  it("is set by the agency's own admin (audited) and shown with the public status; others are refused", async () => {
    const contact = {
      address: 'Jl. Letjend Suprapto No. 1, Banjarnegara',
      phone: '(0286) 591234',
      email: 'dinsos@banjarnegarakab.go.id',
      officeHours: 'Senin–Jumat 08.00–15.00',
    };
    const set = await admin3304.put('/api/v1/agencies/33.04/contact', contact);
    expect(set.status).toBe(200);
    expect(set.body).toMatchObject({ ...contact, agencyCode: '33.04' });
    expect((await fo.get('/api/v1/agencies/33.04/contact')).body).toMatchObject(contact);

    const byFo = await fo.put('/api/v1/agencies/33.04/contact', contact);
    expect([byFo.status, byFo.body.code]).toEqual([403, 'ROLE_REQUIRED']);
    const byProvince = await sys.admin.put('/api/v1/agencies/33.04/contact', contact);
    expect([byProvince.status, byProvince.body.code]).toEqual([403, 'AGENCY_OUT_OF_SCOPE']);
    const bad = await admin3304.put('/api/v1/agencies/33.04/contact', { ...contact, phone: 'telepon' });
    expect([bad.status, bad.body.details]).toEqual([400, [{ path: 'phone', message: 'phone must be a phone number' }]]);

    const filed = await fo.post('/api/v1/applications', filing('SANTUNAN_ANAK'));
    const pub = await sys.anon.get(`/api/v1/public/status/${filed.body.ticketNumber}`);
    expect(pub.body.contact).toEqual({ agencyCode: '33.04', ...contact });
  });
});

describe('the audit trail of what staff do', () => {
  it('reads a day as the day in WIB: an act at 01:30 WIB belongs to that day, not to the one before', async () => {
    const who = `wib.${randomUUID().slice(0, 8)}`;
    // 1 June 2026, 18:30 UTC is 2 June, 01:30 WIB
    await db.query(
      `INSERT INTO gateway.audit_log ("at", actor_username, action, target_type, target_id, agency_code)
       VALUES ('2026-06-01T18:30:00Z', $1, 'CALENDAR_DAY_ADDED', 'calendar', '2026-06-02', '33.04')`,
      [who],
    );
    const on = async (day: string) =>
      (await admin3304.get(`/api/v1/audit?agencyCode=33.04&actor=${who}&from=${day}&to=${day}`)).body.items.map(
        (e: { at: string }) => e.at,
      );
    expect(await on('2026-06-02')).toEqual(['2026-06-01T18:30:00.000Z']);
    expect(await on('2026-06-01')).toEqual([]);
  });

  it('has filings, status changes, completions, calendar days and contact changes, filtered by user, action, agency and date', async () => {
    const year = new Date().getFullYear() + 1;
    const day = await admin3304.post(`/api/v1/calendar/${year}/days`, {
      date: `${year}-12-31`,
      kind: 'CUTI_BERSAMA',
      name: 'Cuti bersama uji',
    });
    expect(day.status).toBe(201);
    const removed = await admin3304.request('DELETE', `/api/v1/calendar/${year}/days/${year}-12-31?agencyCode=33.04`);
    expect(removed.status).toBe(200);

    // the gateway writes these from intake's events: on a busy machine a moment after the acts
    const mine = await eventually(async () => {
      const r = await admin3304.get(`/api/v1/audit?agencyCode=33.04&actor=${fo.username}&from=${today()}&to=${today()}&limit=100`);
      expect(r.status).toBe(200);
      const actions = new Set(r.body.items.map((e: { action: string }) => e.action));
      for (const a of ['APPLICATION_FILED', 'APPLICATION_COMPLETED', 'APPLICATION_STATUS_CHANGED']) expect(actions).toContain(a);
      return r;
    });
    expect(
      mine.body.items.every(
        (e: { actor: { username: string }; agencyCode: string }) => e.actor.username === fo.username && e.agencyCode === '33.04',
      ),
    ).toBe(true);

    const completed = await admin3304.get('/api/v1/audit?action=APPLICATION_COMPLETED&agencyCode=33.04');
    expect(completed.body.items[0]).toMatchObject({
      action: 'APPLICATION_COMPLETED',
      target: { type: 'APPLICATION' },
      before: { status: 'RETURNED' },
      after: { status: 'REGISTERED', documents: ['KK', 'SURAT_PERMOHONAN'] },
    });
    const calendar = await admin3304.get('/api/v1/audit?agencyCode=33.04&limit=200');
    const cal = calendar.body.items
      .filter((e: any) => e.action.startsWith('CALENDAR_DAY_') && e.target.label === 'Cuti bersama uji')
      .map((e: any) => [e.action, e.target.id, e.target.label]);
    expect(cal).toEqual([
      ['CALENDAR_DAY_REMOVED', `${year}-12-31`, 'Cuti bersama uji'],
      ['CALENDAR_DAY_ADDED', `${year}-12-31`, 'Cuti bersama uji'],
    ]);
    expect(calendar.body.items.some((e: { action: string }) => e.action === 'AGENCY_CONTACT_UPDATED')).toBe(true);

    // yesterday's trail has none of today's entries; a bad date names the field
    const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
    const before = await admin3304.get(`/api/v1/audit?agencyCode=33.04&to=${yesterday}&actor=${fo.username}`);
    expect(before.body.items).toEqual([]);
    const bad = await admin3304.get('/api/v1/audit?from=31-12-2026');
    expect([bad.status, bad.body.details[0].path]).toEqual([400, 'from']);
  });
});

describe('case decisions in the audit trail', () => {
  it('records each decision verification announces once, however often it is delivered, with no person as its actor', async () => {
    const caseId = randomUUID();
    const event = {
      eventId: randomUUID(),
      occurredAt: new Date().toISOString(),
      correlationId: randomUUID(),
      causationId: null,
      caseId,
      applicationId: randomUUID(),
      agencyCode: '33.04',
      outcome: 'REJECTED',
      reason: 'staff only',
      publicReason: 'Tidak memenuhi syarat',
    };
    await publishEvent(nats, 'sigap.verification.case.decided.v1', event);
    await publishEvent(nats, 'sigap.verification.case.decided.v1', event, `${event.eventId}-again`);
    // both copies handled by the gateway's durable: nothing pending, nothing waiting for its ack
    const jsm = await jetstreamManager(nats);
    await eventually(async () => {
      const info = await jsm.consumers.info('SIGAP_VERIFICATION', 'gateway_case_decided_audit');
      expect([info.num_pending, info.num_ack_pending]).toEqual([0, 0]);
      expect(info.delivered.stream_seq).toBeGreaterThan(0);
    });
    const entries = await eventually(async () => {
      const r = await admin3304.get(`/api/v1/audit?action=CASE_DECIDED&agencyCode=33.04&target=${caseId}`);
      expect(r.body.items.length).toBeGreaterThan(0);
      return r.body.items;
    });
    expect(entries).toEqual([
      expect.objectContaining({
        action: 'CASE_DECIDED',
        actor: { id: null, username: null },
        target: { type: 'VERIFICATION_CASE', id: caseId, label: event.applicationId },
        after: {
          outcome: 'REJECTED',
          publicReason: 'Tidak memenuhi syarat',
          applicationId: event.applicationId,
          by: 'system:verification',
        },
      }),
    ]);
  });
});

/** A GET with the headers a browser sends, read raw (undecoded) so the encoding shows. */
function rawGet(
  url: string,
  headers: Record<string, string>,
): Promise<{ status: number; headers: http.IncomingHttpHeaders; bytes: number }> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { headers }, (res) => {
        let bytes = 0;
        res.on('data', (c: Buffer) => (bytes += c.length));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, bytes }));
      })
      .on('error', reject);
  });
}

describe('the public pages on a slow connection', () => {
  it('are served with brotli or gzip as the browser accepts, assets cached for good and the HTML for a minute', async () => {
    const page = `${sys.gateway.url}/status/SANTUNAN_ANAK-33.04-2026-000001`;
    const plain = await rawGet(page, {});
    const br = await rawGet(page, { 'accept-encoding': 'gzip, deflate, br' });
    const gz = await rawGet(page, { 'accept-encoding': 'gzip' });
    expect([plain.status, plain.headers['content-encoding']]).toEqual([200, undefined]);
    expect([br.headers['content-encoding'], gz.headers['content-encoding']]).toEqual(['br', 'gzip']);
    expect(br.headers['cache-control']).toBe('public, max-age=60, must-revalidate');
    expect(br.headers.vary).toMatch(/Accept-Encoding/i);

    // the largest script of the dashboard, as the page names it
    const html = await (await fetch(page)).text();
    const scripts = [...html.matchAll(/(?:src|href)="(\/assets\/[^"]+\.js)"/g)].map((m) => m[1]);
    expect(scripts.length).toBeGreaterThan(0);
    const asset = await rawGet(`${sys.gateway.url}${scripts[0]}`, {});
    const assetBr = await rawGet(`${sys.gateway.url}${scripts[0]}`, { 'accept-encoding': 'br, gzip' });
    expect(assetBr.headers['content-encoding']).toBe('br');
    expect(assetBr.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    // what travels is a fraction of the file
    expect(assetBr.bytes).toBeLessThan(asset.bytes * 0.5);
    console.log(`dashboard entry script ${scripts[0]}: ${asset.bytes} bytes plain, ${assetBr.bytes} with brotli`);

    // the API's answers too (the public status JSON is small: under 1 KB stays plain)
    const services = await rawGet(`${sys.gateway.url}/api/v1/services?agencyCode=33.04`, { 'accept-encoding': 'gzip' });
    expect(services.headers['content-encoding']).toBe('gzip');
  });
});
