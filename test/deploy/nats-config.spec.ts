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
import { EXT_SUBSCRIBABLE, SERVICES, SERVICE_NAMES, STREAMS, Subjects, subjectMatches } from '#contracts';
import { dockerNatsConfig, k8sNatsConfigMap, natsPermissions, natsServerConfig, type Permissions } from '../../deploy/nats-config.js';

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
  it('has the administrator, ext, and one user per service', () => {
    expect(Object.keys(perms).sort()).toEqual(['ext', 'sigap', ...SERVICE_NAMES].sort());
    expect(perms.sigap).toBeNull();
  });

  it('lets ext publish only inbound events', () => {
    expect(canPublish('ext', Subjects.extApplicationSubmitted)).toBe(true);
    expect(canPublish('ext', Subjects.extDisasterDeclared)).toBe(true);
    expect(canPublish('ext', Subjects.intakeApplicationReceived)).toBe(false);
    expect(canPublish('ext', 'sigap.intake.>')).toBe(false);
    expect(canPublish('ext', Subjects.rejected)).toBe(false);
    expect(canPublish('ext', 'sigap.rpc.intake.application.get')).toBe(false);
    expect(canPublish('ext', '$JS.API.STREAM.DELETE.SIGAP_EXT')).toBe(false);
    expect(canPublish('ext', '_INBOX.abc')).toBe(false);
    // the registry drop bucket, and no other bucket
    expect(canPublish('ext', '$O.sigap_registry_drops.C.abc')).toBe(true);
    expect(canPublish('ext', '$O.sigap_registry_uploads.C.abc')).toBe(false);
    expect(canPublish('ext', '$JS.API.STREAM.INFO.OBJ_sigap_registry_uploads')).toBe(false);
    expect(canPublish('ext', '$JS.API.CONSUMER.CREATE.OBJ_sigap_registry_drops')).toBe(false);
  });

  it('lets ext subscribe to the outbound subjects, sigap.rejected and its inbox, nothing else', () => {
    for (const s of EXT_SUBSCRIBABLE) expect(canSubscribe('ext', s)).toBe(true);
    expect(canSubscribe('ext', '_INBOX.abc.1')).toBe(true);
    expect(canSubscribe('ext', Subjects.verificationCaseOpened)).toBe(false);
    expect(canSubscribe('ext', Subjects.extApplicationSubmitted)).toBe(false);
    expect(canSubscribe('ext', 'sigap.>')).toBe(false);
    expect(canSubscribe('ext', 'sigap.rpc.intake.>')).toBe(false);
    expect(canSubscribe('ext', '>')).toBe(false);
    // services' own inbox prefixes, where their replies and pulled messages go, are not ext's
    for (const name of SERVICE_NAMES) expect(canSubscribe('ext', `_INBOX_${name}.abc`)).toBe(false);
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

  it('lets only the gateway send requests to services, and verification ask intake for dossiers alone', () => {
    expect(canPublish('gateway', 'sigap.rpc.intake.application.get')).toBe(true);
    expect(canPublish('verification', 'sigap.rpc.intake.application.dossiers')).toBe(true);
    expect(canPublish('verification', 'sigap.rpc.intake.application.list')).toBe(false);
    for (const name of SERVICE_NAMES.filter((n) => n !== 'gateway' && n !== 'verification')) expect(canPublish(name, 'sigap.rpc.intake.application.dossiers')).toBe(false);
    expect(canPublish('ext', 'sigap.rpc.intake.application.dossiers')).toBe(false);
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
    for (const user of ['ext', ...SERVICE_NAMES]) {
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
  const passwords = { admin: 'adm', ext: 'ext-pw', services: Object.fromEntries(SERVICE_NAMES.map((n) => [n, `${n}-pw`])) };

  it('sets sync_interval only where asked (Debian’s 2.9.10 refuses it)', () => {
    expect(natsServerConfig({ port: 1, storeDir: '/x', passwords })).not.toContain('sync_interval');
    expect(natsServerConfig({ port: 1, storeDir: '/x', passwords, syncAlways: true })).toMatch(/sync_interval: always/);
  });

  it('ships configurations that read passwords from the environment and are current', () => {
    const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../../..');
    const docker = readFileSync(path.join(root, 'deploy/docker/nats.conf'), 'utf8');
    const k8s = readFileSync(path.join(root, 'deploy/k8s/nats-config.yaml'), 'utf8');
    // stale files mean the topology changed: run `node dist/deploy/nats-config.js --write`
    expect(docker).toBe(dockerNatsConfig());
    expect(k8s).toBe(k8sNatsConfigMap());
    expect(docker).toMatch(/password: \$SIGAP_NATS_PASSWORD_INTAKE\b/);
    expect(docker).toMatch(/sync_interval: always/);
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

describe('a real nats-server with the generated configuration', () => {
  const passwords = { admin: 'adm-pw', ext: 'ext-pw', services: Object.fromEntries(SERVICE_NAMES.map((n) => [n, `${n}-pw`])) };
  let dir: string;
  let server: ChildProcess;
  let url: string;
  const open: NatsConnection[] = [];
  // services connect with their private inbox prefix, as libs/messaging does; ext and the
  // administrator with the default one
  const as = async (user: string, pass: string, inboxPrefix = (SERVICE_NAMES as string[]).includes(user) ? inboxPrefixOf(user) : undefined) => {
    const nc = await connect({ servers: url, user, pass, name: `spec-${user}`, inboxPrefix });
    open.push(nc);
    return nc;
  };

  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'sigap-nats-spec-'));
    const port = await freePort();
    url = `nats://127.0.0.1:${port}`;
    writeFileSync(path.join(dir, 'nats.conf'), natsServerConfig({ port, storeDir: path.join(dir, 'js'), passwords }));
    let log = '';
    server = spawn('nats-server', ['-c', path.join(dir, 'nats.conf')], { stdio: ['ignore', 'pipe', 'pipe'] });
    server.stdout!.on('data', (d) => (log += d));
    server.stderr!.on('data', (d) => (log += d));
    const spawnError = new Promise<never>((_, reject) => server.once('error', (e) => reject(new Error(`cannot run nats-server (apt-get install -y nats-server): ${e.message}`))));
    for (let i = 0; ; i++) {
      const up = await Promise.race([
        connect({ servers: url, user: 'sigap', pass: passwords.admin }).then((nc) => (open.push(nc), true), () => false),
        spawnError,
      ]);
      if (up) break;
      if (i > 100 || server.exitCode !== null) throw new Error(`nats-server did not start:\n${log}`);
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
    const ext = await as('ext', passwords.ext);
    await expect(jetstream(ext).publish(Subjects.intakeApplicationReceived, '{}', { timeout: 3000 })).rejects.toThrow(
      /Permissions Violation for Publish to "sigap\.intake\.application\.received\.v1"/,
    );
  });

  it('stores what ext publishes on sigap.ext.> and acknowledges it', async () => {
    const ext = await as('ext', passwords.ext);
    const ack = await jetstream(ext).publish(Subjects.extApplicationSubmitted, JSON.stringify({ eventId: 'spec-1' }), { msgID: 'spec-1' });
    expect(ack.stream).toBe('SIGAP_EXT');
  });

  it('refuses intake subscribing to verification’s requests', async () => {
    const intake = await as('intake', passwords.services.intake);
    const sub = intake.subscribe('sigap.rpc.verification.>');
    const closed = await sub.closed;
    expect(String(closed)).toMatch(/Permissions Violation for Subscription to "sigap\.rpc\.verification\.>"/);
  });

  it('lets intake take from its own durable and ack, but not read verification’s', async () => {
    const ext = await as('ext', passwords.ext);
    await jetstream(ext).publish(Subjects.extApplicationSubmitted, JSON.stringify({ eventId: 'spec-2' }), { msgID: 'spec-2' });
    const intake = await as('intake', passwords.services.intake);
    const consumer = await jetstream(intake).consumers.get('SIGAP_EXT', 'intake_ext_application_submitted');
    const msg = await consumer.next({ expires: 3000 });
    expect(msg?.subject).toBe(Subjects.extApplicationSubmitted);
    expect(await msg!.ackAck()).toBe(true);
    await expect(jetstream(intake).consumers.get('SIGAP_INTAKE', 'verification_application_received')).rejects.toThrow(/Permissions Violation/);
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

  it('keeps a service that uses its own inbox prefix out of ext’s sight', async () => {
    const ext = await as('ext', passwords.ext);
    const seen: string[] = [];
    ext.subscribe('_INBOX.>', { callback: (_e, m) => void seen.push(m.subject) });
    await ext.flush();
    await jetstream(ext).publish(Subjects.extApplicationSubmitted, JSON.stringify({ eventId: 'spec-4' }), { msgID: 'spec-4' });
    seen.length = 0; // ext's own publish acknowledgement
    const intake = await as('intake', passwords.services.intake, '_INBOX_intake');
    const consumer = await jetstream(intake).consumers.get('SIGAP_EXT', 'intake_ext_application_submitted');
    const msg = await consumer.next({ expires: 3000 });
    expect(msg?.subject).toBe(Subjects.extApplicationSubmitted);
    expect(await msg!.ackAck()).toBe(true);
    await jetstream(intake).publish(Subjects.intakeApplicationReceived, '{}', { msgID: 'spec-5' });
    await ext.flush();
    expect(seen).toEqual([]);
  });

  it('refuses a service the shared `_INBOX` prefix, which ext can read', async () => {
    const intake = await as('intake', passwords.services.intake, '_INBOX');
    await expect(jetstream(intake).publish(Subjects.intakeApplicationReceived, '{}', { msgID: 'spec-6' })).rejects.toThrow(/Permissions Violation/);
  });

  it('lets a service publish its own events with an acknowledgement', async () => {
    const intake = await as('intake', passwords.services.intake);
    const ack = await jetstream(intake).publish(Subjects.intakeApplicationReceived, '{}', { msgID: 'spec-3' });
    expect(ack.stream).toBe('SIGAP_INTAKE');
  });
});
