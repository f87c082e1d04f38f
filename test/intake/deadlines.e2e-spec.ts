// Deadlines on each agency's working-day calendar, with intake's clock set by SIGAP_CLOCK (a
// test database only): filings on Friday 20 March 2026 (cuti bersama before Idul Fitri, with
// more leave after it) and on 23 December 2026 (across Christmas and the new year), and the
// overdue sweep, run by two replicas at once, announcing each overdue application once.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type pg from 'pg';
import type { NatsConnection } from '@nats-io/transport-node';
import { Subjects } from '#contracts';
import { adminDb, eventually, natsAs, readStream, type RunningApp } from '#testing';
import { Api, startGateway, testAdminPassword } from '../gateway/support.js';
import { filing, intakeReplica, staff, startIntake, type IntakeSystem, type Staff } from './support.js';

const FRIDAY = '2026-03-20T09:00:00+07:00';
const BEFORE_CHRISTMAS = '2026-12-23T10:00:00+07:00';

let gateway: RunningApp;
let intakes: RunningApp[] = [];
let sys: IntakeSystem;
let db: pg.Client;
let nats: NatsConnection;
const fo: Record<string, Staff> = {};

async function stopIntakes() {
  await Promise.all(intakes.map((i) => i.stop()));
  intakes = [];
}

beforeAll(async () => {
  let first: RunningApp;
  [first, gateway, db, nats] = await Promise.all([startIntake({ SIGAP_CLOCK: FRIDAY }), startGateway(), adminDb(), natsAs('admin')]);
  intakes = [first];
  const anon = new Api(gateway.url);
  sys = { intake: first, gateway, anon, admin: await anon.session('admin', testAdminPassword()) };
  for (const a of ['33.04', '35.75', '19', '61.BKS', '61']) fo[a] = await staff(sys, a, ['FRONT_OFFICE']);
});

afterAll(async () => {
  await stopIntakes();
  await gateway?.stop();
  await Promise.all([nats?.close(), db?.end()]);
});

/** An instant as intake writes it: ISO-8601 in UTC. */
const at = (local: string) => new Date(local).toISOString();

describe('filed on Friday 20 March 2026, 09:00 WIB', () => {
  const ids: Record<string, string> = {};
  let walkInIds: string[] = [];

  it('BANSOS_REHSOS (5 working days) is due at the end of Tuesday 31 March: cuti bersama 20, 23, 24 March and Idul Fitri 21–22 March do not count', async () => {
    const r = await fo['35.75'].post('/api/v1/applications', filing('BANSOS_REHSOS'));
    expect(r.status).toBe(201);
    expect(r.body.dueAt).toBe(at('2026-03-31T23:59:59.999+07:00'));
    expect(r.body.ticketNumber).toMatch(/^BANSOS_REHSOS-35\.75-2026-\d{6}$/);
    ids.bansos = r.body.applicationId;
    const view = (await fo['35.75'].get(`/api/v1/applications/${r.body.applicationId}`)).body;
    expect(view.filedAt.slice(0, 16)).toBe(at(FRIDAY).slice(0, 16));
    expect(view.timeLeft.workingDays).toBe(5);
    expect(view.deadline).toEqual({ amount: 5, unit: 'WORKING_DAYS', label: { id: '5 hari kerja', en: '5 working days' } });
    const received = await eventually(async () => {
      const m = (await readStream(nats, 'SIGAP_INTAKE', Subjects.intakeApplicationReceived)).find(
        (x) => x.data.applicationId === r.body.applicationId,
      );
      expect(m).toBeDefined();
      return m!.data;
    });
    expect(received.dueAt).toBe(r.body.dueAt);
  });

  it("counts a cuti bersama an admin adds to the agency's calendar", async () => {
    const admin = await staff(sys, '35.75', ['ADMIN']);
    expect(
      (await admin.post('/api/v1/calendar/2026/days', { date: '2026-03-27', kind: 'CUTI_BERSAMA', name: 'Cuti bersama daerah' })).status,
    ).toBe(201);
    try {
      const r = await fo['35.75'].post('/api/v1/applications', filing('BANSOS_REHSOS'));
      expect(r.body.dueAt).toBe(at('2026-04-01T23:59:59.999+07:00'));
      // another agency's calendar is untouched
      const other = await fo['33.04'].get('/api/v1/calendar/2026/days');
      expect(other.body.days.map((d: any) => d.date)).not.toContain('2026-03-27');
    } finally {
      expect((await admin.request('DELETE', '/api/v1/calendar/2026/days/2026-03-27')).status).toBe(200);
    }
  });

  it('SANTUNAN_ANAK (3 months), AUDIENSI (1 day; 30 minutes walk-in), DATA_INFO (3 days), LOGISTIK (the same day)', async () => {
    const post = async (agency: string, body: Record<string, unknown>) => {
      const r = await fo[agency].post('/api/v1/applications', body);
      expect(r.status).toBe(201);
      return r.body;
    };
    expect((await post('33.04', filing('SANTUNAN_ANAK'))).dueAt).toBe(at('2026-06-20T23:59:59.999+07:00'));
    expect((await post('19', filing('AUDIENSI'))).dueAt).toBe(at('2026-03-21T23:59:59.999+07:00'));
    const walkIn = await post('19', filing('AUDIENSI', { channel: 'WALK_IN' }));
    const due = new Date(walkIn.dueAt).getTime() - new Date(at(FRIDAY)).getTime();
    expect(due).toBeGreaterThanOrEqual(30 * 60_000);
    expect(due).toBeLessThan(31 * 60_000);
    expect((await post('61.BKS', filing('DATA_INFO'))).dueAt).toBe(at('2026-03-23T23:59:59.999+07:00'));
    expect((await post('61', filing('LOGISTIK'))).dueAt).toBe(at('2026-03-20T23:59:59.999+07:00'));

    const pub = await sys.anon.get(`/api/v1/public/status/${walkIn.ticketNumber}`);
    expect(pub.body).toMatchObject({
      dueAt: walkIn.dueAt,
      deadline: { amount: 30, unit: 'MINUTES', label: { id: 'Datang langsung, mendesak: 30 menit' } },
      overdue: false,
    });
    expect(pub.body.timeLeft.milliseconds).toBeGreaterThan(25 * 60_000);
  });

  it('files the walk-ins and a handed-over request the overdue sweep will look at', async () => {
    const walkIns = await Promise.all(
      Array.from({ length: 20 }, () => fo['19'].post('/api/v1/applications', filing('AUDIENSI', { channel: 'WALK_IN' }))),
    );
    walkInIds = walkIns.map((r) => r.body.applicationId);
    const done = (await fo['61.BKS'].post('/api/v1/applications', filing('DATA_INFO'))).body.applicationId;
    expect((await fo['61.BKS'].post(`/api/v1/applications/${done}/transitions`, { to: 'DATA_HANDED_OVER' })).status).toBe(201);
    ids.done = done;
    // the clock says 09:00: nothing of this is overdue yet
    const { rows } = await db.query(
      `SELECT count(*)::int AS n FROM intake.applications WHERE id = ANY($1::uuid[]) AND overdue_at IS NOT NULL`,
      [[...walkInIds, done, ids.bansos]],
    );
    expect(rows[0].n).toBe(0);
  });

  describe('on 23 December 2026, with two intake replicas', () => {
    beforeAll(async () => {
      await stopIntakes();
      intakes = await Promise.all([
        intakeReplica(1, { SIGAP_CLOCK: BEFORE_CHRISTMAS }),
        intakeReplica(2, { SIGAP_CLOCK: BEFORE_CHRISTMAS }),
      ]);
    });

    it('flags every application past its due time and says so once, whichever replica sweeps', async () => {
      const watched = [...walkInIds, ids.bansos];
      await eventually(async () => {
        const { rows } = await db.query(
          `SELECT count(*)::int AS n FROM intake.applications WHERE id = ANY($1::uuid[]) AND overdue_at IS NOT NULL`,
          [watched],
        );
        expect(rows[0].n).toBe(watched.length);
      });
      // a few more sweeps of both replicas: nothing is said twice
      await new Promise((r) => setTimeout(r, 1000));
      const events = (await readStream(nats, 'SIGAP_INTAKE', Subjects.intakeApplicationOverdue)).filter((m) =>
        watched.includes(m.data.applicationId),
      );
      expect(events).toHaveLength(watched.length);
      expect(new Set(events.map((e) => e.data.applicationId)).size).toBe(watched.length);
      expect(events.find((e) => e.data.applicationId === ids.bansos)!.data).toMatchObject({
        agencyCode: '35.75',
        serviceCode: 'BANSOS_REHSOS',
        status: 'REGISTERED',
        dueAt: at('2026-03-31T23:59:59.999+07:00'),
        flaggedAt: expect.stringMatching(/^2026-12-23T03:0/),
      });
      // a met deadline is never overdue
      const { rows } = await db.query(`SELECT overdue_at FROM intake.applications WHERE id = $1`, [ids.done]);
      expect(rows[0].overdue_at).toBeNull();
    });

    it('marks them overdue in the queue, most overdue first, and on the public status page', async () => {
      const q = await fo['19'].get('/api/v1/applications?overdue=true&serviceCode=AUDIENSI&limit=200');
      const mine = q.body.items.filter((i: any) => walkInIds.includes(i.applicationId));
      expect(mine).toHaveLength(20);
      for (const i of mine) {
        expect(i).toMatchObject({ overdue: true, open: true, overdueFlaggedAt: expect.any(String) });
        expect(i.timeLeft.milliseconds).toBeLessThan(0);
        expect(i.timeLeft.workingDays).toBeLessThan(-100);
      }
      const view = (await fo['35.75'].get(`/api/v1/applications/${ids.bansos}`)).body;
      expect(view).toMatchObject({ overdue: true, open: true });
      const pub = await sys.anon.get(`/api/v1/public/status/${view.ticketNumber}`);
      expect(pub.body).toMatchObject({ overdue: true, open: true });
    });

    it('counts across Christmas and the new year: filed 23 December, 5 working days → Monday 4 January 2027', async () => {
      const r = await fo['35.75'].post('/api/v1/applications', filing('BANSOS_REHSOS'));
      expect(r.body.dueAt).toBe(at('2027-01-04T23:59:59.999+07:00'));
      expect(r.body.ticketNumber).toMatch(/^BANSOS_REHSOS-35\.75-2026-/);
    });
  });
});
