/**
 * The declared outside systems of an installation: kept in a file (declarations and bcrypt
 * hashes of their passwords, never the passwords), rendered into the NATS configuration by
 * deploy/nats-config.ts, and provisioned on the server: a directory entry each (the Key-Value
 * bucket services read agencies from), a durable consumer per outbound subject a system
 * reads, and a drop bucket for a system that announces registry files.
 */
// first: the contract classes behind #contracts carry decorators that need it when loaded
import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import bcrypt from 'bcryptjs';
import { AckPolicy, DeliverPolicy, jetstreamManager, type ConsumerConfig, type JetStreamManager } from '@nats-io/jetstream';
import { Kvm } from '@nats-io/kv';
import { Objm } from '@nats-io/obj';
import type { NatsConnection } from '@nats-io/transport-node';
import {
  DROP_BUCKET_TTL_HOURS,
  OUTSIDE_SYSTEMS_BUCKET,
  deliverSubject,
  dropBucketOf,
  hasDropBucket,
  systemDurable,
  type OutsideSystem,
} from '#contracts';
import { natsServerConfig, streamOf, type NatsPasswords, type SystemAccount } from './nats-config.js';

const NANOS_PER_MS = 1_000_000;

/** A declared system as the systems file keeps it. */
export interface DeclaredSystem extends OutsideSystem {
  /** bcrypt: what nats-server checks the password against */
  passwordHash: string;
  declaredAt: string;
}

export function readSystems(file: string): DeclaredSystem[] {
  if (!existsSync(file)) return [];
  return (JSON.parse(readFileSync(file, 'utf8')) as { systems: DeclaredSystem[] }).systems;
}

/** Written whole and renamed into place: a crash leaves the old file or the new one. */
export function writeSystems(file: string, systems: DeclaredSystem[]): void {
  mkdirSync(path.dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, JSON.stringify({ systems }, null, 2) + '\n', { mode: 0o600 });
  renameSync(tmp, file);
}

/** A new password: URL-safe, so it can sit in a connection URL. */
export function newPassword(): string {
  return randomBytes(24).toString('base64url');
}

export function hashPassword(password: string): string {
  return bcrypt.hashSync(password, 11);
}

export function passwordMatches(password: string, hash: string): boolean {
  try {
    return bcrypt.compareSync(password, hash);
  } catch {
    return false;
  }
}

/** A declaration without its hash and date: what services and the directory see. */
export function declarationOf(s: OutsideSystem): OutsideSystem {
  return { name: s.name, agencies: [...s.agencies], publishes: [...s.publishes], reads: [...s.reads], limits: { ...s.limits } };
}

export function accountsOf(systems: DeclaredSystem[]): SystemAccount[] {
  return systems.map((s) => ({ ...declarationOf(s), password: s.passwordHash }));
}

/**
 * Holds the systems file's lock while `fn` runs: the command, a test creating a system and a
 * start may all rewrite the file and reload the server. A lock left by a dead process is taken over.
 */
export async function withSystemsLock<T>(file: string, fn: () => Promise<T>, timeoutMs = 60_000): Promise<T> {
  const lock = `${file}.lock`;
  mkdirSync(path.dirname(file), { recursive: true });
  const until = Date.now() + timeoutMs;
  for (;;) {
    try {
      const fd = openSync(lock, 'wx', 0o600);
      writeFileSync(fd, String(process.pid));
      closeSync(fd);
      break;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      const holder = Number(readFileSync(lock, 'utf8').trim() || 0);
      let alive: boolean;
      try {
        if (holder > 0) process.kill(holder, 0);
        alive = holder > 0;
      } catch {
        alive = false;
      }
      // an empty lock file younger than a second is being written
      const young = Date.now() - statSync(lock, { throwIfNoEntry: false })!.mtimeMs < 1000;
      if (!alive && !(holder === 0 && young)) {
        rmSync(lock, { force: true });
        continue;
      }
      if (Date.now() > until) throw new Error(`the outside systems are being changed by process ${holder} (lock ${lock})`, { cause: e });
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  try {
    return await fn();
  } finally {
    rmSync(lock, { force: true });
  }
}

function isNotFound(e: unknown): boolean {
  return /not found/i.test(e instanceof Error ? e.message : String(e));
}

/** The push consumer through which a system reads one outbound subject. */
export function systemConsumerConfig(
  system: string,
  subject: string,
): Partial<ConsumerConfig> & { durable_name: string; deliver_subject: string; filter_subject: string } {
  return {
    durable_name: systemDurable(system, subject),
    description: `outside system ${system} reads ${subject}`,
    deliver_subject: deliverSubject(system, subject),
    filter_subject: subject,
    // from the declaration on: a new system does not receive the stream's whole history
    deliver_policy: DeliverPolicy.New,
    ack_policy: AckPolicy.Explicit,
    ack_wait: 30_000 * NANOS_PER_MS,
    max_deliver: -1,
    max_ack_pending: 1000,
  };
}

/**
 * Makes the server hold the declared systems' directory entries, durable consumers and drop
 * buckets, and (with `prune`, when `systems` is the whole list) removes those of systems no
 * longer declared. Idempotent; run by provisioning at every start and by the systems command.
 */
export async function provisionOutsideSystems(
  nc: NatsConnection,
  systems: OutsideSystem[],
  opts: { replicas?: number; prune?: boolean } = {},
): Promise<void> {
  const jsm = await jetstreamManager(nc);
  const replicas = opts.replicas ?? 1;

  const kv = await new Kvm(nc).create(OUTSIDE_SYSTEMS_BUCKET, {
    history: 1,
    replicas,
    description: 'declared outside systems: agencies and subjects (deploy/outside-systems.ts)',
  });
  const declared = new Set(systems.map((s) => s.name));
  for (const s of systems) await kv.put(s.name, JSON.stringify(declarationOf(s)));
  if (opts.prune) for await (const key of await kv.keys()) if (!declared.has(key)) await kv.delete(key);

  await provisionDurables(jsm, systems, opts.prune ?? false);
  await provisionDropBuckets(nc, jsm, systems, replicas, opts.prune ?? false);
}

async function provisionDurables(jsm: JetStreamManager, systems: OutsideSystem[], prune: boolean): Promise<void> {
  const wanted = new Map<string, { stream: string; cfg: ReturnType<typeof systemConsumerConfig> }>();
  for (const s of systems) {
    for (const subject of s.reads) {
      const cfg = systemConsumerConfig(s.name, subject);
      wanted.set(`${streamOf(subject)}/${cfg.durable_name}`, { stream: streamOf(subject), cfg });
    }
  }
  for (const { stream, cfg } of wanted.values()) {
    try {
      const info = await jsm.consumers.info(stream, cfg.durable_name);
      if (info.config.deliver_subject === cfg.deliver_subject && info.config.filter_subject === cfg.filter_subject) continue;
      await jsm.consumers.delete(stream, cfg.durable_name);
    } catch (e) {
      if (!isNotFound(e)) throw e;
    }
    await jsm.consumers.add(stream, cfg);
  }
  if (!prune) return;
  // durables of systems (or reads) no longer declared
  const streams = new Set([...wanted.values()].map((w) => w.stream));
  for await (const si of jsm.streams.list())
    if (!si.config.name.startsWith('OBJ_') && !si.config.name.startsWith('KV_')) streams.add(si.config.name);
  for (const stream of streams) {
    for await (const ci of jsm.consumers.list(stream)) {
      if (ci.name.startsWith('out_') && !wanted.has(`${stream}/${ci.name}`)) await jsm.consumers.delete(stream, ci.name);
    }
  }
}

const isDropStream = (name: string) => name === `OBJ_${dropBucketOf('ext')}` || name.startsWith('OBJ_sigap_drops_');

async function provisionDropBuckets(
  nc: NatsConnection,
  jsm: JetStreamManager,
  systems: OutsideSystem[],
  replicas: number,
  prune: boolean,
): Promise<void> {
  const objm = new Objm(nc);
  const wanted = new Set<string>();
  for (const s of systems.filter(hasDropBucket)) {
    const bucket = dropBucketOf(s.name);
    wanted.add(`OBJ_${bucket}`);
    await objm.create(bucket, {
      description: `registry files outside system ${s.name} puts for import (only it reaches them)`,
      ttl: DROP_BUCKET_TTL_HOURS * 3600 * 1000 * NANOS_PER_MS,
      max_bytes: s.limits.dropBucketBytes,
      replicas,
    });
    // create() leaves an existing bucket as it was: apply a changed limit
    const info = await jsm.streams.info(`OBJ_${bucket}`);
    if (info.config.max_bytes !== s.limits.dropBucketBytes)
      await jsm.streams.update(`OBJ_${bucket}`, { ...info.config, max_bytes: s.limits.dropBucketBytes });
  }
  if (!prune) return;
  for await (const si of jsm.streams.list()) {
    if (isDropStream(si.config.name) && !wanted.has(si.config.name)) await jsm.streams.delete(si.config.name);
  }
}

/** Where the private nats-server of npm start / npm test keeps what the systems command needs. */
export interface PrivateNatsServer {
  configFile: string;
  pidFile: string;
  logFile: string;
  systemsFile: string;
  port: number;
  storeDir: string;
}

/** The private server is not running: what is written takes effect on its next start. */
export class NatsNotRunning extends Error {
  constructor() {
    super('the private NATS server is not running');
  }
}

export function privateNatsRunning(server: PrivateNatsServer): boolean {
  if (!existsSync(server.pidFile)) return false;
  const pid = Number(readFileSync(server.pidFile, 'utf8').trim());
  try {
    process.kill(pid, 0);
    return pid > 0;
  } catch {
    return false;
  }
}

const RELOADED = /Reloaded server configuration/g;
const RELOAD_FAILED = /Failed to reload server configuration: (.*)/g;

/**
 * Signals the private nats-server to reload its configuration and waits until its log says it
 * did, or why it could not. nats-server 2.9.10 wires the imports of an account added by a
 * reload only on the next one: `probe` says whether the new account works, and the server is
 * reloaded again (up to three times) until it does.
 */
export async function reloadNats(server: PrivateNatsServer, probe?: () => Promise<boolean>): Promise<void> {
  if (!privateNatsRunning(server)) throw new NatsNotRunning();
  for (let attempt = 1; ; attempt++) {
    const log = () => (existsSync(server.logFile) ? readFileSync(server.logFile, 'utf8') : '');
    const before = log();
    const reloaded = (before.match(RELOADED) ?? []).length;
    const failed = (before.match(RELOAD_FAILED) ?? []).length;
    const pid = Number(readFileSync(server.pidFile, 'utf8').trim());
    process.kill(pid, 'SIGHUP');
    const until = Date.now() + 15_000;
    for (;;) {
      const text = log();
      const failures = [...text.matchAll(RELOAD_FAILED)];
      if (failures.length > failed) throw new Error(`nats-server refused the new configuration: ${failures[failures.length - 1][1]}`);
      if ((text.match(RELOADED) ?? []).length > reloaded) break;
      if (Date.now() > until) throw new Error(`nats-server (pid ${pid}) did not reload within 15 s; its log: ${server.logFile}`);
      await new Promise((r) => setTimeout(r, 50));
    }
    if (!probe || (await probe())) return;
    if (attempt >= 3) throw new Error('nats-server reloaded, but the new account still does not reach Sigap');
  }
}

/** The private server's configuration with these systems. */
export function privateNatsConfig(server: PrivateNatsServer, passwords: NatsPasswords, systems: DeclaredSystem[]): string {
  return natsServerConfig({
    port: server.port,
    storeDir: server.storeDir,
    pidFile: server.pidFile,
    passwords,
    systems: accountsOf(systems),
  });
}
