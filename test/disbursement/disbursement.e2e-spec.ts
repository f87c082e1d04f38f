// Disbursement end to end: real gateway and disbursement processes, real Postgres and NATS, the
// finance office as its own NATS user (`finance-local`). Intake's answers (the standard's benefit
// amount, the dossiers) come from a stand-in on intake's request subjects (see support.ts); the
// pool.e2e-spec.ts file runs with the real intake.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomBytes, randomUUID } from 'node:crypto';
import type pg from 'pg';
import type { NatsConnection } from '@nats-io/transport-node';
import { Subjects } from '#contracts';
import { adminDb, eventually, natsAs, publishEvent, readStream, startApp, type RunningApp } from '#testing';
import { agencyAdmin, type Api, startGateway } from '../gateway/support.js';
import { IntakeStandIn, officer, settlement, verify } from './support.js';

const AGENCY = '35.75';
const SERVICE = `RS_${randomBytes(4).toString('hex').toUpperCase()}`;
const YEAR = 2030 + Math.floor(Math.random() * 60);
const AMOUNT = '300000';

let gateway: RunningApp;
let disbursement: RunningApp;
let db: pg.Client;
let nats: NatsConnection;
let finance: NatsConnection;
let intake: IntakeStandIn;
let admin: Api;
let fo: Api & { username: string };
let head1: Api & { username: string };
let head2: Api & { username: string };
let bendahara: Api & { username: string };
let n = 0;

const startDisbursement = (env: Record<string, string> = {}) =>
  startApp('disbursement', { DISBURSEMENT_DOSSIER_POLL_MS: '300', SIGAP_OUTBOX_POLL_MS: '200', ...env }, 120000);

async function openLine(ceiling: string, source = 'APBD_BTT', serviceCode = SERVICE) {
  const r = await admin.post('/api/v1/disbursement/budget-lines', {
    agencyCode: AGENCY,
    fiscalYear: YEAR,
    source,
    serviceCode,
    name: `Bantuan ${source}`,
    ceiling,
  });
  // the body says why, when a line cannot be opened
  expect({ status: r.status, code: r.body?.code, message: r.body?.message }).toMatchObject({ status: 201 });
  return r.body as { id: string; ceiling: string; version: number; name: string };
}

/** Verified applications in the pool with their dossiers in. */
async function eligible(count: number, serviceCode = SERVICE): Promise<string[]> {
  const ids = Array.from({ length: count }, () => intake.person(AGENCY, serviceCode, ++n));
  await verify(nats, AGENCY, ids);
  await eventually(
    async () => {
      const r = await fo.get(`/api/v1/disbursement/pool?serviceCode=${serviceCode}&status=ELIGIBLE&limit=500`);
      const ready = new Set(
        (r.body.items as Array<{ applicationId: string; dossierReady: boolean }>).filter((i) => i.dossierReady).map((i) => i.applicationId),
      );
      expect(ids.filter((id) => !ready.has(id))).toEqual([]);
    },
    { timeoutMs: 30000 },
  );
  return ids;
}

async function submitted(lineId: string, ids: string[]) {
  const p = await fo.post('/api/v1/disbursement/proposals', { agencyCode: AGENCY, budgetLineId: lineId, applicationIds: ids });
  expect(p.status).toBe(201);
  expect((await fo.post(`/api/v1/disbursement/proposals/${p.body.id}/submit`)).status).toBe(200);
  return p.body as { id: string; total: string };
}

/** `count` verified applications of a standard of their own, decreed on a line that holds exactly their total. */
async function decreed(count: number) {
  const code = `${SERVICE}_D${++n}`;
  intake.standard(AGENCY, code, { amount: AMOUNT });
  const ids = await eligible(count, code);
  const line = await openLine(String(BigInt(count) * BigInt(AMOUNT)), 'APBN', code);
  return { ids, ...(await decreeOn(line, ids)) };
}

async function decreeOn(line: { id: string }, ids: string[]) {
  const p = await submitted(line.id, ids);
  expect((await head1.post(`/api/v1/disbursement/proposals/${p.id}/approve`)).status).toBe(200);
  const d = await head1.post(`/api/v1/disbursement/proposals/${p.id}/decree`, {
    decreeNumber: `188.45/${++n}/KEP/423.012/${YEAR}`,
    decreeDate: '2026-12-01',
    signatory: 'Wali Kota Pasuruan',
  });
  expect(d.status).toBe(201);
  return d.body as { id: string; total: string; decreeNumber: string; budgetLineId: string };
}

async function requestedParts(requestId: string) {
  return (await readStream(nats, 'SIGAP_DISBURSEMENT', Subjects.disbursementRequested)).filter((m) => m.data.requestId === requestId);
}

async function settle(body: Record<string, unknown>) {
  await publishEvent(finance, Subjects.extFinanceDisbursementSettled, body);
}

async function rejectedFor(eventId: string) {
  return (await readStream(nats, 'SIGAP_REJECTED', Subjects.rejected)).filter((m) => m.data.eventId === eventId);
}

beforeAll(async () => {
  db = await adminDb();
  nats = await natsAs('admin');
  finance = await natsAs('finance-local');
  intake = new IntakeStandIn(nats);
  intake.start();
  intake.standard(AGENCY, SERVICE, { amount: AMOUNT });
  // one after another, with time: on a shared 2-core machine two Nest apps starting together can take minutes
  gateway = await startGateway({}, 120000);
  disbursement = await startDisbursement();
  admin = await agencyAdmin(gateway.url, AGENCY);
  [fo, head1, head2, bendahara] = await Promise.all([
    officer(gateway.url, AGENCY, ['VERIFIER']),
    officer(gateway.url, AGENCY, ['HEAD']),
    officer(gateway.url, AGENCY, ['HEAD']),
    officer(gateway.url, AGENCY, ['FINANCE']),
  ]);
}, 400000);

afterAll(async () => {
  intake?.stop();
  await Promise.all([gateway?.stop(), disbursement?.stop()]);
  await finance?.close();
  await nats?.close();
  await db?.end();
});

describe('budget lines (pagu)', () => {
  it('are opened and revised by the agency admin alone, every revision kept and audited, amounts exact beyond a double', async () => {
    const line = await openLine('9007199254740993', 'APBD_JPST');
    expect(line).toMatchObject({ ceiling: '9007199254740993', version: 1 });
    expect(
      (
        await fo.post('/api/v1/disbursement/budget-lines', {
          agencyCode: AGENCY,
          fiscalYear: YEAR,
          source: 'APBN',
          serviceCode: SERVICE,
          name: 'x',
          ceiling: '1',
        })
      ).status,
    ).toBe(403);
    const bad = await admin.post('/api/v1/disbursement/budget-lines', {
      agencyCode: AGENCY,
      fiscalYear: YEAR,
      source: 'APBN',
      serviceCode: SERVICE,
      name: 'x',
      ceiling: 1500000.5,
    });
    expect(bad.status).toBe(400);
    expect(bad.body.details).toEqual([expect.objectContaining({ path: 'ceiling' })]);
    const again = await admin.post('/api/v1/disbursement/budget-lines', {
      agencyCode: AGENCY,
      fiscalYear: YEAR,
      source: 'APBD_JPST',
      serviceCode: SERVICE,
      name: 'dup',
      ceiling: '5',
    });
    expect(again.body.code).toBe('DISBURSEMENT_BUDGET_LINE_EXISTS');

    const revised = await admin.put(`/api/v1/disbursement/budget-lines/${line.id}`, {
      ceiling: '45000000',
      reason: 'APBD Perubahan 2026',
      version: 1,
    });
    expect(revised.status).toBe(200);
    expect(revised.body).toMatchObject({ ceiling: '45000000', version: 2, remaining: '45000000' });
    const stale = await admin.put(`/api/v1/disbursement/budget-lines/${line.id}`, { ceiling: '1', reason: 'lama', version: 1 });
    expect(stale.status).toBe(409);
    expect(stale.body.code).toBe('DISBURSEMENT_BUDGET_LINE_CHANGED');
    const got = await fo.get(`/api/v1/disbursement/budget-lines/${line.id}`);
    expect(got.body.revisions.map((r: { version: number; ceiling: string; reason: string }) => [r.version, r.ceiling, r.reason])).toEqual([
      [2, '45000000', 'APBD Perubahan 2026'],
      [1, '9007199254740993', 'opened'],
    ]);
    const audit = await admin.get(`/api/v1/audit?target=${line.id}`);
    expect(audit.body.items.map((a: { action: string }) => a.action)).toEqual(['BUDGET_LINE_REVISED', 'BUDGET_LINE_OPENED']);
    // another agency's admin neither sees nor changes it
    const other = await agencyAdmin(gateway.url, '33.04');
    expect((await other.put(`/api/v1/disbursement/budget-lines/${line.id}`, { ceiling: '1', reason: 'coba', version: 2 })).body.code).toBe(
      'AGENCY_OUT_OF_SCOPE',
    );
    expect((await other.get(`/api/v1/disbursement/budget-lines/${line.id}`)).status).toBe(403);
  });

  it('hold their ceiling under many concurrent approvals: exactly what fits is committed, the rest is a 409 naming the line and what is left', async () => {
    const line = await openLine(String(10n * BigInt(AMOUNT)), 'APBD');
    const ids = await eligible(25);
    const proposals = [];
    for (const id of ids) proposals.push(await submitted(line.id, [id]));
    const answers = await Promise.all(
      proposals.map((p, i) => (i % 2 ? head1 : head2).post(`/api/v1/disbursement/proposals/${p.id}/approve`)),
    );
    const ok = answers.filter((a) => a.status === 200);
    const refused = answers.filter((a) => a.status === 409);
    expect(ok).toHaveLength(10);
    expect(refused).toHaveLength(15);
    for (const r of refused) {
      expect(r.body.code).toBe('DISBURSEMENT_CEILING_EXCEEDED');
      expect(r.body.message).toMatch(/^Budget line "Bantuan APBD" \(APBD \d{4}\) has \d+ Rupiah left; this proposal needs 300000$/);
    }
    const after = await fo.get(`/api/v1/disbursement/budget-lines/${line.id}`);
    expect(after.body).toMatchObject({ ceiling: '3000000', committed: '3000000', remaining: '0' });
  });

  it('gives the last rupiah to one of two heads approving at once; the other reads what is left', async () => {
    const line = await openLine('599999', 'OTHER');
    const [a, b] = await eligible(2);
    const [pa, pb] = [await submitted(line.id, [a]), await submitted(line.id, [b])];
    const [ra, rb] = await Promise.all([
      head1.post(`/api/v1/disbursement/proposals/${pa.id}/approve`),
      head2.post(`/api/v1/disbursement/proposals/${pb.id}/approve`),
    ]);
    expect([ra.status, rb.status].sort()).toEqual([200, 409]);
    const lost = ra.status === 409 ? ra : rb;
    expect(lost.body.message).toContain('has 299999 Rupiah left; this proposal needs 300000');
    expect(lost.body.details).toEqual([{ path: 'budgetLineId', message: 'remaining 299999, needed 300000' }]);
  });
});

describe('proposals', () => {
  it('need the standard’s benefit amount: while it is unset, a clear 409 and nothing is reserved', async () => {
    const code = `${SERVICE}_NOAMT`;
    intake.standard(AGENCY, code, null);
    const line = await openLine('1000000', 'APBD_BTT', code);
    const ids = await eligible(1, code);
    const r = await fo.post('/api/v1/disbursement/proposals', { agencyCode: AGENCY, budgetLineId: line.id, applicationIds: ids });
    expect(r.status).toBe(409);
    expect(r.body.code).toBe('DISBURSEMENT_BENEFIT_AMOUNT_UNSET');
    expect(r.body.message).toContain(`${code} of agency ${AGENCY} has no benefit amount for target group LANSIA`);
    const pool = await fo.get(`/api/v1/disbursement/pool?serviceCode=${code}`);
    expect(pool.body.items[0]).toMatchObject({ applicationId: ids[0], status: 'ELIGIBLE', proposalId: null });
  });

  it('are returned by the head with a reason: applications eligible again, intake told; the author cannot approve his own', async () => {
    const line = await openLine('100000000', 'DBHCHT');
    const ids = await eligible(2);
    const p = await submitted(line.id, ids);
    const own = await head1.post('/api/v1/disbursement/proposals', {
      agencyCode: AGENCY,
      budgetLineId: line.id,
      applicationIds: await eligible(1),
    });
    await head1.post(`/api/v1/disbursement/proposals/${own.body.id}/submit`);
    expect((await head1.post(`/api/v1/disbursement/proposals/${own.body.id}/approve`)).body.code).toBe(
      'DISBURSEMENT_SECOND_OFFICER_REQUIRED',
    );
    expect((await fo.post(`/api/v1/disbursement/proposals/${p.id}/approve`)).status).toBe(403);
    const back = await head2.post(`/api/v1/disbursement/proposals/${p.id}/return`, { reason: 'data rekening belum lengkap' });
    expect(back.body).toMatchObject({ status: 'RETURNED', returnReason: 'data rekening belum lengkap' });
    const pool = await fo.get(`/api/v1/disbursement/pool?serviceCode=${SERVICE}&status=ELIGIBLE&limit=500`);
    expect(pool.body.items.map((i: { applicationId: string }) => i.applicationId)).toEqual(expect.arrayContaining(ids));
    await eventually(async () => {
      const events = (await readStream(nats, 'SIGAP_DISBURSEMENT', Subjects.disbursementProposalReturned)).filter(
        (m) => m.data.proposalId === p.id,
      );
      expect(events.map((e) => [...e.data.applicationIds].sort())).toEqual([[...ids].sort()]);
      const submittedEv = (await readStream(nats, 'SIGAP_DISBURSEMENT', Subjects.disbursementProposalSubmitted)).filter(
        (m) => m.data.proposalId === p.id,
      );
      expect(submittedEv).toHaveLength(1);
    });
    // nothing was approved: nothing is committed
    expect((await fo.get(`/api/v1/disbursement/budget-lines/${line.id}`)).body.committed).toBe('0');
  });
});

describe('decrees, requests and settlements', () => {
  it('settles part of a request, refuses an unknown request or recipient, ignores repeats, re-requests the corrected failed recipient, never pays twice', async () => {
    const d = await decreed(3);
    const ids = d.ids;
    const [a, b] = ids;
    expect(d.total).toBe('900000');
    await eventually(async () => {
      const issued = (await readStream(nats, 'SIGAP_DISBURSEMENT', Subjects.disbursementDecreeIssued)).filter(
        (m) => m.data.decreeId === d.id,
      );
      expect(issued).toHaveLength(1);
      expect(issued[0].data).toMatchObject({ decreeNumber: d.decreeNumber, totalAmount: '900000', part: 1, parts: 1 });
    });
    expect((await head1.post(`/api/v1/disbursement/decrees/${d.id}/requests`)).status).toBe(403);
    const req = await bendahara.post(`/api/v1/disbursement/decrees/${d.id}/requests`);
    expect(req.status).toBe(201);
    expect(req.body).toMatchObject({ total: '900000', count: 3, parts: 1 });
    const requestId = req.body.requestId as string;
    const [part] = await eventually(async () => {
      const parts = await requestedParts(requestId);
      expect(parts).toHaveLength(1);
      return parts;
    });
    expect(part.data).toMatchObject({
      requestId,
      agencyCode: AGENCY,
      decreeNumber: d.decreeNumber,
      fiscalYear: YEAR,
      budgetLine: 'APBN',
      totalAmount: '900000',
      part: 1,
      parts: 1,
    });
    for (const r of part.data.recipients) {
      expect(r.nik).toMatch(/^\d{16}$/);
      expect(typeof r.amount).toBe('string');
      expect(r.amount).toBe(AMOUNT);
    }

    // a settlement naming a request Sigap never sent, and one naming a recipient not in the request
    const unknown = settlement(randomUUID());
    const stranger = settlement(requestId, {
      recipients: [
        { applicationId: a, status: 'PAID' },
        { applicationId: randomUUID(), status: 'PAID' },
      ],
    });
    await settle(unknown);
    await settle(stranger);
    await eventually(async () => {
      expect((await rejectedFor(unknown.eventId as string))[0]?.data.errors).toEqual([
        { path: 'requestId', message: expect.stringContaining('is not a disbursement request Sigap sent') },
      ]);
      expect((await rejectedFor(stranger.eventId as string))[0]?.data.errors).toEqual([
        { path: 'recipients[1].applicationId', message: `is not a recipient of request ${requestId}` },
      ]);
    });
    expect((await bendahara.get(`/api/v1/disbursement/requests/${requestId}`)).body.lines.REQUESTED.count).toBe(3);

    // a pays, b is refused by the bank, c waits
    const partial = settlement(requestId, {
      recipients: [
        { applicationId: a, status: 'PAID' },
        { applicationId: b, status: 'REJECTED', reason: 'nomor rekening tidak dikenal' },
      ],
    });
    await settle(partial);
    await eventually(async () =>
      expect((await bendahara.get(`/api/v1/disbursement/requests/${requestId}`)).body.lines).toMatchObject({
        REQUESTED: { count: 1, amount: '300000' },
        PAID: { count: 1, amount: '300000' },
        REJECTED: { count: 1, amount: '300000' },
      }),
    );
    // the same settlement again (same eventId), and under a new eventId: nothing changes
    await settle(partial);
    await settle({ ...partial, eventId: randomUUID() });
    // then the rest of the request, as a whole
    const rest = settlement(requestId);
    await settle(rest);
    await eventually(async () => {
      const v = (await bendahara.get(`/api/v1/disbursement/requests/${requestId}`)).body;
      expect(v.lines).toMatchObject({ REQUESTED: { count: 0 }, PAID: { count: 2, amount: '600000' }, REJECTED: { count: 1 } });
      expect(v.status).toBe('SETTLED');
      expect(v.settlements.map((s: { linesSettled: number }) => s.linesSettled)).toEqual([2, 0, 1]);
    });
    expect((await bendahara.get(`/api/v1/disbursement/budget-lines/${d.budgetLineId}`)).body).toMatchObject({
      committed: '900000',
      requested: '0',
      paid: '600000',
    });

    // b's bank account corrected, requested again: only b, with the new account
    expect(
      (
        await bendahara.post(`/api/v1/disbursement/decrees/${d.id}/recipients/${a}/correction`, {
          bankAccount: '0011223344',
          bankName: 'Bank Jatim',
          reason: 'rekening salah',
        })
      ).body.code,
    ).toBe('DISBURSEMENT_RECIPIENT_WRONG_STATUS');
    const fixed = await bendahara.post(`/api/v1/disbursement/decrees/${d.id}/recipients/${b}/correction`, {
      bankAccount: '0011223344',
      bankName: 'Bank Jatim',
      reason: 'rekening diperbaiki',
    });
    expect(fixed.body).toEqual({ applicationId: b, bankAccount: '******3344' });
    const again = await bendahara.post(`/api/v1/disbursement/decrees/${d.id}/requests`);
    expect(again.body).toMatchObject({ total: '300000', count: 1, parts: 1 });
    const [second] = await eventually(async () => {
      const parts = await requestedParts(again.body.requestId);
      expect(parts).toHaveLength(1);
      return parts;
    });
    expect(second.data.recipients).toEqual([expect.objectContaining({ applicationId: b, bankAccount: '0011223344', amount: AMOUNT })]);
    expect((await bendahara.post(`/api/v1/disbursement/decrees/${d.id}/requests`)).body.code).toBe('DISBURSEMENT_NOTHING_TO_REQUEST');
    // paying a under the new request is impossible: it is not in it
    const twice = settlement(again.body.requestId, { recipients: [{ applicationId: a, status: 'PAID' }] });
    await settle(twice);
    await settle(settlement(again.body.requestId));
    await eventually(async () => {
      expect(await rejectedFor(twice.eventId as string)).toHaveLength(1);
      const decree = (await bendahara.get(`/api/v1/disbursement/decrees/${d.id}`)).body;
      expect(decree.recipients.map((r: { status: string }) => r.status)).toEqual(['PAID', 'PAID', 'PAID']);
      expect(decree.lines.PAID).toEqual({ count: 3, amount: '900000' });
    });
    await eventually(async () => {
      const paid = (await readStream(nats, 'SIGAP_DISBURSEMENT', Subjects.disbursementRecipientPaid)).filter((m) =>
        ids.includes(m.data.applicationId),
      );
      expect(paid.map((m) => m.data.applicationId).sort()).toEqual([...ids].sort());
      const failed = (await readStream(nats, 'SIGAP_DISBURSEMENT', Subjects.disbursementRecipientFailed)).filter(
        (m) => m.data.applicationId === b,
      );
      expect(failed.map((m) => m.data.final)).toEqual([false]);
    });
    expect((await bendahara.get(`/api/v1/disbursement/budget-lines/${d.budgetLineId}`)).body).toMatchObject({
      committed: '900000',
      requested: '0',
      paid: '900000',
    });
  });

  it('publishes a request once when the service is killed between its commit and its publish, and handles a settlement that comes first', async () => {
    const d = await decreed(2);
    await disbursement.stop();
    disbursement = await startDisbursement({ SIGAP_TEST_OUTBOX_RELAY: 'off' });
    const req = await bendahara.post(`/api/v1/disbursement/decrees/${d.id}/requests`);
    expect(req.status).toBe(201);
    const requestId = req.body.requestId as string;
    const rows = await db.query(
      `SELECT count(*)::int AS n FROM disbursement.outbox WHERE subject = $1 AND payload::jsonb->>'requestId' = $2 AND published_at IS NULL`,
      [Subjects.disbursementRequested, requestId],
    );
    expect(rows.rows[0].n).toBe(1);
    // the finance office learnt of the request another way and settles before it is marked sent
    await settle(settlement(requestId));
    await eventually(async () => expect((await bendahara.get(`/api/v1/disbursement/requests/${requestId}`)).body.status).toBe('SETTLED'));
    expect(await requestedParts(requestId)).toHaveLength(0);
    disbursement.process.kill('SIGKILL');
    await new Promise((r) => disbursement.process.once('exit', r));
    disbursement = await startDisbursement();
    const parts = await eventually(
      async () => {
        const p = await requestedParts(requestId);
        expect(p).toHaveLength(1);
        return p;
      },
      { timeoutMs: 30000 },
    );
    // restarted once more: still once
    await disbursement.stop();
    disbursement = await startDisbursement();
    expect(await requestedParts(requestId)).toHaveLength(1);
    expect(parts[0].data.totalAmount).toBe('600000');
  });

  it('splits a 20,000-recipient decree below the bus’s max payload; the parts are the decree, each recipient once, the sum exact', async () => {
    const code = `${SERVICE}_BIG`.slice(0, 40);
    intake.standard(AGENCY, code, { amount: '1500000', byTargetGroup: [{ targetGroup: 'DISABILITAS', amount: '2250001' }] });
    // 20,000 verified applications, their dossiers in (as the pool holds them after intake answered)
    await db.query(
      `INSERT INTO disbursement.pool (application_id, agency_code, service_code, ticket_number, target_group, nik, name, address, village_code, dossier_at)
       SELECT gen_random_uuid(), $1, $2, $2 || '-' || i, CASE WHEN i % 7 = 0 THEN 'DISABILITAS' ELSE 'LANSIA' END,
              '3575014' || lpad(i::text, 9, '0'), 'Penerima Nomor ' || i, 'Jl. Panglima Sudirman ' || i, '35.75.0' || (1 + i % 4) || '.1001', now()
         FROM generate_series(1, 20000) AS i`,
      [AGENCY, code],
    );
    const line = await openLine('100000000000', 'APBD_BTT', code);
    const p = await fo.post('/api/v1/disbursement/proposals', { agencyCode: AGENCY, budgetLineId: line.id, allEligible: true });
    expect(p.status).toBe(201);
    const sevenths = Math.floor(20000 / 7);
    const expected = BigInt(20000 - sevenths) * 1500000n + BigInt(sevenths) * 2250001n;
    expect(p.body).toMatchObject({ count: 20000, total: expected.toString(), fitsBudget: true });
    expect((await fo.post(`/api/v1/disbursement/proposals/${p.body.id}/submit`)).status).toBe(200);
    expect((await head1.post(`/api/v1/disbursement/proposals/${p.body.id}/approve`)).status).toBe(200);
    const d = await head1.post(`/api/v1/disbursement/proposals/${p.body.id}/decree`, {
      decreeNumber: `BIG/${randomUUID().slice(0, 8)}`,
      decreeDate: '2026-12-02',
      signatory: 'Wali Kota',
    });
    expect(d.status).toBe(201);
    expect(d.body.total).toBe(expected.toString());
    const req = await bendahara.post(`/api/v1/disbursement/decrees/${d.body.id}/requests`);
    expect(req.status).toBe(201);
    const maxPayload = nats.info!.max_payload;
    const parts = await eventually(
      async () => {
        const got = await requestedParts(req.body.requestId);
        expect(got).toHaveLength(req.body.parts);
        return got;
      },
      { timeoutMs: 60000 },
    );
    expect(req.body.parts).toBeGreaterThan(1);
    const seen = new Set<string>();
    let sum = 0n;
    for (const part of parts) {
      expect(Buffer.byteLength(JSON.stringify(part.data))).toBeLessThan(maxPayload);
      expect(part.data).toMatchObject({ requestId: req.body.requestId, parts: req.body.parts, totalAmount: expected.toString() });
      for (const r of part.data.recipients) {
        expect(r.amount).toMatch(/^[1-9]\d*$/);
        seen.add(r.applicationId);
        sum += BigInt(r.amount);
      }
    }
    expect([...parts.map((x) => x.data.part)].sort((x, y) => x - y)).toEqual(Array.from({ length: req.body.parts }, (_, i) => i + 1));
    expect(seen.size).toBe(20000);
    expect(sum).toBe(expected);
    const issued = await eventually(
      async () => {
        const got = (await readStream(nats, 'SIGAP_DISBURSEMENT', Subjects.disbursementDecreeIssued)).filter(
          (m) => m.data.decreeId === d.body.id,
        );
        expect(got).toHaveLength(10);
        return got;
      },
      { timeoutMs: 30000 },
    );
    expect(issued.reduce((k, m) => k + m.data.recipients.length, 0)).toBe(20000);
  }, 180000);

  it('keeps every amount an integer end to end: bigint columns, strings on the wire', async () => {
    const cols = await db.query(
      `SELECT table_name, column_name, data_type FROM information_schema.columns WHERE table_schema = 'disbursement'
         AND (data_type IN ('real', 'double precision', 'numeric') OR column_name IN ('ceiling', 'committed', 'requested', 'paid', 'returned', 'total', 'amount'))`,
    );
    expect(cols.rows.length).toBeGreaterThan(10);
    for (const c of cols.rows) expect([c.table_name, c.column_name, c.data_type]).toEqual([c.table_name, c.column_name, 'bigint']);
    const lines = (await fo.get('/api/v1/disbursement/budget-lines')).body.items as Array<Record<string, unknown>>;
    for (const l of lines)
      for (const k of ['ceiling', 'committed', 'requested', 'paid', 'returned', 'remaining']) expect(l[k]).toMatch(/^\d+$/);
  });
});
