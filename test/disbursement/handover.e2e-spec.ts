// Issue 12's whole path, end to end, with every service real: an application filed at the front
// office (POST /api/v1/applications), decided by verification (rules, the Dinsos and kelurahan
// stages answered by two officers), proposed, approved, decreed, requested from the finance office,
// settled by the finance office as its own NATS user (finance-local), scheduled for its village
// with the lurah, handed over (BAST) — and the citizen's public status page showing each step,
// the village's schedule while the recipient waits for it, and HANDED_OVER at the end.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomInt } from 'node:crypto';
import type { NatsConnection } from '@nats-io/transport-node';
import { Subjects } from '#contracts';
import { eventually, natsAs, publishEvent, readStream, startApp, type RunningApp } from '#testing';
import { agencyAdmin, Api, startGateway } from '../gateway/support.js';
import { nik } from '../intake/support.js';
import { officer, settlement } from './support.js';

const AGENCY = '35.75';
const VILLAGE = '35.75.01.1001';
const AMOUNT = '1500000';
// a standard of this file's own (a copy of Pasuruan's BANSOS_REHSOS with its benefit amount set), so
// that no other file's standard changes: the seeded one stays without an amount
const CODE = `REHSOS_BAST${Array.from({ length: 3 }, () => String.fromCharCode(65 + randomInt(0, 26))).join('')}`;

let gateway: RunningApp;
let intake: RunningApp;
let verification: RunningApp;
let disbursement: RunningApp;
let nats: NatsConnection;
let finance: NatsConnection;
let admin: Api;
let fo: Api & { username: string };
let v1: Api & { username: string };
let v2: Api & { username: string };
let head: Api & { username: string };
let bendahara: Api & { username: string };

/** `YYYY-MM-DD` in WIB, `days` from today. */
function wibDate(days = 0): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Jakarta' }).format(new Date(Date.now() + days * 86_400_000));
}

beforeAll(async () => {
  [nats, finance] = await Promise.all([natsAs('admin'), natsAs('finance-local')]);
  // one after another: on a shared 2-core machine four Nest apps starting together take minutes
  gateway = await startGateway({}, 120000);
  intake = await startApp('intake', {}, 120000);
  verification = await startApp('verification', {}, 120000);
  disbursement = await startApp('disbursement', { DISBURSEMENT_DOSSIER_POLL_MS: '300', SIGAP_OUTBOX_POLL_MS: '200' }, 120000);
  admin = await agencyAdmin(gateway.url, AGENCY);
  [fo, v1, v2, head, bendahara] = await Promise.all([
    officer(gateway.url, AGENCY, ['FRONT_OFFICE']),
    officer(gateway.url, AGENCY, ['VERIFIER']),
    officer(gateway.url, AGENCY, ['VERIFIER']),
    officer(gateway.url, AGENCY, ['HEAD']),
    officer(gateway.url, AGENCY, ['FINANCE']),
  ]);
  const base = (await admin.get(`/api/v1/services/${AGENCY}/BANSOS_REHSOS`)).body;
  const {
    agencyCode: _a,
    agencyName: _n,
    version: _v,
    active: _x,
    deadlineLabel: _l,
    publishedAt: _p,
    benefitAmount: _b,
    benefit: _c,
    ...definition
  } = base;
  const created = await admin.post('/api/v1/services', {
    ...definition,
    code: CODE,
    agencyCode: AGENCY,
    benefit: { amount: AMOUNT },
    changeNote: 'Standar uji serah terima',
  });
  if (created.status !== 201) throw new Error(`standard: ${created.status} ${JSON.stringify(created.body)}`);
}, 600000);

afterAll(async () => {
  await Promise.all([gateway?.stop(), intake?.stop(), verification?.stop(), disbursement?.stop()]);
  await Promise.all([nats?.close(), finance?.close()]);
});

/**
 * Verification decides, as its officers would: each rule that needs review settled by a verifier,
 * each open field stage answered by an officer who answered none before (Dinsos, then the kelurahan).
 */
async function verifiedByVerification(applicationId: string) {
  const officers = [v1, v2];
  let visits = 0;
  return eventually(
    async () => {
      const r = await v1.get(`/api/v1/verification/applications/${applicationId}/case`);
      expect(r.status).toBe(200);
      const c = r.body;
      if (c.status === 'VERIFIED') return c;
      if (c.status === 'REJECTED') throw new Error(`verification rejected the application: ${c.reason}`);
      expect(c.history.map((h: { action: string }) => h.action)).toContain('ASSESSED');
      for (const rule of c.rules.filter((x: any) => x.outcome === 'NEEDS_REVIEW' && !x.settlement)) {
        const s = await v1.post(`/api/v1/verification/cases/${c.caseId}/rules/${rule.rule}/settlement`, {
          outcome: 'PASSED',
          reason: 'Terdaftar di data PMKS Kelurahan Purworejo 2026',
        });
        expect(s.status).toBe(200);
      }
      const open = c.tasks.find((t: { status: string }) => t.status === 'OPEN');
      if (open && visits < officers.length) {
        // the head assigns the stage to its officer: a task with no officer is not answered
        if (open.assignee !== officers[visits].username) {
          const a = await head.post(`/api/v1/verification/tasks/${open.taskId}/assign`, { assignee: officers[visits].username });
          expect(a.status).toBe(200);
        }
        const v = await officers[visits].post(`/api/v1/verification/tasks/${open.taskId}/visits`, {
          findings: 'Lansia hidup sendiri, rumah tidak layak huni',
          recommendation: 'ELIGIBLE',
          visitedAt: new Date(Date.now() - 60_000).toISOString(),
          latitude: -7.6453,
          longitude: 112.9075,
        });
        expect(v.status).toBe(201);
        visits++;
      }
      throw new Error(`the case is ${c.status}`);
    },
    { timeoutMs: 60000, intervalMs: 200 },
  );
}

describe('the application’s whole path, from filing to HANDED_OVER, on the public status page', () => {
  it('is filed, verified, decreed, paid by the finance office, scheduled with the lurah and handed over once', async () => {
    const started = Date.now();
    // filing at the front office
    const filed = await fo.post('/api/v1/applications', {
      agencyCode: AGENCY,
      serviceCode: CODE,
      channel: 'FRONT_OFFICE',
      applicant: {
        nik: nik('35.75.01', '1950-03-10', 'F'),
        kkNumber: `357501${String(randomInt(0, 10 ** 10)).padStart(10, '0')}`,
        name: 'Mbah Sarni Handayani',
        birthDate: '1950-03-10',
        sex: 'F',
        address: 'Jl. Pahlawan 3 RT 01 RW 02',
        villageCode: VILLAGE,
        phone: '081234567891',
      },
      targetGroup: 'LANSIA',
      documents: [{ type: 'KTP' }, { type: 'KK' }],
    });
    expect(filed.status).toBe(201);
    expect(filed.body.status).toBe('REGISTERED');
    const { applicationId, ticketNumber } = filed.body as { applicationId: string; ticketNumber: string };
    const publicStatus = async () => {
      const r = await new Api(gateway.url).get(`/api/v1/public/status/${ticketNumber}`);
      expect(r.status).toBe(200);
      return r.body;
    };
    const statusIs = (status: string) => eventually(async () => expect((await publicStatus()).status).toBe(status), { timeoutMs: 30000 });

    // verification decides
    await verifiedByVerification(applicationId);
    await statusIs('VERIFIED');

    // the pool, a proposal against a budget line, the head's approval, the decree
    await eventually(
      async () => {
        const r = await fo.get(`/api/v1/disbursement/pool?serviceCode=${CODE}`);
        expect(r.body.items).toEqual([expect.objectContaining({ applicationId, dossierReady: true, villageCode: VILLAGE })]);
      },
      { timeoutMs: 30000 },
    );
    const line = await admin.post('/api/v1/disbursement/budget-lines', {
      agencyCode: AGENCY,
      fiscalYear: Number(wibDate().slice(0, 4)),
      source: 'APBD',
      serviceCode: CODE,
      name: 'Bansos Rehabilitasi Sosial (uji serah terima)',
      ceiling: '45000000',
    });
    expect(line.status).toBe(201);
    const proposal = await fo.post('/api/v1/disbursement/proposals', {
      agencyCode: AGENCY,
      budgetLineId: line.body.id,
      applicationIds: [applicationId],
    });
    expect(proposal.status).toBe(201);
    expect(proposal.body).toMatchObject({ total: AMOUNT, count: 1 });
    expect((await fo.post(`/api/v1/disbursement/proposals/${proposal.body.id}/submit`)).status).toBe(200);
    await statusIs('PROPOSED');
    expect((await head.post(`/api/v1/disbursement/proposals/${proposal.body.id}/approve`)).status).toBe(200);
    const decreeDate = wibDate();
    const decree = await head.post(`/api/v1/disbursement/proposals/${proposal.body.id}/decree`, {
      decreeNumber: `460/${randomInt(100, 999)}/423.109/${decreeDate.slice(0, 4)}`,
      decreeDate,
      signatory: 'Wali Kota Pasuruan',
    });
    expect(decree.status).toBe(201);
    const decreeId = decree.body.id as string;
    await statusIs('DECREED');

    // the treasurer requests it; nothing is handed over before the finance office pays
    const request = await bendahara.post(`/api/v1/disbursement/decrees/${decreeId}/requests`);
    expect(request.status).toBe(201);
    // the field officer's own record of the moment, sent again as it was on a retry
    const handedOverAt = new Date(Date.now() - 1000).toISOString().replace('Z', '+00:00');
    const handover = (over: Record<string, unknown> = {}, headers?: Record<string, string>, as: Api = v1) =>
      as.post(
        `/api/v1/disbursement/decrees/${decreeId}/recipients/${applicationId}/handover`,
        {
          handedOverAt,
          place: 'Kantor Kelurahan Purworejo',
          receivedBy: 'Mbah Sarni Handayani',
          signatureRef: `bast/${decreeId}/ttd-${applicationId}.png`,
          photoRef: `bast/${decreeId}/foto-${applicationId}.jpg`,
          ...over,
        },
        headers,
      );
    const early = await handover();
    expect(early.status).toBe(409);
    expect(early.body).toMatchObject({
      code: 'DISBURSEMENT_RECIPIENT_WRONG_STATUS',
      details: [{ path: 'status', message: expect.stringMatching(/^is REQUESTED/) }],
    });

    // the finance office pays, as its own NATS user
    await publishEvent(
      finance,
      Subjects.extFinanceDisbursementSettled,
      settlement(request.body.requestId, { sp2dNumber: 'SP2D-0917/2026' }),
    );
    await eventually(
      async () =>
        expect((await fo.get(`/api/v1/disbursement/decrees/${decreeId}`)).body.recipients).toEqual([
          expect.objectContaining({ applicationId, status: 'PAID', sp2dNumber: 'SP2D-0917/2026' }),
        ]),
      { timeoutMs: 30000 },
    );
    await statusIs('DISBURSING');

    // the schedule for the village, arranged with the lurah: checked, versioned, audited
    const url = `/api/v1/disbursement/decrees/${decreeId}/schedule`;
    const entry = {
      villageCode: VILLAGE,
      place: 'Balai Kelurahan Purworejo, Jl. Hayam Wuruk 5',
      date: wibDate(7),
      startTime: '09:00',
      endTime: '12:00',
      lurahName: 'Drs. Bambang Sutejo',
      lurahNote: 'Disepakati lewat surat 005/112/2026',
    };
    const empty = await fo.get(url);
    expect(empty.body).toMatchObject({ version: 0, entries: [], unscheduled: [{ villageCode: VILLAGE, recipients: 1 }] });
    const bad = await v2.put(url, {
      version: 0,
      entries: [
        { ...entry, date: '2020-01-01', endTime: '08:00' },
        { ...entry, villageCode: '35.75.02.2001', startTime: '25:00' },
      ],
    });
    expect(bad.status).toBe(400);
    expect(bad.body.details.map((d: { path: string }) => d.path)).toEqual(['entries[1].startTime']);
    const rules = await v2.put(url, {
      version: 0,
      entries: [
        { ...entry, date: '2020-01-01', endTime: '08:00' },
        { ...entry, villageCode: '35.75.02.2001' },
      ],
    });
    expect(rules.status).toBe(400);
    expect(rules.body.details.map((d: { path: string }) => d.path)).toEqual([
      'entries[0].date',
      'entries[0].endTime',
      'entries[1].villageCode',
    ]);
    expect((await fo.put(url, { version: 0, entries: [entry] })).status).toBe(403);
    const saved = await v2.put(url, { version: 0, entries: [{ ...entry, startTime: '08:00' }], reason: 'Jadwal awal' });
    expect(saved.status).toBe(200);
    const stale = await v2.put(url, { version: 0, entries: [entry] });
    expect(stale.status).toBe(409);
    expect(stale.body).toMatchObject({ code: 'DISBURSEMENT_SCHEDULE_CHANGED', details: [{ path: 'version' }] });
    const moved = await v2.put(url, { version: 1, entries: [entry], reason: 'Mundur satu jam atas permintaan lurah' });
    expect(moved.status).toBe(200);
    expect(moved.body).toMatchObject({
      version: 2,
      updatedBy: v2.username,
      entries: [{ ...entry, recipients: 1 }],
      unscheduled: [],
    });
    expect(moved.body.history.map((h: any) => [h.version, h.entries[0].startTime, h.reason])).toEqual([
      [2, '09:00', 'Mundur satu jam atas permintaan lurah'],
      [1, '08:00', 'Jadwal awal'],
    ]);

    // the citizen reads where and when, and nothing about anyone
    const waiting = await publicStatus();
    expect(waiting.distribution).toEqual({
      place: entry.place,
      date: entry.date,
      startTime: '09:00',
      endTime: '12:00',
      label: {
        id: `Penyaluran: ${entry.place}, ${entry.date} 09:00–12:00`,
        en: `Distribution: ${entry.place}, ${entry.date} 09:00–12:00`,
      },
    });
    expect(JSON.stringify(waiting)).not.toMatch(/Bambang|Sarni|005\/112/);

    // the handover (BAST): by a field officer, not the front office; once
    expect((await handover({}, undefined, fo)).status).toBe(403);
    const future = await handover({ handedOverAt: new Date(Date.now() + 3_600_000).toISOString() });
    expect(future.status).toBe(400);
    expect(future.body.details).toEqual([{ path: 'handedOverAt', message: 'must not be in the future' }]);
    const key = { 'Idempotency-Key': `bast-${applicationId}` };
    const first = await handover({}, key);
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({
      bastNumber: expect.stringMatching(/^BAST\/35\.75\/\d{4}\/\d{6}$/),
      decreeId,
      applicationId,
      ticketNumber,
      recipientName: 'Mbah Sarni Handayani',
      amount: AMOUNT,
      sp2dNumber: 'SP2D-0917/2026',
      place: 'Kantor Kelurahan Purworejo',
      receivedBy: 'Mbah Sarni Handayani',
      representative: false,
      officer: v1.username,
    });
    const replayed = await handover({}, key);
    expect(replayed.status).toBe(201);
    expect(replayed.headers.get('idempotent-replayed')).toBe('true');
    expect(replayed.body).toEqual(first.body);
    // the same body without the key, sent by the other officer's phone: the same BAST
    const again = await handover({ handedOverAt: first.body.handedOverAt }, undefined, v2);
    expect(again.status).toBe(201);
    expect(again.body).toEqual(first.body);
    const other = await handover({
      receivedBy: 'Suyono',
      representative: true,
      representativeRelation: 'anak kandung, dengan surat kuasa',
    });
    expect(other.status).toBe(409);
    expect(other.body).toMatchObject({
      code: 'DISBURSEMENT_ALREADY_HANDED_OVER',
      message: expect.stringContaining(first.body.bastNumber),
      details: [{ path: 'status', message: `is HANDED_OVER (${first.body.bastNumber})` }],
    });
    const list = await head.get(`/api/v1/disbursement/decrees/${decreeId}/handovers`);
    expect(list.body).toMatchObject({ awaiting: 0, items: [first.body] });

    // intake hears it: HANDED_OVER on the status page, with each step, the schedule gone
    await statusIs('HANDED_OVER');
    const done = await publicStatus();
    expect(done).toMatchObject({ status: 'HANDED_OVER', closed: true, distribution: null });
    expect(done.timeline.map((e: { status: string }) => e.status)).toEqual([
      'REGISTERED',
      'IN_VERIFICATION',
      'VERIFIED',
      'PROPOSED',
      'DECREED',
      'DISBURSING',
      'HANDED_OVER',
    ]);
    expect(done.steps.map((s: { status: string; state: string }) => [s.status, s.state])).toEqual([
      ['REGISTERED', 'DONE'],
      ['IN_VERIFICATION', 'DONE'],
      ['VERIFIED', 'DONE'],
      ['PROPOSED', 'DONE'],
      ['DECREED', 'DONE'],
      ['DISBURSING', 'DONE'],
      ['HANDED_OVER', 'CURRENT'],
    ]);
    // no officer, recipient, SP2D or BAST number reaches the citizen's page
    expect(JSON.stringify(done)).not.toMatch(/SP2D|BAST\/|Sarni|system:|ttd-/);

    // one event, one audit entry each
    const events = (await readStream(nats, 'SIGAP_DISBURSEMENT', Subjects.disbursementRecipientHandedOver)).filter(
      (m) => m.data.applicationId === applicationId,
    );
    expect(events.map((m) => m.data)).toEqual([
      expect.objectContaining({
        bastNumber: first.body.bastNumber,
        serviceCode: CODE,
        agencyCode: AGENCY,
        place: 'Kantor Kelurahan Purworejo',
      }),
    ]);
    const audit = await admin.get(`/api/v1/audit?target=${decreeId}`);
    const actions = audit.body.items.map((a: { action: string }) => a.action);
    expect(actions.filter((a: string) => a === 'RECIPIENT_HANDED_OVER')).toHaveLength(1);
    expect(actions.filter((a: string) => a === 'DISTRIBUTION_SCHEDULE_UPDATED')).toHaveLength(2);
    console.log(`the whole path, filing to HANDED_OVER, took ${Date.now() - started} ms`);
  }, 120000);
});
