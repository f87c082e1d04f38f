/**
 * Provisions a Sigap installation: one database role and schema per service, the JetStream
 * streams and durable consumers, and (for npm start / npm test) a system file telling every
 * app how to connect. Idempotent: it runs before every start.
 *
 * As a script (docker-compose, the Kubernetes Job) it reads its settings from the
 * environment: DATABASE_URL (an administrator), NATS_URL, NATS_USER, NATS_PASSWORD, and the
 * services' passwords from SIGAP_SECRETS_FILE (the shape of .data/secrets.json) or from
 * SIGAP_DB_PASSWORD_<SERVICE>; SIGAP_STREAM_REPLICAS (3 on a cluster); the stream limits
 * SIGAP_STREAM_MAX_AGE_DAYS, SIGAP_STREAM_MAX_BYTES, SIGAP_STREAM_MAX_MSG_BYTES and
 * SIGAP_REJECTED_RETENTION_DAYS (StreamLimitsConfig); with SIGAP_SYSTEM_FILE set it writes the
 * system file there; SIGAP_OUTSIDE_SYSTEMS_FILE names the declared outside systems (the systems
 * command's file; default: `ext` alone, as the shipped NATS configs declare). Object Store buckets take their size limits from the
 * settings OBJECT_BUCKETS names (SIGAP_REGISTRY_UPLOADS_BUCKET_MAX_BYTES), in every form.
 */
// first: the contract classes behind #contracts carry decorators that need it when loaded
import 'reflect-metadata';
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { connect } from '@nats-io/transport-node';
import { Objm } from '@nats-io/obj';
import { EXT_SYSTEM, OBJECT_BUCKETS, SERVICES, SERVICE_NAMES, type ObjectBucketSpec, type OutsideSystem } from '#contracts';
import { jetstreamManager } from '@nats-io/jetstream';
import { provisionJetStream, streamLimitsFromEnv, type StreamLimitsConfig } from '#messaging';
import { provisionDatabase } from '#persistence';
import { ADMIN_USER } from './nats-config.js';
import { provisionOutsideSystems, readSystems, type PrivateNatsServer } from './outside-systems.js';

/** Provisioning's own inbox prefix: outside systems may subscribe `_INBOX.>`; nothing of Sigap answers there. */
export const PROVISION_INBOX = '_INBOX_provision';

export interface Secrets {
  pgSuperPassword?: string;
  natsAdminPassword?: string;
  jwtSecret?: string;
  services: Record<string, { dbPassword: string; natsPassword?: string }>;
}

export interface ProvisionOptions {
  /** a database URL with the right to create roles and schemas */
  adminDatabaseUrl: string;
  natsUrl: string;
  natsUser?: string;
  natsPassword?: string;
  secrets: Secrets;
  /**
   * `true` when NATS runs with the configuration of deploy/nats-config.ts: every service
   * connects as its own user. Otherwise (a NATS_URL of the operator's) they all use natsUser.
   */
  perServiceNatsUsers?: boolean;
  extPassword?: string;
  gatewayPort?: number;
  /** first HTTP port of the services other than the gateway, given in SERVICE_NAMES order; default: the topology's */
  servicePortBase?: number;
  /** the first administrator's password handed to the gateway; default SIGAP_ADMIN_PASSWORD, if set */
  adminPassword?: string;
  /** replicas of every stream: 1 on a single server, 3 on a cluster */
  streamReplicas?: number;
  /** size and age limits of the streams; default: from the environment (SIGAP_STREAM_*, SIGAP_REJECTED_RETENTION_DAYS) */
  streamLimits?: StreamLimitsConfig;
  /** where to write the system file; nothing is written without it */
  systemFile?: string;
  /** the declared outside systems (default: `ext` alone) */
  outsideSystems?: OutsideSystem[];
  /** passwords of outside systems this installation knows (the local `ext` and finance office), for the system file */
  systemPasswords?: Record<string, string>;
  /** the private nats-server of npm start / npm test, which the systems command rewrites and reloads */
  natsServer?: PrivateNatsServer;
}

export interface SystemFile {
  adminDatabaseUrl: string;
  natsUrl: string;
  gatewayUrl: string;
  ext: { user: string; password: string };
  /** credentials of the outside systems this installation knows (others are printed once by the systems command) */
  systems: Record<string, { user: string; password: string }>;
  natsAdmin: { user: string; password: string };
  natsServer?: PrivateNatsServer;
  services: Record<string, { env: Record<string, string> }>;
}

export async function provision(opts: ProvisionOptions): Promise<SystemFile> {
  const roles = SERVICE_NAMES.map((name) => {
    const password = opts.secrets.services[name]?.dbPassword;
    if (!password) throw new Error(`no database password for service ${name}`);
    return { name, schema: SERVICES[name].schema, password };
  });
  const { urls } = await provisionDatabase(opts.adminDatabaseUrl, roles);

  const nc = await connect({
    servers: opts.natsUrl,
    user: opts.natsUser,
    pass: opts.natsPassword,
    name: 'sigap-provision',
    inboxPrefix: PROVISION_INBOX,
  });
  const outsideSystems = opts.outsideSystems ?? [EXT_SYSTEM];
  try {
    const limits = opts.streamLimits ?? streamLimitsFromEnv();
    await provisionJetStream(nc, {
      replicas: opts.streamReplicas ?? 1,
      maxAgeDays: limits.SIGAP_STREAM_MAX_AGE_DAYS,
      maxBytes: limits.SIGAP_STREAM_MAX_BYTES,
      maxMsgBytes: limits.SIGAP_STREAM_MAX_MSG_BYTES,
      rejectedRetentionDays: limits.SIGAP_REJECTED_RETENTION_DAYS,
    });
    // only a whole list of declarations removes what is no longer declared: without one, `ext` is ensured and nothing else touched
    await provisionOutsideSystems(nc, outsideSystems, { replicas: opts.streamReplicas ?? 1, prune: opts.outsideSystems !== undefined });
    // Object Store buckets (OBJECT_BUCKETS): created once; the services may only use them
    const objm = new Objm(nc);
    const jsm = await jetstreamManager(nc);
    for (const b of OBJECT_BUCKETS) {
      const maxBytes = bucketMaxBytes(b);
      await objm.create(b.bucket, {
        description: b.description,
        ttl: b.ttlHours * 3600 * 1_000_000_000,
        replicas: opts.streamReplicas ?? 1,
        ...(maxBytes ? { max_bytes: maxBytes } : {}),
      });
      // an existing bucket takes a changed size limit too
      const info = await jsm.streams.info(`OBJ_${b.bucket}`);
      if (maxBytes && info.config.max_bytes !== maxBytes)
        await jsm.streams.update(info.config.name, { ...info.config, max_bytes: maxBytes });
    }
  } finally {
    await nc.close();
  }

  const gatewayPort = opts.gatewayPort ?? SERVICES.gateway.httpPort;
  const services: SystemFile['services'] = {};
  const others = SERVICE_NAMES.filter((n) => n !== 'gateway');
  SERVICE_NAMES.forEach((name) => {
    const base = opts.servicePortBase;
    const port = name === 'gateway' ? gatewayPort : base !== undefined ? base + others.indexOf(name) : SERVICES[name].httpPort;
    const env: Record<string, string> = { DATABASE_URL: urls[name], NATS_URL: opts.natsUrl, PORT: String(port) };
    const nats = opts.perServiceNatsUsers
      ? { user: name, pass: opts.secrets.services[name]?.natsPassword }
      : { user: opts.natsUser, pass: opts.natsPassword };
    if (nats.user) env.NATS_USER = nats.user;
    if (nats.pass) env.NATS_PASSWORD = nats.pass;
    if (name === 'gateway') {
      if (opts.secrets.jwtSecret) env.JWT_SECRET = opts.secrets.jwtSecret;
      const adminPassword = opts.adminPassword ?? process.env.SIGAP_ADMIN_PASSWORD;
      if (adminPassword) env.SIGAP_ADMIN_PASSWORD = adminPassword;
    }
    services[name] = { env };
  });

  const system: SystemFile = {
    adminDatabaseUrl: opts.adminDatabaseUrl,
    natsUrl: opts.natsUrl,
    gatewayUrl: `http://127.0.0.1:${gatewayPort}`,
    ext: { user: 'ext', password: opts.extPassword ?? process.env.SIGAP_EXT_NATS_PASSWORD ?? 'ext-local' },
    systems: Object.fromEntries(
      Object.entries(opts.systemPasswords ?? {})
        .filter(([name]) => outsideSystems.some((s) => s.name === name))
        .map(([name, password]) => [name, { user: name, password }]),
    ),
    natsAdmin: { user: opts.natsUser ?? ADMIN_USER, password: opts.natsPassword ?? '' },
    natsServer: opts.natsServer,
    services,
  };
  if (opts.systemFile) {
    mkdirSync(path.dirname(opts.systemFile), { recursive: true });
    // passwords inside: readable by the owner only
    writeFileSync(opts.systemFile, JSON.stringify(system, null, 2) + '\n', { mode: 0o600 });
    chmodSync(opts.systemFile, 0o600);
  }
  return system;
}

/** A bucket's size limit: the installation's setting (its environment variable), else the topology's default. */
export function bucketMaxBytes(b: ObjectBucketSpec, env: NodeJS.ProcessEnv = process.env): number | undefined {
  const set = b.maxBytesSetting ? env[b.maxBytesSetting] : undefined;
  if (set === undefined || set === '') return b.maxBytes;
  if (!/^\d+$/.test(set) || Number(set) < 1024 ** 2)
    throw new Error(`${b.maxBytesSetting} must be a whole number of bytes, at least 1048576 (got "${set}")`);
  return Number(set);
}

function required(name: string): string {
  const v = process.env[name];
  if (!v) throw new Error(`${name} is not set`);
  return v;
}

/** Secrets for the script form: a file of the shape of .data/secrets.json, or one variable per service. */
function secretsFromEnv(): Secrets {
  if (process.env.SIGAP_SECRETS_FILE) return JSON.parse(readFileSync(process.env.SIGAP_SECRETS_FILE, 'utf8')) as Secrets;
  const services: Secrets['services'] = {};
  for (const name of SERVICE_NAMES) services[name] = { dbPassword: required(`SIGAP_DB_PASSWORD_${name.toUpperCase()}`) };
  return { services, jwtSecret: process.env.SIGAP_JWT_SECRET };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  try {
    const system = await provision({
      adminDatabaseUrl: required('DATABASE_URL'),
      natsUrl: required('NATS_URL'),
      natsUser: process.env.NATS_USER,
      natsPassword: process.env.NATS_PASSWORD,
      secrets: secretsFromEnv(),
      streamReplicas: Number(process.env.SIGAP_STREAM_REPLICAS || 1),
      systemFile: process.env.SIGAP_SYSTEM_FILE,
      outsideSystems: process.env.SIGAP_OUTSIDE_SYSTEMS_FILE ? readSystems(process.env.SIGAP_OUTSIDE_SYSTEMS_FILE) : undefined,
    });
    console.log(`provisioned ${Object.keys(system.services).join(', ')}: database roles, schemas, streams and consumers`);
  } catch (err) {
    console.error(`provisioning failed: ${err instanceof Error ? err.message : String(err)}`);
    process.exitCode = 1;
  }
}
