// A filing at the edge (issue 9, §5 and §6): its Idempotency-Key travels to intake and files
// once, whatever path a retry takes (the gateway's key table lost, the gateway restarted in
// between, another replica); `occurredAt` and `source` of CONTRACT.md's body are taken.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type pg from 'pg';
import { randomUUID } from 'node:crypto';
import { adminDb, type RunningApp } from '#testing';
import { Api, startGateway } from '../gateway/support.js';
import { filing, staff, startIntakeSystem, type IntakeSystem, type Staff } from './support.js';

let sys: IntakeSystem;
let db: pg.Client;
let fo: Staff;
let second: RunningApp | undefined;

beforeAll(async () => {
  [sys, db] = await Promise.all([startIntakeSystem(), adminDb()]);
  fo = await staff(sys, '33.04', ['FRONT_OFFICE']);
}, 180_000);

afterAll(async () => {
  await Promise.all([sys?.intake.stop(), sys?.gateway.stop(), second?.stop()]);
  await db?.end();
});

async function applicationsUnder(key: string): Promise<Array<{ id: string; ticket_number: string }>> {
  const { rows } = await db.query('SELECT id, ticket_number FROM intake.applications WHERE idempotency_key = $1', [key]);
  return rows;
}

describe('Idempotency-Key of a filing', () => {
  it('files once when the gateway has forgotten the key (its key table cleared, as after a lost answer)', async () => {
    const key = randomUUID();
    const body = filing('SANTUNAN_ANAK');
    const first = await fo.post('/api/v1/applications', body, { 'idempotency-key': key });
    expect(first.status).toBe(201);
    await db.query('DELETE FROM gateway.idempotency_keys WHERE key = $1', [key]);
    const again = await fo.post('/api/v1/applications', body, { 'idempotency-key': key });
    expect(again.status).toBe(201);
    expect(again.body).toMatchObject({ applicationId: first.body.applicationId, ticketNumber: first.body.ticketNumber });
    expect(await applicationsUnder(key)).toEqual([{ id: first.body.applicationId, ticket_number: first.body.ticketNumber }]);
  });

  it('files once when the retry goes through another gateway started in between, and refuses another body under the key', async () => {
    const key = randomUUID();
    const body = filing('SANTUNAN_ANAK');
    const first = await fo.post('/api/v1/applications', body, { 'idempotency-key': key });
    expect(first.status).toBe(201);
    await sys.gateway.stop();
    // the gateway's key table went with a crash or another replica never had the answer
    await db.query('DELETE FROM gateway.idempotency_keys WHERE key = $1', [key]);
    second = await startGateway();
    const other = new Api(second.url, fo.token);
    const again = await other.post('/api/v1/applications', body, { 'idempotency-key': key });
    expect(again.status).toBe(201);
    expect(again.body.applicationId).toBe(first.body.applicationId);
    expect(await applicationsUnder(key)).toHaveLength(1);

    await db.query('DELETE FROM gateway.idempotency_keys WHERE key = $1', [key]);
    const changed = await other.post('/api/v1/applications', { ...body, targetGroup: 'ANAK_YATIM' }, { 'idempotency-key': key });
    expect(changed.status).toBe(422);
    expect(changed.body.code).toBe('INTAKE_IDEMPOTENCY_KEY_REUSED');
    expect(await applicationsUnder(key)).toHaveLength(1);
  });

  it('concurrent retries with the key file one application', async () => {
    const api = second ? new Api(second.url, fo.token) : fo;
    const key = randomUUID();
    const body = filing('SANTUNAN_ANAK');
    const replies = await Promise.all(
      Array.from({ length: 6 }, async () => {
        const r = await api.post('/api/v1/applications', body, { 'idempotency-key': key });
        // the gateway answers a duplicate still running 409; the key table cleared lets others reach intake
        await db.query('DELETE FROM gateway.idempotency_keys WHERE key = $1', [key]);
        return r;
      }),
    );
    const created = replies.filter((r) => r.status === 201);
    expect(created.length).toBeGreaterThan(0);
    expect(new Set(created.map((r) => r.body.applicationId)).size).toBe(1);
    expect(await applicationsUnder(key)).toHaveLength(1);
  });
});

describe("CONTRACT.md's body of POST /api/v1/applications", () => {
  it('takes occurredAt and source: the applicant filed earlier than receipt, in the system named', async () => {
    const api = second ? new Api(second.url, fo.token) : fo;
    const occurredAt = new Date(Date.now() - 3 * 3600_000).toISOString().replace('Z', '+00:00');
    const r = await api.post('/api/v1/applications', filing('SANTUNAN_ANAK', { occurredAt, source: 'slrt-puskesmas-bawang' }));
    expect(r.status).toBe(201);
    const view = await api.get(`/api/v1/applications/${r.body.applicationId}`);
    expect(view.status).toBe(200);
    expect(view.body.source).toBe('slrt-puskesmas-bawang');
    expect(new Date(view.body.filedAt).getTime()).toBe(new Date(occurredAt).getTime());
    expect(new Date(view.body.receivedAt).getTime()).toBeGreaterThan(new Date(occurredAt).getTime());
  });

  it('refuses an occurredAt in the future (400 naming it), and counts a clock a little ahead as receipt', async () => {
    const api = second ? new Api(second.url, fo.token) : fo;
    const future = await api.post(
      '/api/v1/applications',
      filing('SANTUNAN_ANAK', { occurredAt: new Date(Date.now() + 3600_000).toISOString() }),
    );
    expect(future.status).toBe(400);
    expect(future.body.details.map((d: { path: string }) => d.path)).toEqual(['occurredAt']);
    const noOffset = await api.post('/api/v1/applications', filing('SANTUNAN_ANAK', { occurredAt: '2026-11-20T10:15:00' }));
    expect(noOffset.status).toBe(400);
    expect(noOffset.body.details.map((d: { path: string }) => d.path)).toContain('occurredAt');

    const ahead = await api.post(
      '/api/v1/applications',
      filing('SANTUNAN_ANAK', { occurredAt: new Date(Date.now() + 60_000).toISOString() }),
    );
    expect(ahead.status).toBe(201);
    const view = (await api.get(`/api/v1/applications/${ahead.body.applicationId}`)).body;
    expect(view.filedAt).toBe(view.receivedAt);
  });
});
