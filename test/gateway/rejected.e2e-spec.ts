// Rejected messages and the outbox's limits, end to end: real compiled intake and gateway, a real
// Postgres, a real NATS with the real users. Outside systems read sigap.rejected without values;
// the admin lists and replays from the detail the gateway alone reads; payloads are purged after
// the retention period; an event too big for the bus is a clear error, never a stalled outbox.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import type { NatsConnection } from '@nats-io/transport-node';
import { jetstreamManager } from '@nats-io/jetstream';
import { internalSubject, Subjects } from '#contracts';
import { adminDb, eventually, metricValue, natsAs, publishEvent, startApp, submittedApplication, type RunningApp } from '#testing';
import { agencyAdmin, Api, isErrorBody, startGateway, testAdminPassword } from './support.js';

let db: pg.Client;
let ext: NatsConnection;
let intake: RunningApp;
let gateway: RunningApp;
let admin: Api;
let admin3304: Api;
const heard: any[] = [];

/** A valid SANTUNAN_ANAK application of Kab. Banjarnegara (33.04), whose admin lists and replays its rejections. */
function banjarnegara(over: Record<string, unknown> = {}) {
  return submittedApplication({ ...over });
}

/** Every string and number inside a payload that is long enough to be recognisable. */
function valuesOf(x: unknown, out: string[] = []): string[] {
  if (typeof x === 'string' && x.length >= 4) out.push(x);
  else if (typeof x === 'number' && String(x).length >= 4) out.push(String(x));
  else if (x && typeof x === 'object')
    for (const [k, v] of Object.entries(x)) {
      if (k.length >= 4 && /\d{4}/.test(k)) out.push(k);
      valuesOf(v, out);
    }
  return out;
}

async function listed(eventId: string) {
  return eventually(
    async () => {
      const r = await admin3304.get(
        `/api/v1/admin/rejected?subject=${Subjects.extApplicationSubmitted}&eventId=${encodeURIComponent(eventId)}`,
      );
      expect(r.status).toBe(200);
      const hit = r.body.items.find((i: { eventId: string }) => i.eventId === eventId);
      expect(hit).toBeDefined();
      return hit;
    },
    { timeoutMs: 20_000 },
  );
}

beforeAll(async () => {
  db = await adminDb();
  ext = await natsAs('ext');
  // an outside system listening to sigap.rejected, as CONTRACT.md allows it
  const sub = ext.subscribe(Subjects.rejected);
  void (async () => {
    for await (const m of sub) heard.push(m.json());
  })();
  await ext.flush();
  // allSettled: an app that did start is stopped in afterAll even when the other did not
  const started = await Promise.allSettled([
    startApp('intake', {}, 90_000),
    // a short housekeeping interval, so the purge of aged payloads is seen within the test
    startGateway({ HOUSEKEEPING_INTERVAL_MS: '500', HTTP_BODY_LIMIT: '3mb' }, 90_000),
  ]);
  [intake, gateway] = started.map((s) => (s.status === 'fulfilled' ? s.value : undefined)) as RunningApp[];
  for (const s of started) if (s.status === 'rejected') throw s.reason;
  admin = await new Api(gateway.url).session('admin', testAdminPassword());
  admin3304 = await agencyAdmin(gateway.url, '33.04');
});

afterAll(async () => {
  await Promise.all([intake?.stop(), gateway?.stop()]);
  await ext?.close();
  await db?.end();
});

describe('an outbox row the server refuses for good', () => {
  it('is set aside, logged, counted in /metrics and shown on the status page, and the rows behind it go out', async () => {
    // a row written before the limit was lowered, say: over the server's max_payload (1 MiB)
    const [{ id }] = (
      await db.query(
        `INSERT INTO gateway.outbox (event_id, subject, payload) VALUES (gen_random_uuid(), $1, json_build_object('blob', repeat('x', 1100000))) RETURNING id`,
        [Subjects.extApplicationSubmitted],
      )
    ).rows;
    // a row behind it: an admin's replay (below) must still be published
    const row = await eventually(
      async () => {
        const { rows } = await db.query(`SELECT refused_at, last_error FROM gateway.outbox WHERE id = $1`, [id]);
        expect(rows[0].refused_at).not.toBeNull();
        return rows[0];
      },
      { timeoutMs: 15_000 },
    );
    expect(row.last_error).toMatch(/max_payload/);
    expect(await metricValue(gateway.url, 'sigap_outbox_refused_total')).toBeGreaterThanOrEqual(1);
    expect(gateway.output()).toMatch(/refused by the server, set aside/);
    const status = await admin.get('/api/v1/system/status');
    expect(status.body.services[0]).toMatchObject({
      service: 'gateway',
      outbox: { refused: expect.any(Number), lastError: expect.stringMatching(/max_payload/) },
    });
    expect(status.body.services[0].outbox.refused).toBeGreaterThanOrEqual(1);
  });
});

describe('sigap.rejected as outside systems see it', () => {
  const sent: Array<{ id: string; body: string }> = [];

  it("carries eventId, subject and errors, and none of the rejected message's values", async () => {
    const mismatch = banjarnegara();
    mismatch.applicant.birthDate = '1988-02-12'; // the NIK says 11-02-88
    const nowhere = banjarnegara({ agencyCode: '99.99' });
    const village = banjarnegara();
    village.applicant.villageCode = '33.04.01.9999';
    const extraKey: Record<string, any> = { ...banjarnegara(), '3304015102880001': 'Siti Aminah' };
    const malformedId = randomUUID();
    const malformed = `{"eventId":"${malformedId}","applicant":{"nik":"3304015102880001","name":"Siti Aminah`;
    for (const e of [mismatch, nowhere, village, extraKey]) {
      await publishEvent(ext, Subjects.extApplicationSubmitted, e);
      sent.push({ id: e.eventId, body: JSON.stringify(e) });
    }
    await publishEvent(ext, Subjects.extApplicationSubmitted, malformed, malformedId);
    sent.push({ id: malformedId, body: malformed });

    const got = await eventually(
      async () => {
        const mine = sent.map((s) => heard.find((h) => h.eventId === s.id));
        expect(mine.every(Boolean)).toBe(true);
        return mine;
      },
      { timeoutMs: 20_000 },
    );
    for (const [i, r] of got.entries()) {
      expect(Object.keys(r).sort()).toEqual(['errors', 'eventId', 'subject']);
      expect(r.subject).toBe(Subjects.extApplicationSubmitted);
      expect(r.errors.length).toBeGreaterThan(0);
      const text = JSON.stringify(r);
      const values = i === 4 ? ['3304015102880001', 'Siti Aminah'] : valuesOf(JSON.parse(sent[i].body)).filter((v) => v !== sent[i].id);
      for (const v of values) expect(text).not.toContain(v);
    }
    // they still say what is wrong
    expect(got[0].errors).toEqual([{ path: 'applicant.nik', message: 'nik birth date part (digits 7–12) does not match the birth date' }]);
    expect(got[1].errors).toEqual([{ path: 'agencyCode', message: 'agencyCode is not an agency of this installation' }]);
    expect(got[2].errors).toEqual([{ path: 'applicant.villageCode', message: expect.stringMatching(/^villageCode is not a village/) }]);
    expect(got[3].errors).toEqual([{ path: '?', message: 'property ? should not exist' }]);
    expect(got[4].errors).toEqual([{ path: '', message: 'payload is not JSON' }]);
  });

  it('is not the detail: an outside system cannot subscribe to sigap.rejected.detail', async () => {
    const sub = ext.subscribe(Subjects.rejectedDetail);
    const closed = (async () => {
      for await (const _ of sub) {
        /* nothing may arrive */
      }
    })();
    await expect(closed).rejects.toThrow(/Permissions Violation/i);
  });

  it('keeps the full message for the admin, who lists and replays it', async () => {
    const [first] = sent;
    const item = await listed(first.id);
    expect(item).toMatchObject({
      reason: 'VALIDATION',
      consumer: 'intake_ext_application_submitted',
      payloadPurgedAt: null,
      source: { stream: 'SIGAP_EXT' },
    });
    expect(item.payload).toEqual(JSON.parse(first.body));

    const corrected = { ...item.payload, applicant: { ...item.payload.applicant, birthDate: '1988-02-11' } };
    const r = await admin3304.post(`/api/v1/admin/rejected/${item.id}/replay`, { payload: corrected });
    expect(r.status).toBe(202);
    // published behind the refused row above, and registered by intake
    await eventually(
      async () => {
        const { rows } = await db.query(`SELECT status FROM intake.applications WHERE source_event_id = $1`, [r.body.eventId]);
        expect(rows).toHaveLength(1);
      },
      { timeoutMs: 20_000 },
    );
  });

  it("refuses, in the replay's transaction, a corrected payload too big for the bus: 413 naming the subject and the sizes", async () => {
    const item = await listed(sent[2].id);
    const big = { ...item.payload, applicant: { ...item.payload.applicant, address: 'x'.repeat(1_200_000) } };
    const r = await admin3304.post(`/api/v1/admin/rejected/${item.id}/replay`, { payload: big });
    expect(r.status).toBe(413);
    expect(isErrorBody(r.body, 413)).toBe(true);
    expect(r.body.code).toBe('EVENT_TOO_LARGE');
    expect(r.body.message).toMatch(
      new RegExp(`on ${Subjects.extApplicationSubmitted.replace(/\./g, '\\.')} would be \\d+ bytes; .* at most \\d+ bytes .*max_payload`),
    );
    // nothing changed: no replay counted, nothing in the outbox
    expect((await listed(sent[2].id)).replayCount).toBe(0);
    const { rows } = await db.query(
      `SELECT count(*)::int AS n FROM gateway.outbox WHERE created_at > now() - interval '1 minute' AND length(payload::text) > 1000000 AND refused_at IS NULL`,
    );
    expect(rows[0].n).toBe(0);
  });
});

describe('the retention of rejected payloads', () => {
  it('takes the payload out of a row older than the period, keeps the row, and says so in the audit trail', async () => {
    const old = banjarnegara({ serviceCode: 'NO_SUCH' });
    const young = banjarnegara({ serviceCode: 'NO_SUCH_EITHER' });
    await publishEvent(ext, Subjects.extApplicationSubmitted, old);
    await publishEvent(ext, Subjects.extApplicationSubmitted, young);
    const [o, y] = [await listed(old.eventId), await listed(young.eventId)];
    expect(o.payload).not.toBeNull();
    // 31 days ago: past the default period of 30
    await db.query(`UPDATE gateway.rejected_messages SET received_at = now() - interval '31 days' WHERE id = $1`, [o.id]);
    const purged = await eventually(
      async () => {
        const hit = await listed(old.eventId);
        expect(hit.payloadPurgedAt).not.toBeNull();
        return hit;
      },
      { timeoutMs: 15_000 },
    );
    // the admin still sees it (its agency outlives the payload), under the subject it is stored on: ext's copy of the contract subject
    expect(purged).toMatchObject({
      payload: null,
      cause: null,
      subject: internalSubject(Subjects.extApplicationSubmitted, 'ext'),
      errors: o.errors,
    });
    expect((await listed(young.eventId)).payload).toEqual(y.payload);
    const { rows } = await db.query(
      `SELECT actor_username, after FROM gateway.audit_log WHERE action = 'REJECTED_PAYLOADS_PURGED' AND after->'ids' ? $1`,
      [o.id],
    );
    // the system did it: no user
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ actor_username: null, after: { retentionDays: 30 } });
    // a purged payload cannot be replayed as stored
    expect((await admin3304.post(`/api/v1/admin/rejected/${o.id}/replay`, {})).status).toBe(400);
    // and the detail stream forgets its copies after the same period
    const nc = await natsAs('admin');
    try {
      const info = await (await jetstreamManager(nc)).streams.info('SIGAP_REJECTED_DETAIL');
      expect(info.config.max_age).toBe(30 * 24 * 3600 * 1e9);
    } finally {
      await nc.close();
    }
  });
});

describe("the streams' limits", () => {
  it('are set at provisioning: a full stream refuses new messages (an error the outbox retries) instead of dropping unread ones', async () => {
    const nc = await natsAs('admin');
    try {
      const jsm = await jetstreamManager(nc);
      for (const name of ['SIGAP_EXT', 'SIGAP_INTAKE', 'SIGAP_REJECTED', 'SIGAP_REJECTED_DETAIL']) {
        const { config } = await jsm.streams.info(name);
        expect(config).toMatchObject({ max_msg_size: 1024 * 1024, max_bytes: 1024 * 1024 * 1024, discard: 'new' });
      }
    } finally {
      await nc.close();
    }
  });
});
