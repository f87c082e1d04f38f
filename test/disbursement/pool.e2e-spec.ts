// The pool with the real intake: an application filed at the front office and decided VERIFIED
// enters disbursement's pool with the applicant's data from intake's dossier (asked by
// disbursement itself, as NATS permissions allow it); the seeded standards carry no benefit
// amount, so a proposal is refused with a clear 409 until the agency's admin sets one.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomBytes } from 'node:crypto';
import type { NatsConnection } from '@nats-io/transport-node';
import { eventually, natsAs, startApp, type RunningApp } from '#testing';
import { agencyAdmin, startGateway } from '../gateway/support.js';
import { officer, verify } from './support.js';

const AGENCY = '35.75';
const serial = String(1000 + Math.floor(Math.random() * 8999));
let gateway: RunningApp;
let intake: RunningApp;
let disbursement: RunningApp;
let nats: NatsConnection;

beforeAll(async () => {
  nats = await natsAs('admin');
  // one after another: on a shared 2-core machine three Nest apps starting together (intake seeding a fresh database) take minutes
  gateway = await startGateway({}, 120000);
  intake = await startApp('intake', {}, 120000);
  disbursement = await startApp('disbursement', { DISBURSEMENT_DOSSIER_POLL_MS: '300' }, 120000);
}, 400000);

afterAll(async () => {
  await Promise.all([gateway?.stop(), intake?.stop(), disbursement?.stop()]);
  await nats?.close();
});

describe('the pool of verified applications', () => {
  it('takes a VERIFIED application with its dossier from intake, and refuses a proposal while the standard has no benefit amount', async () => {
    const fo = await officer(gateway.url, AGENCY, ['FRONT_OFFICE']);
    const elder = {
      nik: `3575015003${'50'}${serial}`,
      kkNumber: `357501010120${serial}`,
      name: 'Mbah Sarni',
      birthDate: '1950-03-10',
      sex: 'F',
      address: 'Jl. Pahlawan 3',
      villageCode: '35.75.01.1001',
      phone: '081234567891',
    };
    const filed = await fo.post('/api/v1/applications', {
      agencyCode: AGENCY,
      serviceCode: 'BANSOS_REHSOS',
      channel: 'FRONT_OFFICE',
      applicant: elder,
      targetGroup: 'LANSIA',
      documents: [{ type: 'KTP' }, { type: 'KK' }],
    });
    expect(filed.status).toBe(201);
    const applicationId = filed.body.applicationId as string;
    await verify(nats, AGENCY, [applicationId]);
    const item = await eventually(
      async () => {
        const r = await fo.get('/api/v1/disbursement/pool?serviceCode=BANSOS_REHSOS&limit=500');
        const mine = r.body.items.find((i: { applicationId: string }) => i.applicationId === applicationId);
        expect(mine).toMatchObject({ dossierReady: true });
        return mine;
      },
      { timeoutMs: 30000 },
    );
    expect(item).toMatchObject({
      agencyCode: AGENCY,
      serviceCode: 'BANSOS_REHSOS',
      name: 'Mbah Sarni',
      targetGroup: 'LANSIA',
      villageCode: '35.75.01.1001',
      status: 'ELIGIBLE',
    });
    expect(JSON.stringify(item)).not.toContain(elder.nik);

    const admin = await agencyAdmin(gateway.url, AGENCY);
    const line = await admin.post('/api/v1/disbursement/budget-lines', {
      agencyCode: AGENCY,
      fiscalYear: 2030 + Math.floor(Math.random() * 60),
      source: 'APBD',
      serviceCode: 'BANSOS_REHSOS',
      name: `Rehsos ${randomBytes(2).toString('hex')}`,
      ceiling: '45000000',
    });
    expect(line.status).toBe(201);
    const proposal = await fo.post('/api/v1/disbursement/proposals', {
      agencyCode: AGENCY,
      budgetLineId: line.body.id,
      applicationIds: [applicationId],
    });
    expect(proposal.status).toBe(409);
    expect(proposal.body).toMatchObject({
      code: 'DISBURSEMENT_BENEFIT_AMOUNT_UNSET',
      message: expect.stringContaining('BANSOS_REHSOS of agency 35.75 has no benefit amount for target group LANSIA'),
    });
  });
});
