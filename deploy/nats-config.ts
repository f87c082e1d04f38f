/**
 * The nats-server configuration of Sigap: one user per service with only the subjects the
 * topology gives it, `ext` for outside systems, and `sigap` (the administrator, used by the
 * provisioner). Derived from libs/contracts/src/topology.ts, so the permissions cannot drift
 * from what the services actually publish and consume.
 *
 * Run as a script it prints the configuration shipped for docker-compose; with `--write` it
 * rewrites deploy/docker/nats.conf and deploy/k8s/nats-config.yaml (a test checks they are current).
 */
// first: the contract classes behind #contracts carry decorators that need it when loaded
import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { EXT_SUBSCRIBABLE, OBJECT_BUCKETS, REJECTION_SUBJECTS, SERVICES, SERVICE_NAMES, STREAMS, type ServiceName } from '#contracts';

export const ADMIN_USER = 'sigap';
export const EXT_USER = 'ext';

/** A password, or the name of an environment variable nats-server reads it from at start. */
export type Secret = string | { env: string };

export interface NatsPasswords {
  admin: Secret;
  ext: Secret;
  services: Record<string, Secret>;
}

export interface NatsConfigOptions {
  port: number;
  storeDir: string;
  passwords: NatsPasswords;
  /** default 127.0.0.1: the private servers of npm start and npm test listen on loopback only */
  host?: string;
  /**
   * fsync every JetStream write (`sync_interval: always`, nats-server 2.10+). Debian's 2.9.10
   * rejects the setting, so the local servers leave it out; everything we ship sets it.
   */
  syncAlways?: boolean;
  /** HTTP monitoring port (health checks use /healthz) */
  monitorPort?: number;
  pidFile?: string;
  serverName?: Secret;
  cluster?: { name: string; port: number; routes: string[] };
}

export interface Permissions {
  publish: string[];
  subscribe: string[];
  /** may answer the requests it receives (publish to their reply subjects, once each) */
  allowResponses: boolean;
}

/** Passwords read from the environment of nats-server: what the shipped configurations use. */
export function envPasswords(): NatsPasswords {
  const services: Record<string, Secret> = {};
  for (const name of SERVICE_NAMES) services[name] = { env: `SIGAP_NATS_PASSWORD_${name.toUpperCase()}` };
  return { admin: { env: 'SIGAP_NATS_ADMIN_PASSWORD' }, ext: { env: 'SIGAP_EXT_NATS_PASSWORD' }, services };
}

/** Does NATS pattern `a` cover everything `b` (a subject or a pattern) matches? Per token: `*` one, `>` the rest. */
function covers(a: string, b: string): boolean {
  const p = a.split('.');
  const s = b.split('.');
  for (let i = 0; i < p.length; i++) {
    if (p[i] === '>') return s.length > i;
    if (i >= s.length || s[i] === '>') return false;
    if (p[i] !== '*' && p[i] !== s[i]) return false;
  }
  return p.length === s.length;
}

/** Streams capturing any of the given subjects or patterns. */
function streamsOf(subjects: string[]): string[] {
  return STREAMS.filter((st) => st.subjects.some((ss) => subjects.some((x) => covers(ss, x) || covers(x, ss)))).map((st) => st.name);
}

function streamOf(subject: string): string {
  const [name] = streamsOf([subject]);
  if (!name) throw new Error(`no stream captures ${subject}: add it to STREAMS in topology.ts`);
  return name;
}

/**
 * What a service needs on the Object Store buckets it writes or reads (OBJECT_BUCKETS in the
 * topology), and nothing on any other: the bucket's own subjects, its stream's info and message
 * reads, purge (a put purges the chunks of a failed or replaced object; delete purges them), and
 * for readers ephemeral consumers: the ordered pull consumer verification reads with, and the
 * push consumer (with its flow control replies) of the library's own `get`.
 */
export function bucketPermissions(name: ServiceName | typeof EXT_USER): string[] {
  const out: string[] = [];
  for (const b of OBJECT_BUCKETS) {
    const writer = b.writers.includes(name);
    const reader = name !== EXT_USER && b.readers.includes(name);
    if (!writer && !reader) continue;
    const st = `OBJ_${b.bucket}`;
    out.push(
      `$O.${b.bucket}.C.>`,
      `$O.${b.bucket}.M.>`,
      `$JS.API.STREAM.INFO.${st}`,
      `$JS.API.STREAM.MSG.GET.${st}`,
      `$JS.API.DIRECT.GET.${st}`,
      `$JS.API.DIRECT.GET.${st}.>`,
      `$JS.API.STREAM.PURGE.${st}`,
    );
    if (reader) {
      out.push(
        `$JS.API.CONSUMER.CREATE.${st}`,
        `$JS.API.CONSUMER.CREATE.${st}.>`,
        `$JS.API.CONSUMER.INFO.${st}.>`,
        `$JS.API.CONSUMER.DELETE.${st}.>`,
        // verification reads with an ordered pull consumer (bounded: it pulls as it imports)
        `$JS.API.CONSUMER.MSG.NEXT.${st}.>`,
        `$JS.FC.${st}.>`,
      );
    }
  }
  return out;
}

const REJECTED = 'sigap.rejected';
const uniq = (xs: string[]) => [...new Set(xs)];

/**
 * What each user may do. `null` means everything (the administrator). Services get their own
 * `_INBOX_<name>.>` on subscribe only: pull consumers deliver to, and publish acknowledgements
 * come back on, the client's inbox; their answers to requests go out through `allow_responses`, so no
 * service can publish into someone else's inbox.
 */
export function natsPermissions(): Record<string, Permissions | null> {
  const result: Record<string, Permissions | null> = { [ADMIN_USER]: null };
  result[EXT_USER] = {
    // A publish with ack needs no JetStream API call: the stream answers on the reply inbox.
    // The drop bucket (OBJECT_BUCKETS): where a department puts a registry export it announces.
    // (Opening a bucket reads the account's JetStream info first.)
    publish: ['sigap.ext.>', ...bucketPermissions(EXT_USER), '$JS.API.INFO'],
    subscribe: uniq([...EXT_SUBSCRIBABLE, '_INBOX.>']),
    allowResponses: false,
  };

  // Only messages some consumer validated can be rejected, so these are what an admin can replay.
  const replayable = uniq(
    SERVICE_NAMES.flatMap((n) => SERVICES[n].consumers.map((c) => c.subject)).filter((s) => !REJECTION_SUBJECTS.includes(s)),
  );

  for (const name of SERVICE_NAMES) {
    const svc = SERVICES[name];
    // a rejection goes out twice: sigap.rejected for outside systems, sigap.rejected.detail (with the payload) for the gateway
    const publishes = [...svc.publishes, ...REJECTION_SUBJECTS, ...(svc.requests ?? [])];
    if (name === 'gateway') publishes.push('sigap.rpc.>', ...replayable);
    const consumed = svc.consumers.map((c) => c.subject);
    const pub = [...publishes, '$JS.API.INFO', ...streamsOf([...publishes.filter((s) => !s.startsWith('sigap.rpc.')), ...consumed]).map((s) => `$JS.API.STREAM.INFO.${s}`)];
    for (const c of svc.consumers) {
      const st = streamOf(c.subject);
      pub.push(
        `$JS.API.CONSUMER.INFO.${st}.${c.durable}`,
        `$JS.API.CONSUMER.MSG.NEXT.${st}.${c.durable}`,
        // 2.9 creates named consumers on CREATE.<stream>.<name>, 2.10+ appends the filter
        // subject, and older clients use DURABLE.CREATE: allow all three, for this durable only.
        `$JS.API.CONSUMER.CREATE.${st}.${c.durable}`,
        `$JS.API.CONSUMER.CREATE.${st}.${c.durable}.>`,
        `$JS.API.CONSUMER.DURABLE.CREATE.${st}.${c.durable}`,
        `$JS.ACK.${st}.${c.durable}.>`,
        // the ack subject with domain and account hash tokens, sent by newer servers
        `$JS.ACK.*.*.${st}.${c.durable}.>`,
      );
    }
    if (name === 'gateway') {
      // the admin's view of rejected messages reads them from the stream by sequence
      pub.push(`$JS.API.STREAM.MSG.GET.${streamOf(REJECTED)}`);
    }
    // `ext` may subscribe `_INBOX.>` (the contract), so replies and pulled messages sent to a
    // service's `_INBOX.…` would be readable from outside: every service connects with
    // `inboxPrefix: '_INBOX_<name>'` (libs/messaging inboxPrefixOf) and may use only that.
    pub.push(...bucketPermissions(name));
    result[name] = { publish: uniq(pub), subscribe: uniq([svc.rpc, `_INBOX_${name}.>`]), allowResponses: true };
  }
  return result;
}

const q = (s: string) => JSON.stringify(s);
// An environment reference must stay unquoted: nats-server does not expand `$VAR` inside quotes.
const secret = (s: Secret) => (typeof s === 'string' ? q(s) : `$${s.env}`);
const list = (xs: string[], indent: string) => `[\n${xs.map((x) => `${indent}  ${q(x)}`).join('\n')}\n${indent}]`;

function passwordOf(user: string, p: NatsPasswords): Secret {
  if (user === ADMIN_USER) return p.admin;
  if (user === EXT_USER) return p.ext;
  const s = p.services[user];
  if (s === undefined) throw new Error(`no NATS password for service ${user}`);
  return s;
}

/** The nats-server configuration text. */
export function natsServerConfig(opts: NatsConfigOptions): string {
  const out: string[] = ['# Generated by deploy/nats-config.ts from libs/contracts/src/topology.ts: do not edit by hand.'];
  if (opts.serverName !== undefined) out.push(`server_name: ${secret(opts.serverName)}`);
  out.push(`host: ${q(opts.host ?? '127.0.0.1')}`, `port: ${opts.port}`);
  if (opts.monitorPort !== undefined) out.push(`http_port: ${opts.monitorPort}`);
  if (opts.pidFile) out.push(`pid_file: ${q(opts.pidFile)}`);
  out.push('', 'jetstream {', `  store_dir: ${q(opts.storeDir)}`);
  if (opts.syncAlways) out.push('  # fsync before acknowledging: an acknowledged message survives a power cut', '  sync_interval: always');
  out.push('}');
  if (opts.cluster) {
    out.push('', 'cluster {', `  name: ${q(opts.cluster.name)}`, `  port: ${opts.cluster.port}`, `  routes: ${list(opts.cluster.routes, '  ')}`, '}');
  }
  out.push('', 'authorization {', '  users = [');
  for (const [user, perms] of Object.entries(natsPermissions())) {
    const head = `    { user: ${q(user)}, password: ${secret(passwordOf(user, opts.passwords))}`;
    if (!perms) {
      out.push(`${head} }`);
      continue;
    }
    out.push(
      `${head}, permissions: {`,
      `        publish: { allow: ${list(perms.publish, '        ')} }`,
      `        subscribe: { allow: ${list(perms.subscribe, '        ')} }`,
      ...(perms.allowResponses ? ['        allow_responses: true'] : []),
      '      } }',
    );
  }
  out.push('  ]', '}', '');
  return out.join('\n');
}

/** The configuration shipped in deploy/docker (one server, data in /data). */
export function dockerNatsConfig(): string {
  return natsServerConfig({ host: '0.0.0.0', port: 4222, monitorPort: 8222, storeDir: '/data', passwords: envPasswords(), syncAlways: true });
}

/** The ConfigMap of the three-node cluster in deploy/k8s. */
export function k8sNatsConfigMap(): string {
  const conf = natsServerConfig({
    host: '0.0.0.0',
    port: 4222,
    monitorPort: 8222,
    storeDir: '/data',
    passwords: envPasswords(),
    syncAlways: true,
    // the preStop hook signals lame-duck mode through it
    pidFile: '/var/run/nats/nats.pid',
    serverName: { env: 'POD_NAME' },
    cluster: { name: 'sigap', port: 6222, routes: [0, 1, 2].map((i) => `nats://nats-${i}.nats:6222`) },
  });
  return [
    '# Generated by deploy/nats-config.ts (node dist/deploy/nats-config.js --write): do not edit by hand.',
    'apiVersion: v1',
    'kind: ConfigMap',
    'metadata:',
    '  name: nats-config',
    '  labels: { app.kubernetes.io/part-of: sigap }',
    'data:',
    '  nats.conf: |',
    ...conf.trimEnd().split('\n').map((l) => (l ? `    ${l}` : '')),
    '',
  ].join('\n');
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  if (process.argv.includes('--write')) {
    const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
    writeFileSync(path.join(root, 'deploy/docker/nats.conf'), dockerNatsConfig());
    writeFileSync(path.join(root, 'deploy/k8s/nats-config.yaml'), k8sNatsConfigMap());
  } else {
    process.stdout.write(dockerNatsConfig());
  }
}
