// Issue 12, intake's side: an assistance application moves from verification's decision on only
// by the services doing the work. Disbursement's events (published here as the disbursement
// service's own NATS user) walk it VERIFIED → PROPOSED → DECREED → DISBURSING → HANDED_OVER, back
// to VERIFIED when the head returns a proposal, out as NOT_PAID when it can never be paid — in
// any order, any number of times — and the citizen's status page shows it, Pasuruan's 5 working
// days ending with the proposal. Staff trying those steps by hand are refused.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import type { NatsConnection } from '@nats-io/transport-node';
import { Rpc, Subjects } from '#contracts';
import { adminDb, eventually, natsAs, publishEvent, readStream } from '#testing';
import { filing, historyOf, natsAsService, staff, startIntakeSystem, type IntakeSystem, type Staff } from './support.js';

let sys: IntakeSystem;
let db: pg.Client;
let admin: NatsConnection;
let disbursement: NatsConnection;
let fo: Staff;
let head: Staff;

beforeAll(async () => {
  [sys, db, admin, disbursement] = await Promise.all([startIntakeSystem(), adminDb(), natsAs('admin'), natsAsService('disbursement')]);
  [fo, head] = await Promise.all([staff(sys, '35.75', ['FRONT_OFFICE']), staff(sys, '35.75', ['HEAD', 'VERIFIER', 'FINANCE'])]);
  // intake's own start waits up to 90 s on a loaded machine (support.ts)
}, 150_000);

afterAll(async () => {
  if (process.env.SIGAP_TEST_SHOW_OUTPUT) console.log(sys?.intake.output().slice(-20000));
  await Promise.all([sys?.intake.stop(), sys?.gateway.stop()]);
  await Promise.all([admin?.close(), disbursement?.close(), db?.end()]);
});

const AGENCY = '35.75';
const SERVICE = 'BANSOS_REHSOS';
const iso = (minutesAgo = 0) => new Date(Date.now() - minutesAgo * 60_000).toISOString();
const envelope = () => ({ eventId: randomUUID(), occurredAt: iso(), correlationId: randomUUID() });

const ev = {
  proposed: (ids: string[], proposalId = randomUUID(), submittedAt = iso()) => ({
    ...envelope(),
    proposalId,
    agencyCode: AGENCY,
    serviceCode: SERVICE,
    fiscalYear: 2026,
    submittedAt,
    part: 1,
    parts: 1,
    applicationIds: ids,
  }),
  returned: (ids: string[], proposalId: string, returnedAt = iso()) => ({
    ...envelope(),
    proposalId,
    agencyCode: AGENCY,
    serviceCode: SERVICE,
    reason: 'Anggaran belum tersedia, usulkan kembali triwulan III',
    returnedAt,
    part: 1,
    parts: 1,
    applicationIds: ids,
  }),
  decreed: (ids: string[], decreeNumber = '460/117/423.109/2026', proposalId = randomUUID()) => ({
    ...envelope(),
    decreeId: randomUUID(),
    proposalId,
    agencyCode: AGENCY,
    serviceCode: SERVICE,
    fiscalYear: 2026,
    decreeNumber,
    decreeDate: '2026-11-30',
    signatory: 'Walikota Pasuruan',
    totalAmount: String(1500000 * ids.length),
    part: 1,
    parts: 1,
    recipients: ids.map((applicationId) => ({ applicationId, amount: '1500000' })),
  }),
  paid: (applicationId: string, decreeNumber = '460/117/423.109/2026') => ({
    ...envelope(),
    agencyCode: AGENCY,
    applicationId,
    serviceCode: SERVICE,
    fiscalYear: 2026,
    amount: '1500000',
    decreeNumber,
    sp2dNumber: 'SP2D-0912/2026',
    paidAt: iso(),
  }),
  failed: (applicationId: string, final: boolean, decreeNumber = '460/117/423.109/2026') => ({
    ...envelope(),
    agencyCode: AGENCY,
    applicationId,
    serviceCode: SERVICE,
    decreeNumber,
    final,
    failedAt: iso(),
    reason: 'Rekening Bank Jatim atas nama penerima ditutup; penerima pindah ke luar kota',
    publicReason: final ? 'Bantuan tidak dapat disalurkan karena penerima tidak lagi berdomisili di Kota Pasuruan.' : null,
  }),
  handedOver: (applicationId: string, bastNumber = `BAST-${randomUUID().slice(0, 8)}`) => ({
    ...envelope(),
    agencyCode: AGENCY,
    applicationId,
    serviceCode: SERVICE,
    decreeNumber: '460/117/423.109/2026',
    bastNumber,
    handedOverAt: iso(),
    place: 'Kantor Kelurahan Purworejo',
  }),
};

const publish = (subject: string, payload: Record<string, unknown>) => publishEvent(disbursement, subject, payload);

/** The answer of a Nest request-reply (`{ response }`, the value itself under `data` where the service wraps it). */
function answer(msg: { json: <T>() => T }): any {
  const { response } = msg.json<{ response: any }>();
  return response && typeof response === 'object' && 'data' in response && !('applicationId' in response) ? response.data : response;
}

/** A filed BANSOS_REHSOS application: its id and ticket. */
async function file(over: Record<string, unknown> = {}): Promise<{ id: string; ticket: string }> {
  const r = await fo.post('/api/v1/applications', filing(SERVICE, over));
  expect(r.status).toBe(201);
  return { id: r.body.applicationId, ticket: r.body.ticketNumber };
}

/** Verification's decision (as the lifecycle's tests publish it). */
async function verified(id: string) {
  await publishEvent(admin, Subjects.verificationCaseDecided, {
    eventId: randomUUID(),
    occurredAt: iso(),
    caseId: randomUUID(),
    applicationId: id,
    agencyCode: AGENCY,
    outcome: 'VERIFIED',
    reason: 'Layak',
    publicReason: 'Hasil verifikasi: memenuhi syarat.',
  });
  await statusIs(id, 'VERIFIED');
}

const statusOf = async (id: string) => (await fo.get(`/api/v1/applications/${id}`)).body.status as string;
const statusIs = (id: string, status: string) => eventually(async () => expect(await statusOf(id)).toBe(status));
const publicStatus = async (ticket: string) => {
  const r = await sys.anon.get(`/api/v1/public/status/${ticket}`);
  expect(r.status).toBe(200);
  return r.body;
};

/**
 * Publishes a sentinel on the same durable and waits for its effect on another application: the
 * consumer handles its subject in order, so whatever was published before has been handled.
 */
async function settled(
  subject: string,
  make: (id: string) => Record<string, unknown>,
  to: string,
  prepare?: (id: string) => Promise<void>,
) {
  const s = await file();
  await verified(s.id);
  if (prepare) await prepare(s.id);
  await publish(subject, make(s.id));
  await statusIs(s.id, to);
}

describe('the path of an application through disbursement', () => {
  it('walks VERIFIED → PROPOSED → DECREED → DISBURSING → HANDED_OVER; the citizen sees the deadline end with the proposal', async () => {
    const { id, ticket } = await file();
    await verified(id);
    const before = await publicStatus(ticket);
    expect(before).toMatchObject({ status: 'VERIFIED', open: true, deadlineEndsWith: { status: 'PROPOSED' } });

    const proposalId = randomUUID();
    await publish(Subjects.disbursementProposalSubmitted, ev.proposed([id], proposalId));
    await statusIs(id, 'PROPOSED');
    const proposed = await publicStatus(ticket);
    // the 5 working days end with the proposal: the clock stops, nothing is late while the decree is prepared
    expect(proposed).toMatchObject({ status: 'PROPOSED', open: false, closed: false, overdue: false, timeLeft: null });
    const state = (v: any) => Object.fromEntries(v.steps.map((s: any) => [s.status, [s.state, s.afterDeadline]]));
    expect(state(proposed)).toEqual({
      REGISTERED: ['DONE', false],
      IN_VERIFICATION: ['DONE', false],
      VERIFIED: ['DONE', false],
      PROPOSED: ['CURRENT', false],
      DECREED: ['UPCOMING', true],
      DISBURSING: ['UPCOMING', true],
      HANDED_OVER: ['UPCOMING', true],
    });

    await publish(Subjects.disbursementDecreeIssued, ev.decreed([id], '460/117/423.109/2026', proposalId));
    await statusIs(id, 'DECREED');
    await publish(Subjects.disbursementRecipientPaid, ev.paid(id));
    await statusIs(id, 'DISBURSING');
    await publish(Subjects.disbursementRecipientHandedOver, ev.handedOver(id, 'BAST-017/2026'));
    await statusIs(id, 'HANDED_OVER');

    const done = await publicStatus(ticket);
    expect(done).toMatchObject({ status: 'HANDED_OVER', closed: true });
    expect(done.steps.every((s: any) => s.state === 'DONE' || s.state === 'CURRENT')).toBe(true);
    const path = ['REGISTERED', 'IN_VERIFICATION', 'VERIFIED', 'PROPOSED', 'DECREED', 'DISBURSING', 'HANDED_OVER'];
    expect(done.timeline.map((e: any) => e.status)).toEqual(path);
    expect(done.timeline.find((e: any) => e.status === 'DECREED').note).toBe(
      'Ditetapkan sebagai penerima dalam SK Nomor 460/117/423.109/2026 tanggal 2026-11-30.',
    );
    // the citizen's page names no officer, no SP2D, no BAST (the bank is in the standard's own words)
    expect(JSON.stringify(done)).not.toMatch(/system:|SP2D|BAST-017|Rekening/);

    const history = await historyOf(db, id);
    expect(history.map((h) => h.to_status)).toEqual(path);
    expect(history.slice(3).map((h) => h.actor)).toEqual(Array(4).fill('system:disbursement'));
    expect(history[5].reason).toContain('SP2D-0912/2026');
    expect(history[6].reason).toContain('BAST-017/2026');
    const changes = await eventually(async () => {
      const all = (await readStream(admin, 'SIGAP_INTAKE', Subjects.intakeApplicationStatusChanged)).filter(
        (m) => m.data.applicationId === id,
      );
      expect(all).toHaveLength(7);
      return all.map((m) => m.data);
    });
    expect(changes.slice(3).map((c) => [c.from, c.to, c.actor])).toEqual([
      ['VERIFIED', 'PROPOSED', 'system:disbursement'],
      ['PROPOSED', 'DECREED', 'system:disbursement'],
      ['DECREED', 'DISBURSING', 'system:disbursement'],
      ['DISBURSING', 'HANDED_OVER', 'system:disbursement'],
    ]);
    expect(changes.every((c) => !/SP2D|BAST-017/.test(String(c.reason)))).toBe(true);
  });

  it('goes back to VERIFIED when the head returns the proposal (the head’s note stays inside), and is proposed again', async () => {
    const { id, ticket } = await file();
    await verified(id);
    const first = randomUUID();
    await publish(Subjects.disbursementProposalSubmitted, ev.proposed([id], first, iso(10)));
    await statusIs(id, 'PROPOSED');
    const returned = ev.returned([id], first, iso(5));
    await publish(Subjects.disbursementProposalReturned, returned);
    await statusIs(id, 'VERIFIED');
    const page = await publicStatus(ticket);
    expect(page.timeline.at(-1)).toMatchObject({ status: 'VERIFIED', note: 'Usulan dikembalikan untuk ditinjau kembali.' });
    expect(JSON.stringify(page)).not.toContain('Anggaran belum tersedia');
    expect((await historyOf(db, id)).at(-1)!.reason).toContain('Anggaran belum tersedia');

    await publish(Subjects.disbursementProposalSubmitted, ev.proposed([id], randomUUID(), iso(1)));
    await statusIs(id, 'PROPOSED');
    // the same return again, under a new eventId, is not a second return
    await publish(Subjects.disbursementProposalReturned, { ...returned, eventId: randomUUID() });
    const sentinel = randomUUID();
    await settled(
      Subjects.disbursementProposalReturned,
      (x) => ev.returned([x], sentinel),
      'VERIFIED',
      async (x) => {
        await publish(Subjects.disbursementProposalSubmitted, ev.proposed([x], sentinel, iso(2)));
        await statusIs(x, 'PROPOSED');
      },
    );
    expect(await statusOf(id)).toBe('PROPOSED');
    expect((await historyOf(db, id)).map((h) => h.to_status).slice(2)).toEqual(['VERIFIED', 'PROPOSED', 'VERIFIED', 'PROPOSED']);
  });

  it('leaves as NOT_PAID, with the public reason, when a recipient can never be paid; a failure to correct leaves it DECREED', async () => {
    const { id, ticket } = await file();
    await verified(id);
    await publish(Subjects.disbursementProposalSubmitted, ev.proposed([id]));
    await publish(Subjects.disbursementDecreeIssued, ev.decreed([id]));
    await statusIs(id, 'DECREED');
    await publish(Subjects.disbursementRecipientFailed, ev.failed(id, false));
    await settled(Subjects.disbursementRecipientFailed, (x) => ev.failed(x, true), 'NOT_PAID');
    expect(await statusOf(id)).toBe('DECREED');

    await publish(Subjects.disbursementRecipientFailed, ev.failed(id, true));
    await statusIs(id, 'NOT_PAID');
    const page = await publicStatus(ticket);
    expect(page).toMatchObject({ status: 'NOT_PAID', statusName: { id: 'Tidak dapat disalurkan' }, closed: true });
    expect(page.timeline.at(-1).note).toBe('Bantuan tidak dapat disalurkan karena penerima tidak lagi berdomisili di Kota Pasuruan.');
    expect(JSON.stringify(page)).not.toContain('Rekening');
    // a late payment or handover changes nothing: NOT_PAID is final
    await publish(Subjects.disbursementRecipientHandedOver, ev.handedOver(id));
    await settled(Subjects.disbursementRecipientHandedOver, (x) => ev.handedOver(x), 'HANDED_OVER');
    expect(await statusOf(id)).toBe('NOT_PAID');
  });
});

describe('events out of order, twice, or for someone else', () => {
  it('a payment heard while the application is still VERIFIED implies the proposal and the decree; the late ones change nothing', async () => {
    const { id } = await file();
    await verified(id);
    const paid = ev.paid(id);
    await publish(Subjects.disbursementRecipientPaid, paid);
    await statusIs(id, 'DISBURSING');
    let history = await historyOf(db, id);
    expect(history.map((h) => h.to_status).slice(2)).toEqual(['VERIFIED', 'PROPOSED', 'DECREED', 'DISBURSING']);
    expect(history[4].reason).toContain('implied');

    // the late proposal and decree, the same payment redelivered and under a new eventId
    await publish(Subjects.disbursementProposalSubmitted, ev.proposed([id]));
    await publish(Subjects.disbursementDecreeIssued, ev.decreed([id]));
    await publishEvent(disbursement, Subjects.disbursementRecipientPaid, paid);
    await publish(Subjects.disbursementRecipientPaid, { ...paid, eventId: randomUUID() });
    await settled(Subjects.disbursementProposalSubmitted, (x) => ev.proposed([x]), 'PROPOSED');
    await settled(Subjects.disbursementDecreeIssued, (x) => ev.decreed([x]), 'DECREED');
    await settled(Subjects.disbursementRecipientPaid, (x) => ev.paid(x), 'DISBURSING');
    history = await historyOf(db, id);
    expect(history).toHaveLength(6);
    expect(await statusOf(id)).toBe('DISBURSING');
  });

  it('a handover heard while the application is PROPOSED walks the rest of the path', async () => {
    const { id } = await file();
    await verified(id);
    await publish(Subjects.disbursementProposalSubmitted, ev.proposed([id]));
    await statusIs(id, 'PROPOSED');
    await publish(Subjects.disbursementRecipientHandedOver, ev.handedOver(id));
    await statusIs(id, 'HANDED_OVER');
    expect((await historyOf(db, id)).map((h) => h.to_status).slice(3)).toEqual(['PROPOSED', 'DECREED', 'DISBURSING', 'HANDED_OVER']);
  });

  it('a proposal heard before verification’s decision takes effect once the decision comes', async () => {
    const { id } = await file();
    await publish(Subjects.disbursementProposalSubmitted, ev.proposed([id]));
    await settled(Subjects.disbursementProposalSubmitted, (x) => ev.proposed([x]), 'PROPOSED');
    expect(await statusOf(id)).toBe('REGISTERED');
    await publishEvent(admin, Subjects.verificationCaseDecided, {
      eventId: randomUUID(),
      occurredAt: iso(),
      caseId: randomUUID(),
      applicationId: id,
      agencyCode: AGENCY,
      outcome: 'VERIFIED',
    });
    await statusIs(id, 'PROPOSED');
    expect((await historyOf(db, id)).map((h) => h.to_status)).toEqual(['REGISTERED', 'IN_VERIFICATION', 'VERIFIED', 'PROPOSED']);
  });

  it('moves nothing for an application of another agency or another service, or a withdrawn one', async () => {
    const { id } = await file();
    await verified(id);
    await publish(Subjects.disbursementProposalSubmitted, { ...ev.proposed([id]), agencyCode: '33.04' });
    await publish(Subjects.disbursementProposalSubmitted, { ...ev.proposed([id]), serviceCode: 'SANTUNAN_ANAK' });
    const w = await file();
    await verified(w.id);
    const withdrawn = await fo.post(`/api/v1/applications/${w.id}/transitions`, { to: 'WITHDRAWN', reason: 'Pemohon pindah domisili' });
    expect(withdrawn.status).toBe(201);
    await publish(Subjects.disbursementProposalSubmitted, ev.proposed([w.id]));
    await settled(Subjects.disbursementProposalSubmitted, (x) => ev.proposed([x]), 'PROPOSED');
    expect(await statusOf(id)).toBe('VERIFIED');
    expect(await statusOf(w.id)).toBe('WITHDRAWN');
  });
});

describe('steps only the services make', () => {
  it('are refused to staff with 403 INTAKE_TRANSITION_RESERVED, whatever their roles', async () => {
    const { id } = await file();
    await publishEvent(admin, Subjects.verificationCaseOpened, {
      eventId: randomUUID(),
      occurredAt: iso(),
      caseId: randomUUID(),
      applicationId: id,
      agencyCode: AGENCY,
    });
    await statusIs(id, 'IN_VERIFICATION');
    const tryTo = async (to: string) => head.post(`/api/v1/applications/${id}/transitions`, { to, reason: 'dipercepat' });
    for (const to of ['VERIFIED', 'REJECTED']) {
      const r = await tryTo(to);
      expect(r.status).toBe(403);
      expect(r.body).toMatchObject({
        statusCode: 403,
        code: 'INTAKE_TRANSITION_RESERVED',
        details: [{ path: 'to', message: expect.stringContaining('verification') }],
      });
    }
    await verified(id);
    expect((await head.get(`/api/v1/applications/${id}`)).body.nextTransitions.map((n: any) => n.to)).toEqual(['REJECTED']);
    const propose = await tryTo('PROPOSED');
    expect(propose.status).toBe(403);
    expect(propose.body.code).toBe('INTAKE_TRANSITION_RESERVED');
    await publish(Subjects.disbursementProposalSubmitted, ev.proposed([id]));
    await statusIs(id, 'PROPOSED');
    for (const to of ['DECREED', 'VERIFIED']) expect((await tryTo(to)).body.code).toBe('INTAKE_TRANSITION_RESERVED');
    // held by a proposal: no more withdrawing or rejecting by hand (the head returns it first)
    expect((await fo.post(`/api/v1/applications/${id}/transitions`, { to: 'WITHDRAWN', reason: 'x' })).status).toBe(409);
    expect((await historyOf(db, id)).map((h) => h.actor).filter((a) => !a.startsWith('system:'))).toEqual([fo.username]);
  });
});

describe('the dossier for disbursement', () => {
  it('is answered to the disbursement service with the ticket, address, phone and status; outside systems cannot ask', async () => {
    const { id, ticket } = await file({
      applicant: { ...filing(SERVICE).applicant, address: 'Jl. Hayam Wuruk 12 RT 01 RW 04', phone: '081331234567' },
    });
    const msg = await disbursement.request(
      Rpc.intake.applicationDossiers,
      JSON.stringify({ pattern: Rpc.intake.applicationDossiers, data: { applicationIds: [id] }, id: randomUUID() }),
      { timeout: 5000 },
    );
    const [dossier] = answer(msg);
    expect(dossier).toMatchObject({
      applicationId: id,
      ticketNumber: ticket,
      agencyCode: AGENCY,
      serviceCode: SERVICE,
      status: 'REGISTERED',
      standardVersion: expect.any(Number),
      applicant: { address: 'Jl. Hayam Wuruk 12 RT 01 RW 04', phone: '081331234567', nik: expect.stringMatching(/^\d{16}$/) },
    });
    const ext = await natsAs('ext');
    try {
      await expect(
        ext.request(
          Rpc.intake.applicationDossiers,
          JSON.stringify({ pattern: Rpc.intake.applicationDossiers, data: { applicationIds: [id] }, id: randomUUID() }),
          { timeout: 1500 },
        ),
      ).rejects.toThrow();
    } finally {
      await ext.close();
    }
  });

  it('gives disbursement the standard with its benefit amount, unset until an admin sets it', async () => {
    const ask = async () => {
      const m = await disbursement.request(
        Rpc.intake.getStandard,
        JSON.stringify({ pattern: Rpc.intake.getStandard, data: { actor: null, agencyCode: AGENCY, code: SERVICE }, id: randomUUID() }),
        { timeout: 5000 },
      );
      return answer(m);
    };
    const std = await ask();
    // the seeds leave it unset; the catalog editor's test (test/dashboard) may have set it since
    expect(std).toMatchObject({ agencyCode: AGENCY, code: SERVICE, benefitAmount: { required: true } });
    expect(std.benefitAmount.set).toBe(std.benefitAmount.unset.length === 0);
    if (!std.benefitAmount.set) expect(std.benefit ?? null).toBeNull();
    const v1 = await disbursement.request(
      Rpc.intake.getStandard,
      JSON.stringify({
        pattern: Rpc.intake.getStandard,
        data: { actor: null, agencyCode: AGENCY, code: SERVICE, version: 1 },
        id: randomUUID(),
      }),
      { timeout: 5000 },
    );
    expect(answer(v1)).toMatchObject({ version: 1, benefitAmount: { set: false, amount: null } });
  });
});
