import pg from 'pg';
import { randomUUID } from 'node:crypto';
import { connect, headers as natsHeaders, type NatsConnection } from '@nats-io/transport-node';
import { jetstream, jetstreamManager, AckPolicy, DeliverPolicy, type JsMsg } from '@nats-io/jetstream';
import { testSystem } from './system.js';

/** A Postgres client as the administrator of the test database (to observe, never to act for a service). */
export async function adminDb(): Promise<pg.Client> {
  const c = new pg.Client({ connectionString: testSystem().adminDatabaseUrl });
  await c.connect();
  return c;
}

/** A NATS connection as the outside account `ext` (what department systems use) or the administrator. */
export async function natsAs(who: 'ext' | 'admin'): Promise<NatsConnection> {
  const sys = testSystem();
  const cred = who === 'ext' ? sys.ext : sys.natsAdmin;
  return connect({ servers: sys.natsUrl, user: cred.user, pass: cred.password, name: `test-${who}` });
}

/** Publishes a JSON event with `Nats-Msg-Id` = its eventId (or `msgId`), awaiting the PubAck. */
export async function publishEvent(nc: NatsConnection, subject: string, payload: unknown, msgId?: string) {
  const js = jetstream(nc);
  const id = msgId ?? (payload as { eventId?: string })?.eventId;
  const h = natsHeaders();
  if (id) h.set('Nats-Msg-Id', id);
  return js.publish(subject, typeof payload === 'string' ? payload : JSON.stringify(payload), { headers: h });
}

/** Every message of `subject` stored in `stream` so far, read with an ephemeral consumer. */
export async function readStream(nc: NatsConnection, stream: string, subject: string): Promise<Array<{ data: any; msgId: string | null; seq: number }>> {
  const jsm = await jetstreamManager(nc);
  const name = `test_${randomUUID().slice(0, 8)}`;
  await jsm.consumers.add(stream, { name, filter_subject: subject, ack_policy: AckPolicy.None, deliver_policy: DeliverPolicy.All, inactive_threshold: 30_000_000_000 });
  const info = await jsm.consumers.info(stream, name);
  const total = info.num_pending;
  const out: Array<{ data: any; msgId: string | null; seq: number }> = [];
  if (total > 0) {
    const consumer = await jetstream(nc).consumers.get(stream, name);
    while (out.length < total) {
      const batch = await consumer.fetch({ max_messages: Math.min(1000, total - out.length), expires: 2000 });
      let got = 0;
      for await (const m of batch as AsyncIterable<JsMsg>) {
        got++;
        let data: unknown;
        try { data = m.json(); } catch { data = m.string(); }
        out.push({ data, msgId: m.headers?.get('Nats-Msg-Id') ?? null, seq: m.seq });
      }
      if (!got) break;
    }
  }
  await jsm.consumers.delete(stream, name).catch(() => undefined);
  return out;
}

/** A valid `sigap.ext.application.submitted.v1` for tests; NIKs are plausible (area, birth date). */
export function submittedApplication(overrides: Record<string, unknown> = {}, n = Math.floor(Math.random() * 9000) + 1000): Record<string, any> {
  const serial = String(n % 10000).padStart(4, '0').replace(/^0000$/, '0001');
  return {
    eventId: randomUUID(),
    occurredAt: new Date().toISOString(),
    source: 'slrt-puskesmas-bawang',
    agencyCode: '33.04',
    serviceCode: 'SANTUNAN_ANAK',
    channel: 'SLRT',
    applicant: {
      nik: `330401510288${serial}`, kkNumber: `330401010120${serial}`, name: 'Siti Aminah', birthDate: '1988-02-11', sex: 'F',
      address: 'Jl. Letjend Karjono 1', villageCode: '33.04.01.2001', phone: '081234567890',
    },
    beneficiary: { nik: `330401020519${serial}`, name: 'Budi', birthDate: '2019-05-02', sex: 'M' },
    targetGroup: 'ANAK_TERLANTAR',
    documents: [{ type: 'KTP' }, { type: 'KK' }, { type: 'SKTM' }, { type: 'SURAT_PERMOHONAN' }],
    ...overrides,
  };
}

/** Reads a counter of an app's `/metrics`, summed over its label sets matching `labels`. */
export async function metricValue(baseUrl: string, name: string, labels: Record<string, string> = {}): Promise<number> {
  const text = await (await fetch(`${baseUrl}/metrics`)).text();
  let sum = 0;
  for (const line of text.split('\n')) {
    if (!line.startsWith(name)) continue;
    const m = /^([a-z_]+)(\{([^}]*)\})?\s+([0-9.eE+-]+)$/.exec(line);
    if (!m || m[1] !== name) continue;
    const ls = Object.fromEntries((m[3] ?? '').split(',').filter(Boolean).map((kv) => { const [k, v] = kv.split('='); return [k, v.replace(/"/g, '')]; }));
    if (Object.entries(labels).every(([k, v]) => ls[k] === v)) sum += Number(m[4]);
  }
  return sum;
}
