// The lifecycle of each standard, end to end: staff transitions through the gateway (roles
// from the standard's data), transitions caused by verification's events, 409 on an illegal
// transition, the history of every change and its status-changed event on the stream; and
// the calendar an admin maintains.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import type { NatsConnection } from '@nats-io/transport-node';
import { Subjects } from '#contracts';
import { adminDb, eventually, natsAs, publishEvent, readStream } from '#testing';
import { isErrorBody } from '../gateway/support.js';
import { filing, historyOf, staff, startIntakeSystem, statusChanges, type IntakeSystem, type Staff, type Standard } from './support.js';

let sys: IntakeSystem;
let db: pg.Client;
let nats: NatsConnection;

beforeAll(async () => {
  [sys, db, nats] = await Promise.all([startIntakeSystem(), adminDb(), natsAs('admin')]);
  // intake and the gateway each get 90 s to start on a loaded machine (support.ts)
}, 150_000);

afterAll(async () => {
  if (process.env.SIGAP_TEST_SHOW_OUTPUT) console.log(sys?.intake.output().slice(-20000));
  await Promise.all([sys?.intake.stop(), sys?.gateway.stop()]);
  await Promise.all([nats?.close(), db?.end()]);
});

type Role = 'FRONT_OFFICE' | 'HEAD' | 'VERIFIER' | 'FINANCE' | 'WAREHOUSE' | 'ADMIN';
const members = new Map<string, Promise<Staff>>();

/** One officer of an agency with one role, opened on first use (argon2 makes every account cost tens of milliseconds). */
function as(agencyCode: string, role: Role): Promise<Staff> {
  const k = `${agencyCode}/${role}`;
  if (!members.has(k)) members.set(k, staff(sys, agencyCode, [role]));
  return members.get(k)!;
}

/** The officers of an agency a test needs, by role. */
async function team(agencyCode: string, ...roles: Role[]) {
  const got = await Promise.all(roles.map((r) => as(agencyCode, r)));
  const t: Partial<Record<'fo' | 'head' | 'verifier' | 'finance' | 'warehouse' | 'admin', Staff>> = {};
  const key = {
    FRONT_OFFICE: 'fo',
    HEAD: 'head',
    VERIFIER: 'verifier',
    FINANCE: 'finance',
    WAREHOUSE: 'warehouse',
    ADMIN: 'admin',
  } as const;
  roles.forEach((r, i) => (t[key[r]] = got[i]));
  return t as Record<'fo' | 'head' | 'verifier' | 'finance' | 'warehouse' | 'admin', Staff>;
}

async function file(fo: Staff, service: Standard, over: Record<string, unknown> = {}): Promise<string> {
  const r = await fo.post('/api/v1/applications', filing(service, over));
  expect(r.status).toBe(201);
  expect(r.body.status).toBe('REGISTERED');
  return r.body.applicationId;
}

/** Makes each step as `who` and checks the answer; returns the last view. */
async function walk(id: string, steps: Array<[Staff, string, string?]>) {
  let view: any;
  for (const [who, to, reason] of steps) {
    const r = await who.post(`/api/v1/applications/${id}/transitions`, { to, ...(reason ? { reason } : {}) });
    if (r.status !== 201) throw new Error(`→ ${to} by ${who.username}: ${r.status} ${JSON.stringify(r.body)}`);
    expect(r.body.status).toBe(to);
    view = r.body;
  }
  return view;
}

/** The status-changed events of an application on SIGAP_INTAKE, once the outbox has published them all. */
async function eventsOf(id: string, count: number) {
  return eventually(async () => {
    const changes = statusChanges(await readStream(nats, 'SIGAP_INTAKE', Subjects.intakeApplicationStatusChanged), id);
    expect(changes).toHaveLength(count);
    return changes;
  });
}

function decided(applicationId: string, outcome: 'VERIFIED' | 'REJECTED', reason?: string) {
  return {
    eventId: randomUUID(),
    occurredAt: new Date().toISOString(),
    caseId: randomUUID(),
    applicationId,
    agencyCode: '33.04',
    outcome,
    reason,
  };
}

/** Disbursement's events that walk an application from VERIFIED to HANDED_OVER (test/intake/disbursement.e2e-spec.ts tests them in depth). */
async function disburse(applicationId: string, agencyCode: string, serviceCode: string) {
  const base = () => ({ eventId: randomUUID(), occurredAt: new Date().toISOString(), agencyCode, serviceCode });
  const proposalId = randomUUID();
  const decreeNumber = '400.9/55/2026';
  const steps: Array<[string, Record<string, unknown>, string]> = [
    [
      Subjects.disbursementProposalSubmitted,
      { proposalId, fiscalYear: 2026, submittedAt: new Date().toISOString(), part: 1, parts: 1, applicationIds: [applicationId] },
      'PROPOSED',
    ],
    [
      Subjects.disbursementDecreeIssued,
      {
        decreeId: randomUUID(),
        proposalId,
        fiscalYear: 2026,
        decreeNumber,
        decreeDate: '2026-11-30',
        signatory: 'Bupati',
        totalAmount: '1500000',
        part: 1,
        parts: 1,
        recipients: [{ applicationId, amount: '1500000' }],
      },
      'DECREED',
    ],
    [
      Subjects.disbursementRecipientPaid,
      { applicationId, fiscalYear: 2026, amount: '1500000', decreeNumber, paidAt: new Date().toISOString() },
      'DISBURSING',
    ],
    [
      Subjects.disbursementRecipientHandedOver,
      { applicationId, decreeNumber, bastNumber: `BAST-${proposalId.slice(0, 6)}`, handedOverAt: new Date().toISOString() },
      'HANDED_OVER',
    ],
  ];
  for (const [subject, payload, status] of steps) {
    await publishEvent(nats, subject, { ...base(), ...payload });
    await eventually(async () => expect((await historyOf(db, applicationId)).at(-1)!.to_status).toBe(status));
  }
}

describe('SANTUNAN_ANAK (Kab. Banjarnegara)', () => {
  it('goes REGISTERED → IN_VERIFICATION → VERIFIED (verification’s events) → PROPOSED → DECREED → DISBURSING → HANDED_OVER (disbursement’s)', async () => {
    const t = await team('33.04', 'FRONT_OFFICE', 'HEAD', 'FINANCE');
    const id = await file(t.fo, 'SANTUNAN_ANAK');
    // verification decides before intake heard of the case: the case is implied
    await publishEvent(nats, Subjects.verificationCaseDecided, decided(id, 'VERIFIED', 'TRC: layak'));
    await eventually(async () => expect((await t.fo.get(`/api/v1/applications/${id}`)).body.status).toBe('VERIFIED'));
    // a late case-opened event changes nothing
    await publishEvent(nats, Subjects.verificationCaseOpened, {
      eventId: randomUUID(),
      occurredAt: new Date().toISOString(),
      caseId: randomUUID(),
      applicationId: id,
      agencyCode: '33.04',
    });

    const illegal = await t.head.post(`/api/v1/applications/${id}/transitions`, { to: 'HANDED_OVER' });
    expect(illegal.status).toBe(409);
    expect(isErrorBody(illegal.body, 409)).toBe(true);
    expect(illegal.body).toMatchObject({
      code: 'INTAKE_ILLEGAL_TRANSITION',
      details: [{ path: 'to', message: expect.stringContaining('PROPOSED') }],
    });
    // the proposal is disbursement's to make, whoever asks
    for (const who of [t.fo, t.head]) {
      const reserved = await who.post(`/api/v1/applications/${id}/transitions`, { to: 'PROPOSED' });
      expect(reserved.status).toBe(403);
      expect(reserved.body.code).toBe('INTAKE_TRANSITION_RESERVED');
    }

    const seen = await t.head.get(`/api/v1/applications/${id}`);
    expect(seen.body.nextTransitions.map((n: any) => n.to)).toEqual(['REJECTED']);
    await disburse(id, '33.04', 'SANTUNAN_ANAK');
    const last = (await t.head.get(`/api/v1/applications/${id}`)).body;
    expect(last).toMatchObject({
      status: 'HANDED_OVER',
      open: false,
      closed: true,
      clockStoppedAt: expect.any(String),
      nextTransitions: [],
    });
    expect((await t.head.post(`/api/v1/applications/${id}/transitions`, { to: 'REJECTED', reason: 'terlambat' })).status).toBe(409);

    const path = ['REGISTERED', 'IN_VERIFICATION', 'VERIFIED', 'PROPOSED', 'DECREED', 'DISBURSING', 'HANDED_OVER'];
    const history = await historyOf(db, id);
    expect(history.map((h) => h.to_status)).toEqual(path);
    expect(history.map((h) => h.actor)).toEqual([
      t.fo.username,
      'system:verification',
      'system:verification',
      ...Array(4).fill('system:disbursement'),
    ]);
    expect(history[2].reason).toBe('TRC: layak');
    expect(last.history.map((h: any) => [h.from, h.to])).toEqual(path.map((to, i) => [i ? path[i - 1] : null, to]));
    expect(await eventsOf(id, 7)).toEqual(path.map((to, i) => ({ from: i ? path[i - 1] : null, to })));
  });

  it('is REJECTED when verification says so, and stays so', async () => {
    const t = await team('33.04', 'FRONT_OFFICE', 'HEAD', 'FINANCE');
    const id = await file(t.fo, 'SANTUNAN_ANAK');
    await publishEvent(nats, Subjects.verificationCaseOpened, {
      eventId: randomUUID(),
      occurredAt: new Date().toISOString(),
      caseId: randomUUID(),
      applicationId: id,
      agencyCode: '33.04',
    });
    await eventually(async () => expect((await t.fo.get(`/api/v1/applications/${id}`)).body.status).toBe('IN_VERIFICATION'));
    await publishEvent(nats, Subjects.verificationCaseDecided, decided(id, 'REJECTED', 'sudah menerima PKH'));
    await eventually(async () => expect((await t.fo.get(`/api/v1/applications/${id}`)).body.status).toBe('REJECTED'));
    // a contradicting late decision has no effect
    await publishEvent(nats, Subjects.verificationCaseDecided, decided(id, 'VERIFIED'));
    expect(await eventsOf(id, 3)).toEqual([
      { from: null, to: 'REGISTERED' },
      { from: 'REGISTERED', to: 'IN_VERIFICATION' },
      { from: 'IN_VERIFICATION', to: 'REJECTED' },
    ]);
    expect((await t.fo.get(`/api/v1/applications/${id}`)).body.status).toBe('REJECTED');
  });
});

describe('BANSOS_REHSOS (Kota Pasuruan)', () => {
  it('goes through Dinsos and kelurahan verification (a case opened by hand, decided by verification), the mayor’s proposal and decree, Bank Jatim and the lurah', async () => {
    const t = await team('35.75', 'FRONT_OFFICE', 'HEAD', 'VERIFIER', 'FINANCE');
    const id = await file(t.fo, 'BANSOS_REHSOS', { targetGroup: 'DISABILITAS' });
    await walk(id, [[t.head, 'IN_VERIFICATION']]);
    const byHand = await t.verifier.post(`/api/v1/applications/${id}/transitions`, { to: 'VERIFIED' });
    expect(byHand.body.code).toBe('INTAKE_TRANSITION_RESERVED');
    await publishEvent(nats, Subjects.verificationCaseDecided, { ...decided(id, 'VERIFIED', 'Kelurahan: valid'), agencyCode: '35.75' });
    await eventually(async () => expect((await t.fo.get(`/api/v1/applications/${id}`)).body.status).toBe('VERIFIED'));
    await disburse(id, '35.75', 'BANSOS_REHSOS');
    const path = ['REGISTERED', 'IN_VERIFICATION', 'VERIFIED', 'PROPOSED', 'DECREED', 'DISBURSING', 'HANDED_OVER'];
    expect(await eventsOf(id, 7)).toEqual(path.map((to, i) => ({ from: i ? path[i - 1] : null, to })));
  });

  it('is withdrawn or returned by the front office, with a reason; a reason is required', async () => {
    const t = await team('35.75', 'FRONT_OFFICE', 'HEAD', 'VERIFIER', 'FINANCE');
    const a = await file(t.fo, 'BANSOS_REHSOS');
    const noReason = await t.fo.post(`/api/v1/applications/${a}/transitions`, { to: 'WITHDRAWN' });
    expect(noReason.status).toBe(400);
    expect(noReason.body.details).toEqual([{ path: 'reason', message: expect.any(String) }]);
    expect((await t.head.post(`/api/v1/applications/${a}/transitions`, { to: 'WITHDRAWN', reason: 'pindah domisili' })).status).toBe(403);
    await walk(a, [[t.fo, 'WITHDRAWN', 'pemohon pindah domisili']]);
    const b = await file(t.fo, 'BANSOS_REHSOS');
    await walk(b, [[t.fo, 'RETURNED', 'KK tidak terbaca']]);
    expect((await t.fo.post(`/api/v1/applications/${b}/transitions`, { to: 'REGISTERED' })).status).toBe(409);
    const unknown = await t.fo.post(`/api/v1/applications/${b}/transitions`, { to: 'ARCHIVED' });
    expect(unknown.status).toBe(400);
    expect(unknown.body.details[0].path).toBe('to');
    expect((await t.fo.post(`/api/v1/applications/${randomUUID()}/transitions`, { to: 'WITHDRAWN', reason: 'x' })).status).toBe(404);
  });
});

describe('AUDIENSI (Prov. Kepulauan Bangka Belitung)', () => {
  it('goes disposition → officer assigned → audience held → report; its deadline is met once an officer is assigned', async () => {
    const t = await team('19', 'FRONT_OFFICE', 'HEAD');
    const id = await file(t.fo, 'AUDIENSI');
    // verification has no step in this standard: a case opened for it moves nothing
    await publishEvent(nats, Subjects.verificationCaseOpened, {
      eventId: randomUUID(),
      occurredAt: new Date().toISOString(),
      caseId: randomUUID(),
      applicationId: id,
      agencyCode: '19',
    });
    expect((await t.head.post(`/api/v1/applications/${id}/transitions`, { to: 'AUDIENCE_HELD' })).status).toBe(409);
    expect((await t.fo.post(`/api/v1/applications/${id}/transitions`, { to: 'OFFICER_ASSIGNED' })).status).toBe(409);
    const disposed = await walk(id, [[t.head, 'DISPOSED']]);
    expect(disposed.open).toBe(true);
    const assigned = await walk(id, [[t.head, 'OFFICER_ASSIGNED']]);
    expect(assigned).toMatchObject({ open: false, closed: false, timeLeft: null });
    await walk(id, [
      [t.fo, 'AUDIENCE_HELD'],
      [t.head, 'REPORTED'],
    ]);
    const path = ['REGISTERED', 'DISPOSED', 'OFFICER_ASSIGNED', 'AUDIENCE_HELD', 'REPORTED'];
    expect(await eventsOf(id, 5)).toEqual(path.map((to, i) => ({ from: i ? path[i - 1] : null, to })));
    expect((await historyOf(db, id)).map((h) => h.to_status)).toEqual(path);
  });

  it('serves an urgent walk-in within 30 minutes, straight to an officer', async () => {
    const t = await team('19', 'FRONT_OFFICE', 'HEAD');
    const r = await t.fo.post('/api/v1/applications', filing('AUDIENSI', { channel: 'WALK_IN' }));
    const minutes = (new Date(r.body.dueAt).getTime() - Date.now()) / 60_000;
    expect(minutes).toBeGreaterThan(29);
    expect(minutes).toBeLessThanOrEqual(30);
    await walk(r.body.applicationId, [
      [t.fo, 'OFFICER_ASSIGNED'],
      [t.head, 'AUDIENCE_HELD'],
      [t.head, 'REPORTED'],
    ]);
  });
});

describe('DATA_INFO (Biro Kesra Kalimantan Barat) and LOGISTIK (Dinsos Kalimantan Barat)', () => {
  it('hands the data over', async () => {
    const t = await team('61.BKS', 'FRONT_OFFICE');
    const id = await file(t.fo, 'DATA_INFO');
    await walk(id, [[t.fo, 'DATA_HANDED_OVER']]);
    expect(await eventsOf(id, 2)).toEqual([
      { from: null, to: 'REGISTERED' },
      { from: 'REGISTERED', to: 'DATA_HANDED_OVER' },
    ]);
  });

  it('processes a logistics request and gives the information', async () => {
    const t = await team('61', 'FRONT_OFFICE', 'WAREHOUSE');
    const id = await file(t.fo, 'LOGISTIK');
    await walk(id, [
      [t.warehouse, 'IN_PROCESS'],
      [t.warehouse, 'INFORMATION_GIVEN'],
    ]);
    expect(await eventsOf(id, 3)).toEqual([
      { from: null, to: 'REGISTERED' },
      { from: 'REGISTERED', to: 'IN_PROCESS' },
      { from: 'IN_PROCESS', to: 'INFORMATION_GIVEN' },
    ]);
  });
});

describe('concurrent transitions', () => {
  it('apply one after the other: of two heads disposing at once, one wins and the other gets 409', async () => {
    const t = await team('19', 'FRONT_OFFICE', 'HEAD');
    const id = await file(t.fo, 'AUDIENSI');
    const head2 = await staff(sys, '19', ['HEAD']);
    const [a, b] = await Promise.all([
      t.head.post(`/api/v1/applications/${id}/transitions`, { to: 'DISPOSED' }),
      head2.post(`/api/v1/applications/${id}/transitions`, { to: 'DISPOSED' }),
    ]);
    expect([a.status, b.status].sort()).toEqual([201, 409]);
    expect((await historyOf(db, id)).map((h) => h.to_status)).toEqual(['REGISTERED', 'DISPOSED']);
  });
});

describe('the calendar', () => {
  it('holds the 2026 national holidays and cuti bersama; an admin adds and removes days, every change audited', async () => {
    const { admin, fo } = await team('35.75', 'ADMIN', 'FRONT_OFFICE');
    const y = await fo.get('/api/v1/calendar/2026/days');
    expect(y.status).toBe(200);
    expect(y.body).toMatchObject({ agencyCode: '35.75', year: 2026, timeZone: 'Asia/Jakarta' });
    const cuti = y.body.days.filter((d: any) => d.kind === 'CUTI_BERSAMA').map((d: any) => d.date);
    expect(cuti).toEqual(['2026-02-16', '2026-03-18', '2026-03-20', '2026-03-23', '2026-03-24', '2026-05-15', '2026-05-28', '2026-12-24']);
    expect(y.body.days.filter((d: any) => d.kind === 'NATIONAL_HOLIDAY')).toHaveLength(17);
    expect(y.body.days.find((d: any) => d.date === '2026-03-21')).toMatchObject({ kind: 'NATIONAL_HOLIDAY', source: 'SEED' });
    const count = y.body.workingDayCount;

    // a regional collective leave day
    expect((await fo.post('/api/v1/calendar/2027/days', { date: '2027-06-07', kind: 'CUTI_BERSAMA', name: 'Cuti bersama' })).status).toBe(
      403,
    );
    const added = await admin.post('/api/v1/calendar/2026/days', { date: '2026-08-18', kind: 'CUTI_BERSAMA', name: 'Cuti bersama HUT RI' });
    expect(added.status).toBe(201);
    expect(added.body).toMatchObject({ agencyCode: '35.75', date: '2026-08-18', source: 'ADMIN', createdBy: admin.username });
    expect((await admin.post('/api/v1/calendar/2026/days', { date: '2026-08-18', kind: 'CUTI_BERSAMA', name: 'again' })).status).toBe(409);
    expect(
      (await admin.post('/api/v1/calendar/2026/days', { date: '2027-01-05', kind: 'CUTI_BERSAMA', name: 'x' })).body.details[0].path,
    ).toBe('date');
    expect((await admin.post('/api/v1/calendar/2026/days', { date: '2026-02-30', kind: 'CUTI_BERSAMA', name: 'x' })).status).toBe(400);
    expect((await fo.get('/api/v1/calendar/2026/days')).body.workingDayCount).toBe(count - 1);
    // another agency's calendar is not this admin's
    expect(
      (await admin.post('/api/v1/calendar/2026/days', { date: '2026-08-19', kind: 'CUTI_BERSAMA', name: 'x', agencyCode: '33.04' })).status,
    ).toBe(403);

    const removed = await admin.request('DELETE', '/api/v1/calendar/2026/days/2026-08-18');
    expect(removed.status).toBe(200);
    expect(removed.body.removed.date).toBe('2026-08-18');
    expect((await admin.request('DELETE', '/api/v1/calendar/2026/days/2026-08-18')).status).toBe(404);
    expect((await fo.get('/api/v1/calendar/2026/days')).body.workingDayCount).toBe(count);

    const changes = await admin.get('/api/v1/calendar/2026/changes');
    expect(changes.body.items.slice(0, 2)).toEqual([
      expect.objectContaining({ action: 'REMOVED', date: '2026-08-18', actor: admin.username }),
      expect.objectContaining({ action: 'ADDED', date: '2026-08-18', actor: admin.username, kind: 'CUTI_BERSAMA' }),
    ]);
    expect((await fo.get('/api/v1/calendar/2026/changes')).status).toBe(403);
  });
});
