// The NATS users and permissions generated from the topology: first as data, then against a
// real nats-server started here with that configuration.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { AckPolicy, jetstream, jetstreamManager } from '@nats-io/jetstream';
import { connect, type NatsConnection } from '@nats-io/transport-node';
import { inboxPrefixOf } from '#messaging';
import { eventually } from '#testing';
import { EXT_SYSTEM, FINANCE_LOCAL_SYSTEM, SERVICES, SERVICE_NAMES, STREAMS, Subjects, subjectMatches } from '#contracts';
import {
  clusterBlock,
  dockerNatsConfig,
  k8sCluster,
  k8sNatsConfigMap,
  natsPermissions,
  natsServerConfig,
  type Permissions,
} from '../../deploy/nats-config.js';
import { hashPassword } from '../../deploy/outside-systems.js';

/** Would NATS let a client holding `allow` use `subject` (a subject, or a pattern for subscribe)? */
function permits(allow: string[], subject: string): boolean {
  return allow.some((p) => {
    const a = p.split('.');
    const s = subject.split('.');
    for (let i = 0; i < a.length; i++) {
      if (a[i] === '>') return s.length > i;
      if (i >= s.length || s[i] === '>') return false;
      if (a[i] !== '*' && a[i] !== s[i]) return false;
    }
    return a.length === s.length;
  });
}

const perms = natsPermissions();
const of = (user: string): Permissions => {
  const p = perms[user];
  if (!p) throw new Error(`${user} has no restricted permissions`);
  return p;
};
const canPublish = (user: string, subject: string) => permits(of(user).publish, subject);
const canSubscribe = (user: string, subject: string) => permits(of(user).subscribe, subject);

describe('generated NATS permissions', () => {
  it('has the administrator and one user per service in account SIGAP', () => {
    expect(Object.keys(perms).sort()).toEqual(['sigap', ...SERVICE_NAMES].sort());
    expect(perms.sigap).toBeNull();
  });

  it('keeps every service to its own rpc subjects', () => {
    expect(canSubscribe('intake', 'sigap.rpc.intake.application.get')).toBe(true);
    expect(canSubscribe('intake', 'sigap.rpc.verification.>')).toBe(false);
    expect(canSubscribe('intake', 'sigap.rpc.>')).toBe(false);
    for (const name of SERVICE_NAMES) {
      for (const other of SERVICE_NAMES.filter((o) => o !== name)) {
        expect(canSubscribe(name, `sigap.rpc.${other}.x`)).toBe(false);
      }
    }
  });

  it('lets only the gateway send requests to services, and verification and disbursement ask intake for dossiers alone', () => {
    expect(canPublish('gateway', 'sigap.rpc.intake.application.get')).toBe(true);
    expect(canPublish('verification', 'sigap.rpc.intake.application.dossiers')).toBe(true);
    expect(canPublish('verification', 'sigap.rpc.intake.application.list')).toBe(false);
    // disbursement: the recipients' data for the decree and the finance office, and the standard's benefit amount
    expect(canPublish('disbursement', 'sigap.rpc.intake.application.dossiers')).toBe(true);
    expect(canPublish('disbursement', 'sigap.rpc.intake.standard.get')).toBe(true);
    expect(canPublish('disbursement', 'sigap.rpc.intake.application.list')).toBe(false);
    for (const name of SERVICE_NAMES.filter((n) => !['gateway', 'verification', 'disbursement'].includes(n))) {
      expect(canPublish(name, 'sigap.rpc.intake.application.dossiers')).toBe(false);
    }
    for (const name of SERVICE_NAMES.filter((n) => n !== 'gateway')) {
      expect(canPublish(name, 'sigap.rpc.intake.application.get')).toBe(false);
      // answers go out through allow_responses, not a blanket right to publish into inboxes
      expect(canPublish(name, '_INBOX.abc')).toBe(false);
      expect(of(name).allowResponses).toBe(true);
    }
  });

  it('lets each service publish its own events and sigap.rejected, not another context’s', () => {
    expect(canPublish('intake', Subjects.intakeApplicationReceived)).toBe(true);
    expect(canPublish('intake', Subjects.rejected)).toBe(true);
    expect(canPublish('intake', 'sigap.rejected.detail')).toBe(true);
    expect(canPublish('intake', Subjects.verificationCaseOpened)).toBe(false);
    expect(canPublish('intake', Subjects.extApplicationSubmitted)).toBe(false);
    expect(canPublish('verification', Subjects.intakeApplicationReceived)).toBe(false);
    for (const name of SERVICE_NAMES) {
      for (const s of SERVICES[name].publishes) expect(canPublish(name, s)).toBe(true);
    }
  });

  it('lets a service read and ack its own durables only', () => {
    for (const name of SERVICE_NAMES) {
      for (const c of SERVICES[name].consumers) {
        const stream = STREAMS.find((st) => st.subjects.some((p) => subjectMatches(p, c.subject)))!.name;
        expect(canPublish(name, `$JS.API.CONSUMER.MSG.NEXT.${stream}.${c.durable}`)).toBe(true);
        expect(canPublish(name, `$JS.ACK.${stream}.${c.durable}.1.2.3.1700000000.0`)).toBe(true);
        for (const other of SERVICE_NAMES.filter((o) => o !== name)) {
          expect(canPublish(other, `$JS.API.CONSUMER.MSG.NEXT.${stream}.${c.durable}`)).toBe(false);
          expect(canPublish(other, `$JS.ACK.${stream}.${c.durable}.1.2.3.1700000000.0`)).toBe(false);
        }
      }
    }
  });

  it('leaves stream management to the administrator', () => {
    for (const user of SERVICE_NAMES) {
      for (const op of ['STREAM.CREATE', 'STREAM.DELETE', 'STREAM.PURGE', 'STREAM.UPDATE', 'CONSUMER.DELETE']) {
        expect(canPublish(user, `$JS.API.${op}.SIGAP_EXT`)).toBe(false);
      }
    }
  });

  it('gives the gateway only the subjects that can be rejected for replay', () => {
    for (const name of SERVICE_NAMES) {
      for (const c of SERVICES[name].consumers) expect(canPublish('gateway', c.subject)).toBe(true);
    }
    expect(canPublish('gateway', Subjects.disbursementRequested)).toBe(false);
    expect(canPublish('gateway', Subjects.complaintsComplaintUpdated)).toBe(false);
  });
});

describe('generated nats-server configuration', () => {
  const passwords = { admin: 'adm', services: Object.fromEntries(SERVICE_NAMES.map((n) => [n, `${n}-pw`])) };
  const systems = [{ ...EXT_SYSTEM, password: 'ext-pw' }];

  it('sets sync_interval only where asked (Debian’s 2.9.10 refuses it)', () => {
    expect(natsServerConfig({ port: 1, storeDir: '/x', passwords, systems })).not.toContain('sync_interval');
    expect(natsServerConfig({ port: 1, storeDir: '/x', passwords, systems, syncAlways: true })).toMatch(/sync_interval: always/);
  });

  it('refuses an outside system named like a service', () => {
    expect(() =>
      natsServerConfig({ port: 1, storeDir: '/x', passwords, systems: [{ ...EXT_SYSTEM, name: 'intake', password: 'x' }] }),
    ).toThrow(/intake: the name is taken/);
  });

  it('ships configurations that read passwords from the environment and are current', () => {
    const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../../..');
    const docker = readFileSync(path.join(root, 'deploy/docker/nats.conf'), 'utf8');
    const k8s = readFileSync(path.join(root, 'deploy/k8s/nats-config.yaml'), 'utf8');
    // stale files mean the topology changed: run `node dist/deploy/nats-config.js --write`
    expect(docker).toBe(dockerNatsConfig());
    expect(k8s).toBe(k8sNatsConfigMap());
    expect(docker).toMatch(/password: \$SIGAP_NATS_PASSWORD_INTAKE\b/);
    expect(docker).toMatch(/user: "ext", password: \$SIGAP_EXT_NATS_PASSWORD\b/);
    expect(docker).toMatch(/sync_interval: always/);
    // the cluster's routes authenticate
    expect(k8s).toContain(
      clusterBlock(k8sCluster())
        .map((l) => `    ${l}`)
        .join('\n'),
    );
    expect(k8s).toMatch(/authorization \{ user: "route", password: \$SIGAP_NATS_ROUTE_PASSWORD/);
  });
});

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

/** Starts nats-server on a configuration; resolves once `ready` says it is up. */
async function runServer(dir: string, name: string, conf: string, env: Record<string, string> = {}) {
  writeFileSync(path.join(dir, `${name}.conf`), conf);
  let log = '';
  const server = spawn('nats-server', ['-c', path.join(dir, `${name}.conf`)], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, ...env },
  });
  server.stdout!.on('data', (d) => (log += d));
  server.stderr!.on('data', (d) => (log += d));
  const spawnError = new Promise<never>((_, reject) =>
    server.once('error', (e) => reject(new Error(`cannot run nats-server (apt-get install -y nats-server): ${e.message}`))),
  );
  spawnError.catch(() => undefined);
  return { server, log: () => log, spawnError };
}

describe('the cluster routes of deploy/k8s, on real nats-servers', () => {
  let dir: string;
  const servers: ChildProcess[] = [];
  afterAll(() => {
    for (const s of servers) s.kill('SIGKILL');
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('form a cluster with the route password and refuse a node without it', async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'sigap-routes-spec-'));
    const ports = await Promise.all([freePort(), freePort(), freePort(), freePort(), freePort(), freePort()]);
    const route = (i: number, pw: string) => `nats://route:${pw}@127.0.0.1:${ports[3 + i]}`;
    // the rendered cluster block of the manifests, its routes pointed at loopback ports
    const node = (i: number, pw: string) => {
      const block = clusterBlock({ ...k8sCluster(), port: ports[3 + i] }).join('\n');
      return {
        conf: `port: ${ports[i]}\nhost: "127.0.0.1"\n${block}\n`,
        env: {
          SIGAP_NATS_ROUTE_PASSWORD: pw,
          SIGAP_NATS_ROUTE_0: route(0, pw),
          SIGAP_NATS_ROUTE_1: route(1, pw),
          SIGAP_NATS_ROUTE_2: route(2, pw),
        },
      };
    };
    const a = await runServer(dir, 'a', node(0, 'right-pw').conf, node(0, 'right-pw').env);
    const b = await runServer(dir, 'b', node(1, 'right-pw').conf, node(1, 'right-pw').env);
    const c = await runServer(dir, 'c', node(2, 'wrong-pw').conf, node(2, 'wrong-pw').env);
    servers.push(a.server, b.server, c.server);
    await eventually(() => expect(a.log() + b.log()).toMatch(/Route connection created/), { timeoutMs: 10_000 });
    // a message crosses the authenticated route
    const [ca, cb] = await Promise.all([connectWhenUp(ports[0]), connectWhenUp(ports[1])]);
    const sub = cb.subscribe('spec.route', { max: 1 });
    await cb.flush();
    await eventually(
      async () => {
        ca.publish('spec.route', 'hello');
        await ca.flush();
        expect(sub.getReceived()).toBe(1);
      },
      { timeoutMs: 10_000 },
    );
    // the node with the wrong password is refused by the others
    await eventually(() => expect(a.log() + b.log()).toMatch(/authentication error|Authorization Violation/), { timeoutMs: 10_000 });
    await Promise.all([ca.close(), cb.close()]);
  });
});

async function connectWhenUp(port: number): Promise<NatsConnection> {
  for (let i = 0; ; i++) {
    try {
      return await connect({ servers: `nats://127.0.0.1:${port}` });
    } catch (e) {
      if (i > 100) throw e;
      await new Promise((r) => setTimeout(r, 50));
    }
  }
}

describe('a real nats-server with the generated configuration', () => {
  const passwords = { admin: 'adm-pw', services: Object.fromEntries(SERVICE_NAMES.map((n) => [n, `${n}-pw`])) };
  // passwords as the systems command keeps them: bcrypt hashes
  const systems = [
    { ...EXT_SYSTEM, password: hashPassword('ext-pw') },
    { ...FINANCE_LOCAL_SYSTEM, password: hashPassword('finance-pw') },
  ];
  let dir: string;
  let server: ChildProcess;
  let url: string;
  const open: NatsConnection[] = [];
  // services connect with their private inbox prefix, as libs/messaging does; outside systems
  // and the administrator with the default one
  const as = async (
    user: string,
    pass: string,
    inboxPrefix = (SERVICE_NAMES as string[]).includes(user) ? inboxPrefixOf(user) : undefined,
  ) => {
    const nc = await connect({ servers: url, user, pass, name: `spec-${user}`, inboxPrefix });
    open.push(nc);
    return nc;
  };
  // refused by the user's permissions, or nothing in its account answers: both leave it outside
  const noResponders = /Permissions Violation|no responders|not enabled|503/i;

  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'sigap-nats-spec-'));
    const port = await freePort();
    url = `nats://127.0.0.1:${port}`;
    const run = await runServer(dir, 'nats', natsServerConfig({ port, storeDir: path.join(dir, 'js'), passwords, systems }));
    server = run.server;
    for (let i = 0; ; i++) {
      const up = await Promise.race([
        connect({ servers: url, user: 'sigap', pass: passwords.admin }).then(
          (nc) => (open.push(nc), true),
          () => false,
        ),
        run.spawnError,
      ]);
      if (up) break;
      if (i > 100 || server.exitCode !== null) throw new Error(`nats-server did not start:\n${run.log()}`);
      await new Promise((r) => setTimeout(r, 50));
    }
    // what provisioning does, done here directly so this test depends on the configuration only
    const jsm = await jetstreamManager(open[0]);
    for (const s of STREAMS) await jsm.streams.add({ name: s.name, subjects: s.subjects });
    for (const name of SERVICE_NAMES) {
      for (const c of SERVICES[name].consumers) {
        const stream = STREAMS.find((st) => st.subjects.some((p) => subjectMatches(p, c.subject)))!.name;
        await jsm.consumers.add(stream, { durable_name: c.durable, filter_subject: c.subject, ack_policy: AckPolicy.Explicit });
      }
    }
  });

  afterAll(async () => {
    await Promise.all(open.map((nc) => nc.close().catch(() => undefined)));
    server?.kill('SIGKILL');
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('refuses ext publishing an outbound event', async () => {
    const ext = await as('ext', 'ext-pw');
    await expect(jetstream(ext).publish(Subjects.intakeApplicationReceived, '{}', { timeout: 3000 })).rejects.toThrow(
      /Permissions Violation for Publish to "sigap\.intake\.application\.received\.v1"/,
    );
  });

  it('stores what ext publishes on a contract subject as sigap.from.ext.…, and acknowledges it', async () => {
    const ext = await as('ext', 'ext-pw');
    const ack = await jetstream(ext).publish(Subjects.extApplicationSubmitted, JSON.stringify({ eventId: 'spec-1' }), { msgID: 'spec-1' });
    expect(ack.stream).toBe('SIGAP_EXT');
    const stored = await (await jetstreamManager(open[0])).streams.getMessage('SIGAP_EXT', { seq: ack.seq });
    expect(stored?.subject).toBe('sigap.from.ext.application.submitted.v1');
  });

  it('lets the finance office alone publish settlements and read payout requests', async () => {
    const ext = await as('ext', 'ext-pw');
    const finance = await as('finance-local', 'finance-pw');
    // ext has no way into SIGAP for a settlement: its account imports no such subject
    await expect(jetstream(ext).publish(Subjects.extFinanceDisbursementSettled, '{}', { timeout: 2000 })).rejects.toThrow(
      /Permissions Violation|no responders|not enabled|503/i,
    );
    const ack = await jetstream(finance).publish(Subjects.extFinanceDisbursementSettled, JSON.stringify({ eventId: 'spec-s' }), {
      msgID: 'spec-s',
    });
    expect((await (await jetstreamManager(open[0])).streams.getMessage('SIGAP_EXT', { seq: ack.seq }))?.subject).toBe(
      'sigap.from.finance-local.finance.disbursement.settled.v1',
    );
    // full NIKs: ext may not even subscribe
    const denied = ext.subscribe(Subjects.disbursementRequested);
    expect(String(await denied.closed)).toMatch(/Permissions Violation for Subscription to "sigap\.disbursement\.requested\.v1"/);
    const got = finance.subscribe(Subjects.disbursementRequested, { max: 1 });
    await finance.flush();
    const disbursement = await as('disbursement', passwords.services.disbursement);
    await jetstream(disbursement).publish(Subjects.disbursementRequested, '{"r":1}', { msgID: 'spec-d' });
    for await (const m of got) expect(m.string()).toBe('{"r":1}');
  });

  it('gives an outside system no stream API, no other bucket and never sigap.rejected.detail', async () => {
    const ext = await as('ext', 'ext-pw');
    await expect(ext.request('$JS.API.STREAM.INFO.SIGAP_EXT', '', { timeout: 1500 })).rejects.toThrow(noResponders);
    await expect(ext.request('$JS.API.STREAM.PURGE.SIGAP_EXT', '', { timeout: 1500 })).rejects.toThrow(noResponders);
    await expect(ext.request('$JS.API.CONSUMER.CREATE.OBJ_sigap_registry_drops', '{}', { timeout: 1500 })).rejects.toThrow(noResponders);
    await expect(ext.request('$JS.API.STREAM.INFO.OBJ_sigap_registry_uploads', '', { timeout: 1500 })).rejects.toThrow(noResponders);
    const detail = ext.subscribe('sigap.rejected.detail');
    expect(String(await detail.closed)).toMatch(/Permissions Violation for Subscription to "sigap\.rejected\.detail"/);
  });

  it('refuses intake subscribing to verification’s requests', async () => {
    const intake = await as('intake', passwords.services.intake);
    const sub = intake.subscribe('sigap.rpc.verification.>');
    const closed = await sub.closed;
    expect(String(closed)).toMatch(/Permissions Violation for Subscription to "sigap\.rpc\.verification\.>"/);
  });

  it('lets intake take from its own durable and ack, but not read verification’s', async () => {
    const ext = await as('ext', 'ext-pw');
    await jetstream(ext).publish(Subjects.extApplicationSubmitted, JSON.stringify({ eventId: 'spec-2' }), { msgID: 'spec-2' });
    const intake = await as('intake', passwords.services.intake);
    const consumer = await jetstream(intake).consumers.get('SIGAP_EXT', 'intake_ext_application_submitted');
    const msg = await consumer.next({ expires: 3000 });
    expect(msg?.subject).toBe('sigap.from.ext.application.submitted.v1');
    expect(await msg!.ackAck()).toBe(true);
    await expect(jetstream(intake).consumers.get('SIGAP_INTAKE', 'verification_application_received')).rejects.toThrow(
      /Permissions Violation/,
    );
  });

  it('lets the gateway call a service, and no other service do so', async () => {
    const intake = await as('intake', passwords.services.intake);
    intake.subscribe('sigap.rpc.intake.spec.ping', { callback: (_e, m) => void m.respond('pong') });
    await intake.flush();
    const gateway = await as('gateway', passwords.services.gateway);
    expect((await gateway.request('sigap.rpc.intake.spec.ping', '', { timeout: 3000 })).string()).toBe('pong');
    const verification = await as('verification', passwords.services.verification);
    await expect(verification.request('sigap.rpc.intake.spec.ping', '', { timeout: 3000 })).rejects.toThrow(/Permissions Violation/);
  });

  it('shows an outside system nothing of Sigap on `_INBOX.>`', async () => {
    const ext = await as('ext', 'ext-pw');
    const seen: string[] = [];
    ext.subscribe('_INBOX.>', { callback: (_e, m) => void seen.push(m.subject) });
    await ext.flush();
    await jetstream(ext).publish(Subjects.extApplicationSubmitted, JSON.stringify({ eventId: 'spec-4' }), { msgID: 'spec-4' });
    seen.length = 0; // ext's own publish acknowledgement
    const intake = await as('intake', passwords.services.intake, '_INBOX_intake');
    const consumer = await jetstream(intake).consumers.get('SIGAP_EXT', 'intake_ext_application_submitted');
    const msg = await consumer.next({ expires: 3000 });
    expect(await msg!.ackAck()).toBe(true);
    await jetstream(intake).publish(Subjects.intakeApplicationReceived, '{}', { msgID: 'spec-5' });
    // even the administrator with the shared prefix answers in its own account
    await (await jetstreamManager(open[0])).streams.info('SIGAP_EXT');
    await ext.flush();
    expect(seen).toEqual([]);
  });

  it('refuses a service the shared `_INBOX` prefix', async () => {
    const intake = await as('intake', passwords.services.intake, '_INBOX');
    await expect(jetstream(intake).publish(Subjects.intakeApplicationReceived, '{}', { msgID: 'spec-6' })).rejects.toThrow(
      /Permissions Violation/,
    );
  });

  it('lets a service publish its own events with an acknowledgement', async () => {
    const intake = await as('intake', passwords.services.intake);
    const ack = await jetstream(intake).publish(Subjects.intakeApplicationReceived, '{}', { msgID: 'spec-3' });
    expect(ack.stream).toBe('SIGAP_INTAKE');
  });
});
