// Verification of applications end to end: real gateway, intake and verification processes.
// Rules with their evidence from the registry, each duplicate kind, field verification in one
// and in two stages ending in sigap.verification.case.decided.v1, and the re-check of open
// cases when a new registry snapshot lands.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type pg from 'pg';
import type { NatsConnection } from '@nats-io/transport-node';
import { OUTBOUND_READABLE, streamFor, Subjects } from '#contracts';
import { adminDb, eventually, natsAs, publishEvent, readStream, repoRoot, startApp, type RunningApp } from '#testing';
import { agencyAdmin, Api, openAccount, startGateway, unique } from '../gateway/support.js';
import { csvLine, HEADER } from './registry-fixtures.js';

const dir = path.join(repoRoot, '.data', 'test-files', 'cases');
const PASSWORD = 'Verifikasi-2026!';
const serial = String(1000 + Math.floor(Math.random() * 8999));

let gateway: RunningApp;
let intake: RunningApp;
let verification: RunningApp;
let db: pg.Client;
// the finance office of the test installation: the one outside system that may publish settlements
let finance: NatsConnection;
let nats: NatsConnection;
const api: Record<string, Api & { username?: string }> = {};

/** A NIK issued in `district` to someone born on `birthDate` (day + 40 for women), with this run's serial. */
function nik(district: string, birthDate: string, sex: 'M' | 'F'): string {
  const [y, m, d] = birthDate.split('-');
  return `${district.replace(/\./g, '')}${String(Number(d) + (sex === 'F' ? 40 : 0)).padStart(2, '0')}${m}${y.slice(2)}${serial}`;
}

// Kabupaten Banjarnegara: a mother and three children; the second child is on PKH
const mother = {
  nik: nik('33.04.01', '1988-02-11', 'F'),
  kkNumber: `330401010120${serial}`,
  name: 'Siti Aminah',
  birthDate: '1988-02-11',
  sex: 'F' as const,
  address: 'Jl. Letjend Karjono 1',
  villageCode: '33.04.01.2001',
  phone: '081234567890',
};
const child1 = { nik: nik('33.04.01', '2019-05-02', 'M'), name: 'Budi', birthDate: '2019-05-02', sex: 'M' as const };
const child2 = { nik: nik('33.04.01', '2018-06-03', 'M'), name: 'Joko', birthDate: '2018-06-03', sex: 'M' as const };
const child3 = { nik: nik('33.04.01', '2017-07-04', 'M'), name: 'Agus', birthDate: '2017-07-04', sex: 'M' as const };
// Kota Pasuruan: two elders of one household
const elder = {
  nik: nik('35.75.01', '1950-03-10', 'F'),
  kkNumber: `357501010120${serial}`,
  name: 'Mbah Sarni',
  birthDate: '1950-03-10',
  sex: 'F' as const,
  address: 'Jl. Pahlawan 3',
  villageCode: '35.75.01.1001',
  phone: '081234567891',
};
const elder2 = { ...elder, nik: nik('35.75.01', '1952-04-11', 'M'), name: 'Mbah Karto', birthDate: '1952-04-11', sex: 'M' as const };

function registryCsv(child3Programme: string): string {
  const row = (p: { nik: string; name: string; birthDate: string; sex: 'M' | 'F' }, program: string) =>
    csvLine([p.nik, mother.kkNumber, p.name, p.birthDate, p.sex === 'F' ? 'P' : 'L', mother.address, mother.villageCode, '2', program]);
  return csvLine(HEADER) + row(mother, '') + row(child1, '') + row(child2, 'PKH') + row(child3, child3Programme);
}

function adminOf(agencyCode: string): Promise<Api> {
  return agencyAdmin(gateway.url, agencyCode);
}

async function user(roles: string[], agencyCode: string) {
  const username = unique('u');
  const r = await openAccount(await adminOf(agencyCode), { username, displayName: 'Petugas', password: PASSWORD, agencyCode, roles });
  if (r.status !== 201) throw new Error(`user: ${r.status} ${JSON.stringify(r.body)}`);
  return Object.assign(await new Api(gateway.url).session(username, PASSWORD), { username });
}

async function importRegistry(as: Api, agencyCode: string, csv: string) {
  const file = path.join(dir, `registry-${agencyCode}-${Date.now()}.csv`);
  writeFileSync(file, csv);
  const form = new FormData();
  form.set('agencyCode', agencyCode);
  form.set('file', new Blob([csv]), path.basename(file));
  const res = await fetch(`${gateway.url}/api/v1/registry/imports`, {
    method: 'POST',
    headers: { authorization: `Bearer ${as.token}` },
    body: form,
  });
  const { importId } = (await res.json()) as { importId: string };
  return eventually(
    async () => {
      const r = await as.get(`/api/v1/registry/imports/${importId}`);
      expect(r.body.status).toBe('COMPLETED');
      return r.body as { snapshotId: string; rowsAccepted: number };
    },
    { timeoutMs: 120000 },
  );
}

/**
 * Files an application at the front office and waits for its verification case to be assessed:
 * verification asks intake for the application's data as the case opens, nobody clicks.
 */
async function fileAndAssess(fo: Api, body: Record<string, unknown>) {
  const filed = await fo.post('/api/v1/applications', { channel: 'FRONT_OFFICE', ...body });
  if (filed.status !== 201 || filed.body.status !== 'REGISTERED') throw new Error(`filing: ${filed.status} ${JSON.stringify(filed.body)}`);
  const assessed = await eventually(
    async () => {
      const r = await api.v1.get(`/api/v1/verification/applications/${filed.body.applicationId}/case`);
      expect(r.status).toBe(200);
      // the case's reads are not one snapshot: wait until its row, too, says it was assessed
      expect(r.body.history.map((h: any) => h.action)).toContain('ASSESSED');
      expect(r.body.status).not.toBe('AWAITING_ASSESSMENT');
      return r.body;
    },
    { timeoutMs: 60000 },
  );
  return { applicationId: filed.body.applicationId as string, ticketNumber: filed.body.ticketNumber as string, case: assessed };
}

const santunan = (beneficiary: Omit<typeof child1, 'sex'> & { sex: 'M' | 'F' }, documents = ['KTP', 'KK', 'SURAT_PERMOHONAN']) => ({
  agencyCode: '33.04',
  serviceCode: 'SANTUNAN_ANAK',
  applicant: mother,
  beneficiary,
  targetGroup: 'ANAK_TERLANTAR',
  documents: documents.map((type) => ({ type })),
});
const rehsos = (applicant: Omit<typeof elder, 'sex'> & { sex: 'M' | 'F' }) => ({
  agencyCode: '35.75',
  serviceCode: 'BANSOS_REHSOS',
  applicant,
  targetGroup: 'LANSIA',
  documents: [{ type: 'KTP' }, { type: 'KK' }],
});
const outcomes = (c: any) => Object.fromEntries(c.rules.map((r: any) => [r.rule, r.outcome]));

/** `sigap.disbursement.recipient.paid.v1` as disbursement publishes it. */
function recipientPaid(applicationId: string, agencyCode: string, serviceCode: string) {
  return {
    eventId: randomUUID(),
    occurredAt: new Date().toISOString(),
    agencyCode,
    applicationId,
    serviceCode,
    fiscalYear: new Date().getFullYear(),
    amount: '1500000',
    decreeNumber: `SK-${serial}/2026`,
    sp2dNumber: 'SP2D-0001/2026',
    paidAt: new Date().toISOString(),
  };
}

async function decided(applicationId: string) {
  return eventually(async () => {
    const all = await readStream(nats, 'SIGAP_VERIFICATION', Subjects.verificationCaseDecided);
    const mine = all.filter((m) => m.data.applicationId === applicationId);
    expect(mine).toHaveLength(1);
    return mine[0].data;
  });
}

beforeAll(async () => {
  mkdirSync(dir, { recursive: true });
  db = await adminDb();
  // intake seeds its catalog and calendars on a fresh database: it may take a while to be healthy
  // the gateway logs at info: its request log is read by 'nothing personal in a URL'
  // allSettled: an app that did start is stopped in afterAll even when another did not
  // generous start-up times: on a loaded machine (several suites at once) three apps starting together took 60–200 s
  const START_MS = 280000;
  const started = await Promise.allSettled([
    startGateway({ LOG_LEVEL: 'info' }, START_MS),
    startApp('intake', {}, START_MS),
    startApp('verification', {}, START_MS),
  ]);
  [gateway, intake, verification] = started.map((s) => (s.status === 'fulfilled' ? s.value : undefined)) as RunningApp[];
  for (const s of started) if (s.status === 'rejected') throw s.reason;
  [finance, nats] = await Promise.all([natsAs('finance-local'), natsAs('admin')]);
  const [fo1, v1, v2, head, fo2, v3, v4, head2] = await Promise.all([
    user(['FRONT_OFFICE'], '33.04'),
    user(['VERIFIER'], '33.04'),
    user(['VERIFIER'], '33.04'),
    user(['HEAD'], '33.04'),
    user(['FRONT_OFFICE'], '35.75'),
    user(['VERIFIER'], '35.75'),
    user(['VERIFIER'], '35.75'),
    user(['HEAD'], '35.75'),
  ]);
  Object.assign(api, { fo1, v1, v2, head, fo2, v3, v4, head2 });
  // this file's four-person registry replaces whatever other files imported for 33.04: not a
  // shrinking export for the drop guard to hold (test/verification/registry.e2e-spec.ts tests it)
  const guard = await (await adminOf('33.04')).put('/api/v1/registry/settings/33.04', { maxDropPercent: 100 });
  if (guard.status !== 200) throw new Error(`registry settings: ${guard.status} ${JSON.stringify(guard.body)}`);
  await importRegistry(v1, '33.04', registryCsv(''));
}, 420000);

afterAll(async () => {
  for (const a of [gateway, intake, verification]) if (a) writeFileSync(path.join(dir, `${a.name}.log`), a.output());
  await Promise.all([gateway?.stop(), intake?.stop(), verification?.stop()]);
  await finance?.close();
  await nats?.close();
  await db?.end();
});

describe('SANTUNAN_ANAK: rules, duplicates, field verification by the TRC', () => {
  let first: Awaited<ReturnType<typeof fileAndAssess>>;

  it('passes every rule for a child in the registry, with the snapshot and row as evidence, and opens the TRC task', async () => {
    first = await fileAndAssess(api.fo1, santunan(child1));
    const c = first.case;
    expect(c.status).toBe('IN_FIELD_VERIFICATION');
    expect(outcomes(c)).toEqual({
      REGISTRY_OR_SKTM: 'PASSED',
      BENEFICIARY_AGE: 'PASSED',
      DOMICILE_IN_AREA: 'PASSED',
      NO_NATIONAL_PROGRAMME: 'PASSED',
      NO_DUPLICATE: 'PASSED',
    });
    const registry = c.rules.find((r: any) => r.rule === 'REGISTRY_OR_SKTM');
    expect(registry.evidence).toEqual([expect.objectContaining({ source: 'REGISTRY', snapshotId: c.registrySnapshotIds[0], row: 3 })]);
    expect(c.subject.beneficiary.nik).toBe(`************${child1.nik.slice(-4)}`);
    expect(c.tasks).toEqual([expect.objectContaining({ stage: 'TRC', status: 'OPEN', assignee: null })]);
    expect(c.history[0]).toMatchObject({ action: 'ASSESSED', actor: 'system:verification' });
  });

  it('flags a second open application for the same child, naming the first', async () => {
    const second = await fileAndAssess(api.fo1, santunan(child1));
    expect(second.case.duplicates).toEqual([
      expect.objectContaining({
        kind: 'OPEN_CASE_SAME_SERVICE',
        other: expect.objectContaining({ caseId: first.case.caseId, ticketNumber: first.ticketNumber }),
      }),
    ]);
    expect(outcomes(second.case).NO_DUPLICATE).toBe('NEEDS_REVIEW');

    // a verifier may run the checks again: the same outcomes, recorded as a re-check by them, no second task
    const again = await api.v1.post(`/api/v1/verification/cases/${second.case.caseId}/assessment`, {});
    expect(again.status).toBe(200);
    expect(outcomes(again.body)).toEqual(outcomes(second.case));
    expect(again.body.history.at(-1)).toMatchObject({ action: 'RECHECKED', actor: api.v1.username });
    expect(again.body.tasks).toHaveLength(second.case.tasks.length);
    expect((await api.fo1.post(`/api/v1/verification/cases/${second.case.caseId}/assessment`, {})).status).toBe(403);
  });

  it('fails a child already on an excluding national programme, naming the programme and the registry row', async () => {
    const onPkh = await fileAndAssess(api.fo1, santunan(child2, ['KTP', 'KK', 'SURAT_PERMOHONAN', 'SKTM']));
    expect(outcomes(onPkh.case).NO_NATIONAL_PROGRAMME).toBe('FAILED');
    expect(onPkh.case.duplicates).toEqual([
      expect.objectContaining({ kind: 'NATIONAL_PROGRAMME', other: expect.objectContaining({ programme: 'PKH', row: 4 }) }),
    ]);
  });

  it('verifies the case once the assigned TRC officer records an eligible visit, and says so on the stream', async () => {
    const task = first.case.tasks[0];
    // a verifier answers tasks; assigning them is the head's or the admin's
    const byVerifier = await api.v1.post(`/api/v1/verification/tasks/${task.taskId}/assign`, { assignee: api.v1.username });
    expect(byVerifier.status).toBe(403);
    expect(byVerifier.body.code).toBe('ROLE_REQUIRED');
    const assigned = await api.head.post(`/api/v1/verification/tasks/${task.taskId}/assign`, { assignee: api.v1.username });
    expect(assigned.status).toBe(200);
    expect(assigned.body).toMatchObject({ assignee: api.v1.username, assignedBy: api.head.username });
    expect((await api.head.post(`/api/v1/verification/tasks/${task.taskId}/assign`, { assignee: api.fo1.username })).status).toBe(400);
    const mine = await api.v1.get('/api/v1/verification/tasks?assignee=me&status=OPEN');
    expect(mine.body.items.map((t: any) => t.taskId)).toContain(task.taskId);
    const visit = {
      findings: 'Anak tinggal bersama ibu, kondisi rumah tidak layak',
      recommendation: 'ELIGIBLE',
      visitedAt: '2026-11-21T09:30:00+07:00',
      latitude: -7.3967,
      longitude: 109.6963,
      attachments: [{ ref: 'foto-rumah-001.jpg', name: 'Foto rumah' }],
    };
    expect((await api.v2.post(`/api/v1/verification/tasks/${task.taskId}/visits`, visit)).status).toBe(403);
    expect((await api.v1.post(`/api/v1/verification/tasks/${task.taskId}/visits`, { ...visit, recommendation: 'MAYBE' })).status).toBe(400);
    const r = await api.v1.post(`/api/v1/verification/tasks/${task.taskId}/visits`, visit);
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({
      caseStatus: 'VERIFIED',
      task: {
        status: 'DONE',
        visits: [
          expect.objectContaining({
            officer: api.v1.username,
            latitude: -7.3967,
            recommendation: 'ELIGIBLE',
            attachments: visit.attachments,
          }),
        ],
      },
    });
    const event = await decided(first.applicationId);
    expect(event).toMatchObject({ caseId: first.case.caseId, outcome: 'VERIFIED', agencyCode: '33.04', reason: expect.any(String) });
    const c = await api.v1.get(`/api/v1/verification/cases/${first.case.caseId}`);
    expect(c.body).toMatchObject({ status: 'VERIFIED', outcome: 'VERIFIED' });
    expect(c.body.history.map((h: any) => h.action)).toEqual(['ASSESSED', 'TASK_ASSIGNED', 'VISIT_RECORDED', 'DECIDED']);
  });

  it('flags a child already paid by the service this fiscal year', async () => {
    // disbursement says who it paid (issue 12): the finance office's settlements are disbursement's to read
    await publishEvent(nats, Subjects.disbursementRecipientPaid, recipientPaid(first.applicationId, '33.04', 'SANTUNAN_ANAK'));
    await eventually(async () => {
      const r = await db.query(`SELECT paid_at FROM verification.cases WHERE application_id = $1`, [first.applicationId]);
      expect(r.rows[0].paid_at).not.toBeNull();
    });
    const again = await fileAndAssess(api.fo1, santunan(child1));
    expect(again.case.duplicates).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ kind: 'PAID_THIS_YEAR', other: expect.objectContaining({ caseId: first.case.caseId }) }),
      ]),
    );
    expect(outcomes(again.case).NO_DUPLICATE).toBe('FAILED');
  });

  it('re-checks open cases when a new snapshot lands: a child who just got a national programme is flagged', async () => {
    const open = await fileAndAssess(api.fo1, santunan(child3));
    expect(outcomes(open.case).NO_NATIONAL_PROGRAMME).toBe('PASSED');
    const snap = await importRegistry(api.v1, '33.04', registryCsv('PKH'));
    // every open case of the agency is re-checked, one after another: after the whole suite's
    // files that is hundreds of cases, so the wait is the suite's, not a single case's
    const c = await eventually(
      async () => {
        const r = await api.v1.get(`/api/v1/verification/cases/${open.case.caseId}`);
        expect(outcomes(r.body).NO_NATIONAL_PROGRAMME).toBe('FAILED');
        return r.body;
      },
      { timeoutMs: 45_000 },
    );
    expect(c.registrySnapshotIds).toContain(snap.snapshotId);
    expect(c.duplicates).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          kind: 'NATIONAL_PROGRAMME',
          other: expect.objectContaining({ programme: 'PKH', snapshotId: snap.snapshotId }),
        }),
      ]),
    );
    expect(c.history.at(-1)).toMatchObject({
      action: 'RECHECKED',
      actor: `system:registry-snapshot:${snap.snapshotId}`,
      detail: {
        changed: expect.arrayContaining([expect.objectContaining({ rule: 'NO_NATIONAL_PROGRAMME', from: 'PASSED', to: 'FAILED' })]),
      },
    });

    // a re-check that never ran (the process died right after the snapshot became current): the next start does it
    const rechecks = (h: any[]) => h.filter((x) => x.action === 'RECHECKED').length;
    await verification.stop();
    await db.query(`UPDATE verification.cases SET registry_snapshot_ids = $2 WHERE id = $1`, [
      open.case.caseId,
      open.case.registrySnapshotIds,
    ]);
    verification = await startApp('verification', {}, 60000);
    await eventually(
      async () => {
        const r = await api.v1.get(`/api/v1/verification/cases/${open.case.caseId}`);
        expect(r.body.registrySnapshotIds).toContain(snap.snapshotId);
        expect(rechecks(r.body.history)).toBe(rechecks(c.history) + 1);
        expect(r.body.history.at(-1)).toMatchObject({ action: 'RECHECKED', actor: `system:registry-snapshot:${snap.snapshotId}` });
      },
      { timeoutMs: 30000 },
    );
  });
});

describe('BANSOS_REHSOS: Dinsos, then the kelurahan', () => {
  it('flags a second application of the same household, opens the kelurahan only after Dinsos, and rejects with the kelurahan’s reason', async () => {
    const a = await fileAndAssessAs(api.v3, api.fo2, rehsos(elder));
    expect(outcomes(a.case)).toEqual({
      REGISTRY_OR_PMKS: 'NEEDS_REVIEW',
      TARGET_GROUP: 'PASSED',
      RESIDENCE_AND_DOMICILE: 'PASSED',
      NO_DUPLICATE: 'PASSED',
    });
    expect(a.case.tasks.map((t: any) => [t.stage, t.status])).toEqual([
      ['DINSOS', 'OPEN'],
      ['KELURAHAN', 'WAITING'],
    ]);

    const b = await fileAndAssessAs(api.v3, api.fo2, rehsos(elder2));
    expect(b.case.duplicates).toEqual([
      expect.objectContaining({ kind: 'SAME_HOUSEHOLD', other: expect.objectContaining({ caseId: a.case.caseId }) }),
    ]);
    expect(outcomes(b.case).NO_DUPLICATE).toBe('FAILED');

    const [dinsos, kelurahan] = a.case.tasks;
    const visit = (recommendation: string, findings: string) => ({
      findings,
      recommendation,
      visitedAt: '2026-11-22T10:00:00+07:00',
      latitude: -7.6453,
      longitude: 112.9075,
    });
    expect((await api.v3.post(`/api/v1/verification/tasks/${kelurahan.taskId}/visits`, visit('ELIGIBLE', 'x'))).status).toBe(409);
    // a task with no officer is not answered: the head assigns it first (issue 11)
    const unassigned = await api.v3.post(`/api/v1/verification/tasks/${dinsos.taskId}/visits`, visit('ELIGIBLE', 'x'));
    expect(unassigned.status).toBe(409);
    expect(unassigned.body.code).toBe('VERIFICATION_TASK_UNASSIGNED');
    expect((await api.head2.post(`/api/v1/verification/tasks/${dinsos.taskId}/assign`, { assignee: api.v3.username })).status).toBe(200);
    const first = await api.v3.post(
      `/api/v1/verification/tasks/${dinsos.taskId}/visits`,
      visit('ELIGIBLE', 'Lansia hidup sendiri, layak dibantu'),
    );
    expect(first.body.caseStatus).toBe('IN_FIELD_VERIFICATION');
    const mid = await api.v3.get(`/api/v1/verification/cases/${a.case.caseId}`);
    expect(mid.body.tasks.map((t: any) => [t.stage, t.status])).toEqual([
      ['DINSOS', 'DONE'],
      ['KELURAHAN', 'OPEN'],
    ]);
    expect(
      (await readStream(nats, 'SIGAP_VERIFICATION', Subjects.verificationCaseDecided)).filter(
        (m) => m.data.applicationId === a.applicationId,
      ),
    ).toHaveLength(0);

    // the kelurahan's stage is answered by another officer than the Dinsos one: neither assigned nor answering
    const sameAssigned = await api.head2.post(`/api/v1/verification/tasks/${kelurahan.taskId}/assign`, { assignee: api.v3.username });
    expect(sameAssigned.status).toBe(409);
    expect(sameAssigned.body).toMatchObject({ code: 'VERIFICATION_SECOND_OFFICER_REQUIRED', details: [{ path: 'assignee' }] });
    const sameAnswering = await api.v3.post(
      `/api/v1/verification/tasks/${kelurahan.taskId}/visits`,
      visit('ELIGIBLE', 'Dicek sendiri lagi'),
    );
    expect(sameAnswering.status).toBe(409);
    // nobody is assigned to the kelurahan's stage yet, and the head could not assign the Dinsos officer to it
    expect(sameAnswering.body.code).toBe('VERIFICATION_TASK_UNASSIGNED');
    expect((await api.v3.get(`/api/v1/verification/cases/${a.case.caseId}`)).body.tasks.map((t: any) => [t.stage, t.status])).toEqual([
      ['DINSOS', 'DONE'],
      ['KELURAHAN', 'OPEN'],
    ]);

    expect((await api.head2.post(`/api/v1/verification/tasks/${kelurahan.taskId}/assign`, { assignee: api.v4.username })).status).toBe(200);
    const last = await api.v4.post(
      `/api/v1/verification/tasks/${kelurahan.taskId}/visits`,
      visit('NOT_ELIGIBLE', 'Tidak berdomisili di alamat tersebut sejak 2025'),
    );
    expect(last.status).toBe(201);
    expect(last.body.caseStatus).toBe('REJECTED');
    const event = await decided(a.applicationId);
    expect(event).toMatchObject({
      outcome: 'REJECTED',
      reason: expect.stringContaining('Tidak berdomisili di alamat tersebut sejak 2025'),
    });
    expect(event.reason).toMatch(/kelurahan/i);

    // the applicant reads why on the public status page, in words for a citizen and without the officer's findings
    const page = await eventually(async () => {
      const r = await fetch(`${gateway.url}/api/v1/public/status/${encodeURIComponent(a.ticketNumber)}`);
      const body = (await r.json()) as any;
      expect(body.status).toBe('REJECTED');
      return body;
    });
    expect(page.timeline.at(-1)).toMatchObject({
      status: 'REJECTED',
      note: 'Hasil Validasi kelurahan menyatakan permohonan belum memenuhi syarat.',
    });
    expect(JSON.stringify(page)).not.toContain('Tidak berdomisili');
  });
});

describe("seeing is not changing: a regency's case seen from its province", () => {
  it("lets the province's verifier and head read a case of Kota Pontianak but not assess it, assign or answer its task, nor load its registry", async () => {
    // Kota Pontianak (61.71) files SANTUNAN_ANAK under a copy of Banjarnegara's standard, made by its own admin
    const {
      agencyCode: _a,
      agencyName: _n,
      version: _v,
      active: _x,
      deadlineLabel: _l,
      publishedAt: _p,
      benefitAmount: _b,
      ...definition
    } = (await new Api(gateway.url).get('/api/v1/services/33.04/SANTUNAN_ANAK')).body;
    const standard = await (await adminOf('61.71')).post('/api/v1/services', { ...definition, agencyCode: '61.71' });
    expect([201, 409]).toContain(standard.status);
    const [fo, verifier, province] = await Promise.all([
      user(['FRONT_OFFICE'], '61.71'),
      user(['VERIFIER'], '61.71'),
      user(['VERIFIER', 'HEAD'], '61'),
    ]);
    const resident = {
      ...mother,
      nik: nik('61.71.01', '1988-02-11', 'F'),
      kkNumber: `617101010120${serial}`,
      villageCode: '61.71.01.1002',
    };
    const child = { ...child1, nik: nik('61.71.01', '2019-05-02', 'M') };
    const filed = await fileAndAssessAs(verifier, fo, { ...santunan(child), agencyCode: '61.71', applicant: resident });
    const task = filed.case.tasks[0];
    expect(task).toMatchObject({ stage: 'TRC', status: 'OPEN' });

    const seen = await province.get(`/api/v1/verification/cases/${filed.case.caseId}`);
    expect(seen.status).toBe(200);
    expect(seen.body.agencyCode).toBe('61.71');
    const refused = [
      await province.post(`/api/v1/verification/cases/${filed.case.caseId}/assessment`, {}),
      await province.post(`/api/v1/verification/tasks/${task.taskId}/assign`, { assignee: province.username }),
      await province.post(`/api/v1/verification/tasks/${task.taskId}/visits`, {
        findings: 'Dikunjungi provinsi',
        recommendation: 'ELIGIBLE',
        visitedAt: '2026-11-23T09:00:00+07:00',
      }),
    ];
    for (const r of refused) {
      expect(r.status).toBe(403);
      expect(r.body.code).toBe('AGENCY_OUT_OF_SCOPE');
    }
    const form = new FormData();
    form.set('agencyCode', '61.71');
    form.set('file', new Blob([registryCsv('')]), 'dtsen-pontianak.csv');
    const upload = await fetch(`${gateway.url}/api/v1/registry/imports`, {
      method: 'POST',
      headers: { authorization: `Bearer ${province.token}` },
      body: form,
    });
    expect(upload.status).toBe(403);
    expect(((await upload.json()) as { code: string }).code).toBe('AGENCY_OUT_OF_SCOPE');

    const after = await verifier.get(`/api/v1/verification/cases/${filed.case.caseId}`);
    expect(after.body.history.map((h: any) => h.action)).toEqual(['ASSESSED']);
    expect(after.body.tasks[0]).toMatchObject({ status: 'OPEN', assignee: null, visits: [] });
  });
});

describe('what outside systems read', () => {
  it('carries the public reason only: no field findings naming a child, no officer’s note, no staff username', async () => {
    // a child only this run names: any outbound message that carries her name leaked it
    const childName = `Ayu Lestari ${unique('')}`;
    const child4 = { nik: nik('33.04.01', '2020-08-05', 'F'), name: childName, birthDate: '2020-08-05', sex: 'F' as const };
    const findings = `Anak ${childName} ternyata diasuh neneknya di Purwokerto, bukan anak terlantar`;
    const rejected = await fileAndAssess(api.fo1, santunan(child4, ['KTP', 'KK', 'SURAT_PERMOHONAN', 'SKTM']));
    const [task] = rejected.case.tasks;
    expect((await api.head.post(`/api/v1/verification/tasks/${task.taskId}/assign`, { assignee: api.v1.username })).status).toBe(200);
    const visit = await api.v1.post(`/api/v1/verification/tasks/${task.taskId}/visits`, {
      findings,
      recommendation: 'NOT_ELIGIBLE',
      visitedAt: '2026-11-23T09:00:00+07:00',
    });
    expect(visit.body.caseStatus).toBe('REJECTED');

    // and an officer's own note on a change made by hand
    const note = `Ibu dari ${childName} pindah ke Jakarta, menurut tetangga`;
    const withdrawn = await fileAndAssess(api.fo1, santunan(child4, ['KTP', 'KK', 'SURAT_PERMOHONAN', 'SKTM']));
    const w = await api.fo1.post(`/api/v1/applications/${withdrawn.applicationId}/transitions`, {
      to: 'WITHDRAWN',
      reason: note,
      publicReason: 'Permohonan dicabut atas permintaan pemohon.',
    });
    expect(w.status).toBe(201);

    const changes = await eventually(async () => {
      const all = await readStream(nats, 'SIGAP_INTAKE', Subjects.intakeApplicationStatusChanged);
      const mine = (id: string) => all.map((m) => m.data).filter((d) => d.applicationId === id);
      expect(mine(rejected.applicationId).map((d) => d.to)).toContain('REJECTED');
      expect(mine(withdrawn.applicationId).map((d) => d.to)).toContain('WITHDRAWN');
      return { rejected: mine(rejected.applicationId), withdrawn: mine(withdrawn.applicationId) };
    });
    const publicReason = 'Hasil Tim Reaksi Cepat (TRC) menyatakan permohonan belum memenuhi syarat.';
    expect(changes.rejected.find((d) => d.to === 'REJECTED')).toMatchObject({
      reason: publicReason,
      publicReason,
      actor: 'system:verification',
    });
    expect(changes.withdrawn.find((d) => d.to === 'WITHDRAWN')).toMatchObject({
      reason: 'Permohonan dicabut atas permintaan pemohon.',
      actor: 'staff',
    });
    expect(changes.withdrawn.find((d) => d.to === 'REGISTERED')).toMatchObject({ actor: 'staff' });

    // every message on every subject an outside system may read, as stored for any consumer
    const outbound = (await Promise.all(OUTBOUND_READABLE.map((subject) => readStream(nats, streamFor(subject).name, subject))))
      .flat()
      .map((m) => JSON.stringify(m.data));
    expect(outbound.length).toBeGreaterThan(0);
    const secrets = [
      childName,
      'diasuh neneknya',
      'pindah ke Jakarta',
      ...Object.values(api)
        .map((a) => a.username!)
        .filter(Boolean),
    ];
    for (const secret of secrets) expect(outbound.filter((m) => m.includes(secret))).toEqual([]);

    // staff still read the whole story through the authenticated API
    const history = (await api.fo1.get(`/api/v1/applications/${rejected.applicationId}`)).body.history;
    expect(history.at(-1)).toMatchObject({ to: 'REJECTED', reason: expect.stringContaining(findings), publicReason });
    expect((await api.fo1.get(`/api/v1/applications/${withdrawn.applicationId}`)).body.history.at(-1)).toMatchObject({
      to: 'WITHDRAWN',
      reason: note,
      actor: api.fo1.username,
    });
    expect((await api.v1.get(`/api/v1/verification/cases/${rejected.case.caseId}`)).body.tasks[0].visits[0]).toMatchObject({
      findings,
      officer: api.v1.username,
    });
  });
});

describe('nothing personal in a URL', () => {
  it('searches applications by name or NIK in the body, and keeps no name, NIK or KK of a URL in the gateway’s request log', async () => {
    const name = `Siti Aminah ${unique('')}`;
    const filed = await api.fo1.post('/api/v1/applications', {
      channel: 'FRONT_OFFICE',
      ...santunan(child1),
      applicant: { ...mother, name },
    });
    expect(filed.status).toBe(201);

    // the body: the same queue as ?q=, without the name or the NIK in the URL
    const key = randomUUID();
    const byName = await api.fo1.post('/api/v1/applications/search', { q: name, limit: 10 }, { 'Idempotency-Key': key });
    expect(byName.status).toBe(200);
    // a search changes nothing: its answer (names, NIKs) is not kept for the Idempotency-Key the dashboard sends
    expect((await db.query(`SELECT count(*)::int AS n FROM gateway.idempotency_keys WHERE key = $1`, [key])).rows[0].n).toBe(0);
    expect(byName.body.items.map((i: any) => i.applicationId)).toEqual([filed.body.applicationId]);
    const byNik = await api.fo1.post('/api/v1/applications/search', { q: mother.nik, limit: 200, open: true });
    expect(byNik.status).toBe(200);
    expect(byNik.body.items.map((i: any) => i.applicationId)).toContain(filed.body.applicationId);
    const bad = await api.fo1.post('/api/v1/applications/search', { q: name, limit: 'all', sort: 'name' });
    expect(bad.status).toBe(400);
    expect([...new Set(bad.body.details.map((d: any) => d.path))].sort()).toEqual(['limit', 'sort']);

    // a URL that still carries them answers as before (CONTRACT.md's GET persons/{nik}), and the log keeps them masked
    const viaUrl = await api.fo1.get(`/api/v1/applications?q=${encodeURIComponent(name)}&limit=10`);
    expect(viaUrl.body.items.map((i: any) => i.applicationId)).toEqual([filed.body.applicationId]);
    expect((await api.fo1.get(`/api/v1/applications?q=${mother.nik}&limit=10`)).status).toBe(200);
    expect((await api.v1.get(`/api/v1/registry/persons/${child1.nik}`)).status).toBe(200);
    expect((await api.v1.get(`/api/v1/registry/households/${mother.kkNumber}`)).status).toBe(200);
    expect((await api.v1.get(`/api/v1/verification/tasks?assignee=${api.v2.username}&status=OPEN`)).status).toBe(200);

    const log = await eventually(async () => {
      const out = gateway.output();
      // the requests were logged (a log without them would prove nothing), masked
      expect(out).toContain('"url":"/api/v1/applications?q=***&limit=10"');
      expect(out).toContain(`"url":"/api/v1/registry/persons/************${child1.nik.slice(-4)}"`);
      expect(out).toContain('"url":"/api/v1/verification/tasks?assignee=***&status=OPEN"');
      return out;
    });
    for (const secret of [
      name,
      encodeURIComponent(name),
      name.replace(/ /g, '+'),
      name.split(' ').at(-1)!,
      mother.nik,
      mother.kkNumber,
      child1.nik,
      api.v2.username!,
    ]) {
      expect(log.includes(secret) ? secret : null).toBeNull();
    }
  });
});

async function fileAndAssessAs(verifier: Api, fo: Api, body: Record<string, unknown>) {
  const saved = api.v1;
  api.v1 = verifier;
  try {
    return await fileAndAssess(fo, body);
  } finally {
    api.v1 = saved;
  }
}

describe('eligibility settings: data per agency, every version kept', () => {
  it('lets an agency admin set its own settings (checked field by field), which its cases follow and no other agency sees', async () => {
    // other files may have given Banjarnegara settings of its own already: versions count on from there
    const inForce = (await api.v1.get('/api/v1/verification/rules')).body.items.find((r: any) => r.serviceCode === 'SANTUNAN_ANAK');
    const own = inForce.agencyCode === '33.04' ? inForce.version : 0;
    const history = await api.v1.get('/api/v1/verification/rules/SANTUNAN_ANAK/versions');
    expect(history.status).toBe(200);
    const defaults = history.body.items.find((r: any) => r.agencyCode === '*');
    expect(defaults).toMatchObject({
      version: 1,
      updatedBy: 'seed',
      settings: { registryOrSktm: true, beneficiaryAgeUnder: 18, fieldStages: ['TRC'] },
    });

    const admin = await adminOf('33.04');
    const bad = await admin.put('/api/v1/verification/rules/SANTUNAN_ANAK', {
      settings: {
        ...defaults.settings,
        maxDecile: 12,
        fieldStages: ['TRC', 'POLISI'],
        targetGroupAgeUnder: { ANAK_BALITA_TERLANTAR: -5 },
        maxDesil: 3,
      },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.details.map((d: any) => d.path).sort()).toEqual([
      'settings.fieldStages',
      'settings.maxDecile',
      'settings.maxDesil',
      'settings.targetGroupAgeUnder',
    ]);
    expect((await api.v1.put('/api/v1/verification/rules/SANTUNAN_ANAK', { settings: defaults.settings })).status).toBe(403);
    expect((await admin.put('/api/v1/verification/rules/SANTUNAN_SAKTI', { settings: defaults.settings })).status).toBe(404);

    // desil 1 only: the children of this registry are desil 2
    const set = await admin.put('/api/v1/verification/rules/SANTUNAN_ANAK', { settings: { ...defaults.settings, maxDecile: 1 } });
    expect(set.status).toBe(200);
    expect(set.body).toMatchObject({
      agencyCode: '33.04',
      version: own + 1,
      updatedBy: (await admin.get('/api/v1/auth/me')).body.username,
      settings: { maxDecile: 1 },
    });
    const c = await fileAndAssess(api.fo1, santunan(child1));
    expect(c.case.rules.find((r: any) => r.rule === 'REGISTRY_OR_SKTM')).toMatchObject({
      outcome: 'FAILED',
      message: expect.stringMatching(/above the highest qualifying desil \(1\)/),
    });

    // Kota Pasuruan still follows the defaults; Banjarnegara sees both versions
    expect((await api.v3.get('/api/v1/verification/rules')).body.items.find((r: any) => r.serviceCode === 'SANTUNAN_ANAK')).toMatchObject({
      agencyCode: '*',
    });
    const back = await admin.put('/api/v1/verification/rules/SANTUNAN_ANAK', { settings: defaults.settings });
    expect(back.body).toMatchObject({ agencyCode: '33.04', version: own + 2 });
    const versions = await api.v1.get('/api/v1/verification/rules/SANTUNAN_ANAK/versions');
    const listed = versions.body.items.map((v: any) => [v.agencyCode, v.version]);
    expect(listed.slice(0, 2)).toEqual([
      ['33.04', own + 2],
      ['33.04', own + 1],
    ]);
    expect(listed.at(-1)).toEqual(['*', 1]);
    expect(listed).toHaveLength(own + 3);
  });
});

describe('eligibility has one owner: the settings the rules page shows', () => {
  it("applies the agency's field stages as set, not the standard's catalog words layered over them", async () => {
    const admin = await adminOf('33.04');
    const inForce = (await admin.get('/api/v1/verification/rules')).body.items.find((r: any) => r.serviceCode === 'SANTUNAN_ANAK');
    const set = await admin.put('/api/v1/verification/rules/SANTUNAN_ANAK', {
      settings: { ...inForce.settings, fieldStages: ['DINSOS', 'KELURAHAN'] },
    });
    expect(set.status).toBe(200);
    try {
      // what the page reads is what the next assessment applies (the standard still says "TRC")
      const shown = (await api.v1.get('/api/v1/verification/rules')).body.items.find((r: any) => r.serviceCode === 'SANTUNAN_ANAK');
      expect(shown).toMatchObject({ agencyCode: '33.04', version: set.body.version, settings: { fieldStages: ['DINSOS', 'KELURAHAN'] } });
      const child5 = { nik: nik('33.04.01', '2021-09-06', 'M'), name: 'Dimas', birthDate: '2021-09-06', sex: 'M' as const };
      const c = await fileAndAssess(api.fo1, santunan(child5, ['KTP', 'KK', 'SURAT_PERMOHONAN', 'SKTM']));
      expect(c.case.tasks.map((t: any) => [t.stage, t.status])).toEqual([
        ['DINSOS', 'OPEN'],
        ['KELURAHAN', 'WAITING'],
      ]);
    } finally {
      await admin.put('/api/v1/verification/rules/SANTUNAN_ANAK', { settings: inForce.settings });
    }
  }, 180000);
});

describe('needs review can be settled', () => {
  it('lets a verifier settle a rule that needs review, audited and evented, and the case without field stages is decided', async () => {
    const admin = await adminOf('35.75');
    const inForce = (await admin.get('/api/v1/verification/rules')).body.items.find((r: any) => r.serviceCode === 'BANSOS_REHSOS');
    expect(
      (await admin.put('/api/v1/verification/rules/BANSOS_REHSOS', { settings: { ...inForce.settings, fieldStages: [] } })).status,
    ).toBe(200);
    try {
      // not in the registry: PMKS data to be confirmed, and no field stage to confirm it
      const lone = {
        ...elder,
        nik: nik('35.75.01', '1948-01-12', 'F'),
        kkNumber: `357501010121${serial}`,
        name: 'Mbah Tini',
        birthDate: '1948-01-12',
      };
      const c = await fileAndAssessAs(api.v3, api.fo2, rehsos(lone));
      expect(outcomes(c.case)).toMatchObject({ REGISTRY_OR_PMKS: 'NEEDS_REVIEW', TARGET_GROUP: 'PASSED' });
      expect(c.case.tasks).toEqual([]);
      expect(c.case.status).toBe('IN_FIELD_VERIFICATION');
      const url = (rule: string) => `/api/v1/verification/cases/${c.case.caseId}/rules/${rule}/settlement`;

      // only a rule that needs review, with an outcome and a reason, by a verifier of the agency
      const passed = await api.v3.post(url('TARGET_GROUP'), { outcome: 'FAILED', reason: 'Keliru' });
      expect(passed.status).toBe(409);
      expect(passed.body.code).toBe('VERIFICATION_RULE_NOT_IN_REVIEW');
      const bad = await api.v3.post(url('REGISTRY_OR_PMKS'), { outcome: 'MAYBE' });
      expect(bad.status).toBe(400);
      // both fields named (a field may break several rules: each is a line of its own)
      expect([...new Set(bad.body.details.map((d: any) => d.path))].sort()).toEqual(['outcome', 'reason']);
      expect((await api.fo2.post(url('REGISTRY_OR_PMKS'), { outcome: 'PASSED', reason: 'x' })).status).toBe(403);
      expect((await api.v1.post(url('REGISTRY_OR_PMKS'), { outcome: 'PASSED', reason: 'x' })).status).toBe(404);
      expect((await api.v3.get(`/api/v1/verification/cases/${c.case.caseId}`)).body.status).toBe('IN_FIELD_VERIFICATION');

      const reason = 'Terdaftar di data PMKS Kelurahan Bugul Kidul 2026';
      const settled = await api.v3.post(url('REGISTRY_OR_PMKS'), { outcome: 'PASSED', reason });
      expect(settled.status).toBe(200);
      expect(settled.body.status).toBe('VERIFIED');
      expect(settled.body.rules.find((r: any) => r.rule === 'REGISTRY_OR_PMKS')).toMatchObject({
        outcome: 'PASSED',
        message: expect.stringContaining(reason),
        settlement: { outcome: 'PASSED', reason, settledBy: api.v3.username, settledAt: expect.any(String) },
      });
      expect(settled.body.history.map((h: any) => h.action)).toEqual(expect.arrayContaining(['RULE_SETTLED', 'DECIDED']));

      // on the stream: the settlement, and the decision with what disbursement needs to begin
      expect(await decided(c.applicationId)).toMatchObject({
        outcome: 'VERIFIED',
        serviceCode: 'BANSOS_REHSOS',
        targetGroup: 'LANSIA',
        ticketNumber: c.ticketNumber,
      });
      await eventually(async () => {
        const all = await readStream(nats, 'SIGAP_VERIFICATION', Subjects.verificationCaseRuleSettled);
        expect(all.map((m) => m.data).filter((d) => d.caseId === c.case.caseId)).toEqual([
          expect.objectContaining({ rule: 'REGISTRY_OR_PMKS', outcome: 'PASSED', caseStatus: 'VERIFIED', agencyCode: '35.75' }),
        ]);
      });
      // in the agency's audit trail
      const trail = await admin.get(`/api/v1/audit?action=VERIFICATION_RULE_SETTLED&actor=${api.v3.username}&limit=5`);
      expect(trail.status).toBe(200);
      expect(trail.body.items[0]).toMatchObject({
        target: { type: 'VERIFICATION_CASE', id: c.case.caseId, label: c.ticketNumber },
        agencyCode: '35.75',
        after: { rule: 'REGISTRY_OR_PMKS', outcome: 'PASSED', reason, caseStatus: 'VERIFIED' },
      });
      // a decided case's rules are not settled again
      expect((await api.v3.post(url('REGISTRY_OR_PMKS'), { outcome: 'FAILED', reason: 'x' })).status).toBe(409);

      // paid this year, as disbursement tells it: the same person's next application is a duplicate
      await publishEvent(nats, Subjects.disbursementRecipientPaid, recipientPaid(c.applicationId, '35.75', 'BANSOS_REHSOS'));
      await eventually(async () => {
        const r = await db.query(`SELECT paid_at FROM verification.cases WHERE application_id = $1`, [c.applicationId]);
        expect(r.rows[0].paid_at).not.toBeNull();
      });
      const again = await fileAndAssessAs(api.v3, api.fo2, rehsos(lone));
      expect(again.case.duplicates.map((d: any) => d.kind)).toContain('PAID_THIS_YEAR');
    } finally {
      await admin.put('/api/v1/verification/rules/BANSOS_REHSOS', { settings: inForce.settings });
    }
  }, 180000);
});

describe('a withdrawn application stops its verification (issue 11)', () => {
  it("closes the case with the reason and cancels its open task: the officer's list no longer sends anyone", async () => {
    const child6 = { nik: nik('33.04.01', '2016-10-07', 'F'), name: 'Rina', birthDate: '2016-10-07', sex: 'F' as const };
    const c = await fileAndAssess(api.fo1, santunan(child6, ['KTP', 'KK', 'SURAT_PERMOHONAN', 'SKTM']));
    const [task] = c.case.tasks;
    expect(task).toMatchObject({ stage: 'TRC', status: 'OPEN' });
    expect((await api.head.post(`/api/v1/verification/tasks/${task.taskId}/assign`, { assignee: api.v2.username })).status).toBe(200);
    const listed = async () => (await api.v2.get('/api/v1/verification/tasks?assignee=me&limit=200')).body.items.map((t: any) => t.taskId);
    expect(await listed()).toContain(task.taskId);

    const w = await api.fo1.post(`/api/v1/applications/${c.applicationId}/transitions`, {
      to: 'WITHDRAWN',
      reason: 'Pemohon datang mencabut',
      publicReason: 'Permohonan dicabut atas permintaan pemohon.',
    });
    expect(w.status).toBe(201);
    const closed = await eventually(async () => {
      const r = await api.v2.get(`/api/v1/verification/cases/${c.case.caseId}`);
      expect(r.body.status).toBe('CLOSED');
      return r.body;
    });
    expect(closed.reason).toBe('Kasus ditutup: permohonan dicabut oleh pemohon.');
    expect(closed.tasks.map((t: any) => t.status)).toEqual(['CANCELLED']);
    expect(closed.history.at(-1)).toMatchObject({ action: 'CLOSED', detail: { applicationStatus: 'WITHDRAWN', cancelledTasks: 1 } });
    expect(await listed()).not.toContain(task.taskId);

    // nothing more happens on it: no visit, no assessment, no decision
    const visit = await api.v2.post(`/api/v1/verification/tasks/${task.taskId}/visits`, {
      findings: 'x',
      recommendation: 'ELIGIBLE',
      visitedAt: '2026-11-23T09:00:00+07:00',
    });
    expect(visit.status).toBe(409);
    expect((await api.v1.post(`/api/v1/verification/cases/${c.case.caseId}/assessment`)).status).toBe(409);
    const decisions = await readStream(nats, 'SIGAP_VERIFICATION', Subjects.verificationCaseDecided);
    expect(decisions.filter((m) => m.data.applicationId === c.applicationId)).toEqual([]);
  }, 180000);
});
