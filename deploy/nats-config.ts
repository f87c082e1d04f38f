/**
 * The nats-server configuration of Sigap, derived from libs/contracts/src/topology.ts and the
 * declared outside systems, so the permissions cannot drift from what the services publish and
 * consume.
 *
 * Accounts (nats-server config-file accounts, 2.9.10 and later):
 * - `SIGAP`: JetStream, the administrator `sigap` (the provisioner) and one user per service
 *   with only the subjects the topology gives it.
 * - one account per outside system (`OUTSIDE_<NAME>`): NATS never tells a subscriber who
 *   published a message, so identity comes from routing. A system publishes the contract's
 *   `sigap.ext.<x>`; its account imports it as a service from SIGAP's `sigap.from.<system>.<x>`,
 *   where SIGAP_EXT stores it and the PubAck answers through the import. It reads the outbound
 *   subjects it is granted (stream imports), its durable consumers' deliver subjects
 *   `sigap.deliver.<system>.…` with their acks, and its own drop bucket, nothing else. Its
 *   `_INBOX.>` is its own: nothing of SIGAP answers there.
 * - `SIGAP_JSINFO`: an empty JetStream account answering `$JS.API.INFO` for every system: an
 *   account without JetStream would otherwise be answered "JetStream not enabled" on every
 *   `$JS.API.>` subject by the server itself, racing the imported answers (a drop bucket's API).
 *
 * SIGAP's exports are public and the same whatever systems are declared: on nats-server 2.9 a
 * reload that makes an export name a newly added account leaves SIGAP without JetStream. Only
 * this generator writes imports, so an export reaches exactly the accounts written here.
 *
 * Run as a script it prints the configuration shipped for docker-compose; with `--write` it
 * rewrites deploy/docker/nats.conf and deploy/k8s/nats-config.yaml (a test checks they are current).
 */
// first: the contract classes behind #contracts carry decorators that need it when loaded
import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  DELIVER_PREFIX,
  EXT_SYSTEM,
  INBOUND_PREFIX,
  OBJECT_BUCKETS,
  OUTBOUND_READABLE,
  OUTSIDE_SYSTEMS_BUCKET,
  REJECTION_SUBJECTS,
  SERVICES,
  SERVICE_NAMES,
  STREAMS,
  accountOf,
  dropBucketOf,
  hasDropBucket,
  internalSubject,
  isInboundSubject,
  systemDurable,
  type OutsideSystem,
  type ServiceName,
} from '#contracts';

export const ADMIN_USER = 'sigap';
export const SIGAP_ACCOUNT = 'SIGAP';
export const JS_INFO_ACCOUNT = 'SIGAP_JSINFO';

/** A password, or the name of an environment variable nats-server reads it from at start. */
export type Secret = string | { env: string };

export interface NatsPasswords {
  admin: Secret;
  services: Record<string, Secret>;
}

/** An outside system as the server knows it: its declaration and its password (best a bcrypt hash). */
export interface SystemAccount extends OutsideSystem {
  password: Secret;
}

export interface ClusterOptions {
  name: string;
  port: number;
  /** route URLs with their credentials, or the variables holding them */
  routes: Secret[];
  /** the user and password routes must present */
  auth: { user: string; password: Secret };
}

export interface NatsConfigOptions {
  port: number;
  storeDir: string;
  passwords: NatsPasswords;
  /** the outside systems, each an account of its own */
  systems: SystemAccount[];
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
  cluster?: ClusterOptions;
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
  return { admin: { env: 'SIGAP_NATS_ADMIN_PASSWORD' }, services };
}

/** The systems the shipped configurations declare: `ext`, its password from the environment. */
export function envSystems(): SystemAccount[] {
  return [{ ...EXT_SYSTEM, password: { env: 'SIGAP_EXT_NATS_PASSWORD' } }];
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

export function streamOf(subject: string): string {
  const [name] = streamsOf([subject]);
  if (!name) throw new Error(`no stream captures ${subject}: add it to STREAMS in topology.ts`);
  return name;
}

/**
 * What a reader or writer needs on an Object Store bucket, and nothing on any other: the
 * bucket's own subjects, its stream's info and message reads, purge (a put purges the chunks
 * of a failed or replaced object; delete purges them), and for readers ephemeral consumers:
 * the ordered pull consumer verification reads with, and the push consumer (with its flow
 * control replies) of the library's own `get`.
 */
function bucketApi(bucket: string, reader: boolean): string[] {
  const st = `OBJ_${bucket}`;
  const out = [
    `$O.${bucket}.C.>`,
    `$O.${bucket}.M.>`,
    `$JS.API.STREAM.INFO.${st}`,
    `$JS.API.STREAM.MSG.GET.${st}`,
    `$JS.API.DIRECT.GET.${st}`,
    `$JS.API.DIRECT.GET.${st}.>`,
    `$JS.API.STREAM.PURGE.${st}`,
  ];
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
  return out;
}

/** A service's rights on the buckets of the topology (OBJECT_BUCKETS) and, for verification, the outside systems' drop buckets. */
export function bucketPermissions(name: ServiceName, systems: OutsideSystem[] = []): string[] {
  const out: string[] = [];
  for (const b of OBJECT_BUCKETS) {
    const writer = b.writers.includes(name);
    const reader = b.readers.includes(name);
    if (writer || reader) out.push(...bucketApi(b.bucket, reader));
  }
  // verification imports the registry files systems drop, and deletes them once imported
  if (name === 'verification') for (const s of systems.filter(hasDropBucket)) out.push(...bucketApi(dropBucketOf(s.name), true));
  return out;
}

const uniq = (xs: string[]) => [...new Set(xs)];

/**
 * What each user of account SIGAP may do. `null` means everything (the administrator).
 * Services get their own `_INBOX_<name>.>` on subscribe only: pull consumers deliver to, and
 * publish acknowledgements come back on, the client's inbox; their answers to requests go out
 * through `allow_responses`, so no service can publish into someone else's inbox.
 */
export function natsPermissions(systems: OutsideSystem[] = []): Record<string, Permissions | null> {
  const result: Record<string, Permissions | null> = { [ADMIN_USER]: null };

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
    const pub = [
      ...publishes,
      '$JS.API.INFO',
      ...streamsOf([...publishes.filter((s) => !s.startsWith('sigap.rpc.')), ...consumed]).map((s) => `$JS.API.STREAM.INFO.${s}`),
    ];
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
    // a consumer of outside systems' events reads their declarations (agencies) by direct get
    if (consumed.some(isInboundSubject)) pub.push(`$JS.API.DIRECT.GET.KV_${OUTSIDE_SYSTEMS_BUCKET}.$KV.${OUTSIDE_SYSTEMS_BUCKET}.>`);
    pub.push(...bucketPermissions(name, systems));
    result[name] = { publish: uniq(pub), subscribe: uniq([svc.rpc, `_INBOX_${name}.>`]), allowResponses: true };
  }
  return result;
}

/** What SIGAP lends outside systems; each system's account imports only its own part of it. */
export function sigapExports(): Array<{ service?: string; stream?: string }> {
  return [
    // inbound events: `sigap.ext.<x>` published by a system arrives as `sigap.from.<system>.<x>`
    { service: `${INBOUND_PREFIX}.>` },
    // outbound subjects for core subscriptions, and the durables' deliver subjects
    ...OUTBOUND_READABLE.map((s) => ({ stream: s })),
    { stream: `${DELIVER_PREFIX}.>` },
    // acks of those durables
    { service: '$JS.ACK.>' },
    // drop buckets: their subjects and the stream API calls of the Object Store client
    { service: '$O.>' },
    { service: '$JS.API.STREAM.INFO.*' },
    { service: '$JS.API.STREAM.MSG.GET.*' },
    { service: '$JS.API.DIRECT.GET.>' },
    { service: '$JS.API.STREAM.PURGE.*' },
  ];
}

export interface SystemGrants {
  /** service imports: SIGAP subject, and the subject the system uses when it differs */
  services: Array<{ account: string; subject: string; to?: string }>;
  /** stream imports from SIGAP */
  streams: string[];
  /** the system user's own permissions, the same as its imports (so a typo in a subject fails loudly) */
  publish: string[];
  subscribe: string[];
}

/** Everything an outside system reaches, derived from its declaration. */
export function systemGrants(sys: OutsideSystem): SystemGrants {
  const services: SystemGrants['services'] = [];
  const streams: string[] = [];
  const publish: string[] = [];
  const subscribe: string[] = ['_INBOX.>'];
  for (const contract of sys.publishes) {
    services.push({ account: SIGAP_ACCOUNT, subject: internalSubject(contract, sys.name), to: contract });
    publish.push(contract);
  }
  for (const subject of sys.reads) {
    streams.push(subject);
    subscribe.push(subject);
    const st = streamOf(subject);
    const durable = systemDurable(sys.name, subject);
    for (const ack of [`$JS.ACK.${st}.${durable}.>`, `$JS.ACK.*.*.${st}.${durable}.>`]) {
      services.push({ account: SIGAP_ACCOUNT, subject: ack });
      publish.push(ack);
    }
  }
  if (sys.reads.length) {
    streams.push(`${DELIVER_PREFIX}.${sys.name}.>`);
    subscribe.push(`${DELIVER_PREFIX}.${sys.name}.>`);
  }
  // every system: JetStream clients ask for account info first (and the systems command probes a reload with it)
  services.push({ account: JS_INFO_ACCOUNT, subject: '$JS.API.INFO' });
  publish.push('$JS.API.INFO');
  if (hasDropBucket(sys)) {
    // its own bucket only: put, info, replace and delete (which purge that bucket's chunks);
    // no consumer API (a consumer's deliver subject could publish anywhere in SIGAP)
    for (const subject of bucketApi(dropBucketOf(sys.name), false)) {
      services.push({ account: SIGAP_ACCOUNT, subject });
      publish.push(subject);
    }
  }
  return { services, streams, publish, subscribe };
}

const q = (s: string) => JSON.stringify(s);
// An environment reference must stay unquoted: nats-server does not expand `$VAR` inside quotes.
const secret = (s: Secret) => (typeof s === 'string' ? q(s) : `$${s.env}`);
const list = (xs: string[], indent: string) => `[\n${xs.map((x) => `${indent}  ${q(x)}`).join('\n')}\n${indent}]`;

function passwordOf(user: string, p: NatsPasswords): Secret {
  if (user === ADMIN_USER) return p.admin;
  const s = p.services[user];
  if (s === undefined) throw new Error(`no NATS password for service ${user}`);
  return s;
}

/** The `cluster {}` block: routes authenticate with a user and password of their own. */
export function clusterBlock(c: ClusterOptions): string[] {
  return [
    'cluster {',
    `  name: ${q(c.name)}`,
    `  port: ${c.port}`,
    "  # a node joins only with the route password: the client port's users do not open routes",
    `  authorization { user: ${q(c.auth.user)}, password: ${secret(c.auth.password)}, timeout: 2 }`,
    `  routes: [ ${c.routes.map(secret).join(', ')} ]`,
    '}',
  ];
}

function permissionsBlock(perms: { publish: string[]; subscribe: string[]; allowResponses?: boolean }, indent: string): string[] {
  return [
    `${indent}permissions: {`,
    `${indent}  publish: { allow: ${list(perms.publish, `${indent}  `)} }`,
    `${indent}  subscribe: { allow: ${list(perms.subscribe, `${indent}  `)} }`,
    ...(perms.allowResponses ? [`${indent}  allow_responses: true`] : []),
    `${indent}}`,
  ];
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
  if (opts.cluster) out.push('', ...clusterBlock(opts.cluster));

  const names = new Set<string>([ADMIN_USER, ...SERVICE_NAMES]);
  for (const s of opts.systems) {
    if (names.has(s.name)) throw new Error(`outside system ${s.name}: the name is taken (a service, the administrator or another system)`);
    names.add(s.name);
  }

  out.push('', 'accounts {', `  ${SIGAP_ACCOUNT}: {`, '    jetstream: enabled', '    users: [');
  for (const [user, perms] of Object.entries(natsPermissions(opts.systems))) {
    const head = `      { user: ${q(user)}, password: ${secret(passwordOf(user, opts.passwords))}`;
    if (!perms) {
      out.push(`${head} }`);
      continue;
    }
    out.push(`${head},`, ...permissionsBlock(perms, '        '), '      }');
  }
  out.push('    ]', '    exports: [');
  for (const e of sigapExports())
    out.push(`      ${e.service !== undefined ? `{ service: ${q(e.service)} }` : `{ stream: ${q(e.stream!)} }`}`);
  out.push('    ]', '  }');
  out.push(`  ${JS_INFO_ACCOUNT}: {`, '    jetstream: enabled', `    exports: [ { service: "$JS.API.INFO" } ]`, '  }');
  for (const sys of opts.systems) {
    const g = systemGrants(sys);
    out.push(
      `  # outside system ${sys.name}: agencies ${sys.agencies.join(', ')}`,
      `  ${accountOf(sys.name)}: {`,
      `    limits: { max_payload: ${sys.limits.maxPayloadBytes}, max_connections: ${sys.limits.maxConnections} }`,
      '    users: [',
      `      { user: ${q(sys.name)}, password: ${secret(sys.password)},`,
      ...permissionsBlock(g, '        '),
      '      }',
      '    ]',
      '    imports: [',
      ...g.services.map((i) => `      { service: { account: ${i.account}, subject: ${q(i.subject)} }${i.to ? `, to: ${q(i.to)}` : ''} }`),
      ...g.streams.map((s) => `      { stream: { account: ${SIGAP_ACCOUNT}, subject: ${q(s)} } }`),
      '    ]',
      '  }',
    );
  }
  out.push('}', '');
  return out.join('\n');
}

/** The configuration shipped in deploy/docker (one server, data in /data). */
export function dockerNatsConfig(): string {
  return natsServerConfig({
    host: '0.0.0.0',
    port: 4222,
    monitorPort: 8222,
    storeDir: '/data',
    passwords: envPasswords(),
    systems: envSystems(),
    syncAlways: true,
  });
}

/**
 * The routes of the three-node cluster in deploy/k8s: each URL carries the route password, so
 * it comes from the environment (nats.yaml composes SIGAP_NATS_ROUTE_<i> from the Secret's
 * nats-route-password; a config file cannot splice a variable into a string).
 */
export function k8sCluster(): ClusterOptions {
  return {
    name: 'sigap',
    port: 6222,
    routes: [0, 1, 2].map((i) => ({ env: `SIGAP_NATS_ROUTE_${i}` })),
    auth: { user: 'route', password: { env: 'SIGAP_NATS_ROUTE_PASSWORD' } },
  };
}

/** The ConfigMap of the three-node cluster in deploy/k8s. */
export function k8sNatsConfigMap(): string {
  const conf = natsServerConfig({
    host: '0.0.0.0',
    port: 4222,
    monitorPort: 8222,
    storeDir: '/data',
    passwords: envPasswords(),
    systems: envSystems(),
    syncAlways: true,
    // the preStop hook signals lame-duck mode through it
    pidFile: '/var/run/nats/nats.pid',
    serverName: { env: 'POD_NAME' },
    cluster: k8sCluster(),
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
    ...conf
      .trimEnd()
      .split('\n')
      .map((l) => (l ? `    ${l}` : '')),
    '',
  ].join('\n');
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  if (process.argv.includes('--write')) {
    const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
    writeFileSync(path.join(root, 'deploy/docker/nats.conf'), dockerNatsConfig());
    writeFileSync(path.join(root, 'deploy/k8s/nats-config.yaml'), k8sNatsConfigMap());
  } else if (process.argv.includes('--systems')) {
    // the docker configuration with the outside systems an operator declared (deploy/systems.ts --systems-file)
    const { accountsOf, readSystems } = await import('./outside-systems.js');
    const file = process.argv[process.argv.indexOf('--systems') + 1];
    process.stdout.write(
      natsServerConfig({
        host: '0.0.0.0',
        port: 4222,
        monitorPort: 8222,
        storeDir: '/data',
        passwords: envPasswords(),
        systems: accountsOf(readSystems(file)),
        syncAlways: true,
      }),
    );
  } else {
    process.stdout.write(dockerNatsConfig());
  }
}
