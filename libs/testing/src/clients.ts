import pg from 'pg';
import { randomUUID } from 'node:crypto';
import { connect, headers as natsHeaders, type ConnectionOptions, type NatsConnection } from '@nats-io/transport-node';
import { jetstream, jetstreamManager, AckPolicy, DeliverPolicy, type JsMsg } from '@nats-io/jetstream';
import { spawn } from 'node:child_process';
import path from 'node:path';
import { repoRoot, testSystem } from './system.js';

/** A Postgres client as the administrator of the test database (to observe, never to act for a service). */
export async function adminDb(): Promise<pg.Client> {
  const c = new pg.Client({ connectionString: testSystem().adminDatabaseUrl });
  await c.connect();
  return c;
}

/**
 * A NATS connection as the administrator (with an operator's private inbox prefix: nothing of
 * Sigap answers on `_INBOX.>`), as `ext` (the development outside system), or as another
 * outside system the installation knows (`finance-local`) or a test created.
 */
export async function natsAs(
  who: 'ext' | 'admin' | string | { user: string; password: string },
  opts: Partial<ConnectionOptions> = {},
): Promise<NatsConnection> {
  const sys = testSystem();
  if (who === 'admin')
    return connect({
      servers: sys.natsUrl,
      user: sys.natsAdmin.user,
      pass: sys.natsAdmin.password,
      name: 'test-admin',
      inboxPrefix: '_INBOX_test',
      ...opts,
    });
  const cred = typeof who === 'object' ? who : who === 'ext' ? sys.ext : sys.systems?.[who];
  if (!cred) throw new Error(`the test installation knows no outside system ${String(who)}`);
  return connect({ servers: sys.natsUrl, user: cred.user, pass: cred.password, name: `test-${cred.user}`, ...opts });
}

export interface CreatedSystem {
  name: string;
  user: string;
  password: string;
  natsUrl: string;
  deliverSubjects: Record<string, string>;
  dropBucket: string | null;
}

/** Runs the operator's systems command (`npm run systems -- …`) against the test installation. */
export async function systemsCommand(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, [path.join(repoRoot, 'dist/deploy/systems.js'), ...args], {
    env: { ...process.env, SIGAP_SYSTEM_FILE: process.env.SIGAP_SYSTEM_FILE },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  const code = await new Promise<number>((resolve) => child.on('close', (c) => resolve(c ?? 1)));
  return { code, stdout, stderr };
}

/** Declares an outside system in the test installation, as an operator would; its credentials come back once. */
export async function createOutsideSystem(
  name: string,
  o: { agencies: string[]; publish?: string[]; read?: string[]; maxPayload?: number; dropBytes?: number; maxConnections?: number },
): Promise<CreatedSystem> {
  const args = ['add', name, '--agencies', o.agencies.join(','), '--json'];
  if (o.publish?.length) args.push('--publish', o.publish.join(','));
  if (o.read?.length) args.push('--read', o.read.join(','));
  if (o.maxPayload) args.push('--max-payload', String(o.maxPayload));
  if (o.dropBytes) args.push('--drop-bytes', String(o.dropBytes));
  if (o.maxConnections) args.push('--max-connections', String(o.maxConnections));
  const r = await systemsCommand(args);
  if (r.code !== 0) throw new Error(`systems add ${name} failed (${r.code}): ${r.stderr}${r.stdout}`);
  return JSON.parse(r.stdout.trim().split('\n').pop()!) as CreatedSystem;
}

export async function removeOutsideSystem(name: string): Promise<void> {
  const r = await systemsCommand(['remove', name]);
  if (r.code !== 0) throw new Error(`systems remove ${name} failed (${r.code}): ${r.stderr}${r.stdout}`);
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
export async function readStream(
  nc: NatsConnection,
  stream: string,
  subject: string,
): Promise<Array<{ data: any; msgId: string | null; seq: number }>> {
  const jsm = await jetstreamManager(nc);
  const name = `test_${randomUUID().slice(0, 8)}`;
  await jsm.consumers.add(stream, {
    name,
    filter_subject: subject,
    ack_policy: AckPolicy.None,
    deliver_policy: DeliverPolicy.All,
    inactive_threshold: 30_000_000_000,
  });
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
        try {
          data = m.json();
        } catch {
          data = m.string();
        }
        out.push({ data, msgId: m.headers?.get('Nats-Msg-Id') ?? null, seq: m.seq });
      }
      if (!got) break;
    }
  }
  await jsm.consumers.delete(stream, name).catch(() => undefined);
  return out;
}

/** A valid `sigap.ext.application.submitted.v1` for tests; NIKs are plausible (area, birth date). */
export function submittedApplication(
  overrides: Record<string, unknown> = {},
  n = Math.floor(Math.random() * 9000) + 1000,
): Record<string, any> {
  const serial = String(n % 10000)
    .padStart(4, '0')
    .replace(/^0000$/, '0001');
  return {
    eventId: randomUUID(),
    occurredAt: new Date().toISOString(),
    source: 'slrt-puskesmas-bawang',
    agencyCode: '33.04',
    serviceCode: 'SANTUNAN_ANAK',
    channel: 'SLRT',
    applicant: {
      nik: `330401510288${serial}`,
      kkNumber: `330401010120${serial}`,
      name: 'Siti Aminah',
      birthDate: '1988-02-11',
      sex: 'F',
      address: 'Jl. Letjend Karjono 1',
      villageCode: '33.04.01.2001',
      phone: '081234567890',
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
    const ls = Object.fromEntries(
      (m[3] ?? '')
        .split(',')
        .filter(Boolean)
        .map((kv) => {
          const [k, v] = kv.split('=');
          return [k, v.replace(/"/g, '')];
        }),
    );
    if (Object.entries(labels).every(([k, v]) => ls[k] === v)) sum += Number(m[4]);
  }
  return sum;
}
