/**
 * `npm run systems -- add|remove|list`: the operator declares the outside systems of an
 * installation. Each is a NATS identity of its own (libs/contracts/src/outside-systems.ts);
 * `add` prints its password once (only a bcrypt hash is kept), rewrites the NATS
 * configuration, reloads the running private server and provisions the system's durable
 * consumers, drop bucket and directory entry; `remove` takes all of that away again.
 *
 *   npm run systems -- add slrt-banjarnegara --agencies 33.04 \
 *     --publish sigap.ext.application.submitted.v1 --read sigap.intake.application.received.v1
 *   npm run systems -- remove slrt-banjarnegara
 *   npm run systems -- list
 *
 * It works on the installation of `npm start` (.data/local/system.json), or the one named by
 * `--installation FILE` or SIGAP_SYSTEM_FILE (the tests use their own). On an installation
 * whose NATS server is not its own (NATS_URL, docker-compose, Kubernetes), it keeps the
 * declarations in `--systems-file` and provisions them; the operator renders the server's
 * configuration from that file (`node dist/deploy/nats-config.js --systems FILE`).
 */
// first: the contract classes behind #contracts carry decorators that need it when loaded
import 'reflect-metadata';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { connect } from '@nats-io/transport-node';
import {
  DEFAULT_SYSTEM_LIMITS,
  INBOUND_SUBJECTS,
  OUTBOUND_READABLE,
  SERVICE_NAMES,
  checkOutsideSystem,
  deliverSubject,
  dropBucketOf,
  hasDropBucket,
  type FieldError,
  type OutsideSystem,
} from '#contracts';
import { findAgency } from '#domain';
import { ADMIN_USER, type NatsPasswords } from './nats-config.js';
import {
  declarationOf,
  hashPassword,
  newPassword,
  privateNatsConfig,
  privateNatsRunning,
  provisionOutsideSystems,
  readSystems,
  reloadNats,
  withSystemsLock,
  writeSystems,
  type DeclaredSystem,
  type PrivateNatsServer,
} from './outside-systems.js';
import type { SystemFile } from './provision.js';

/** The systems command's own inbox prefix: nothing of Sigap answers on `_INBOX.>`. */
export const SYSTEMS_INBOX = '_INBOX_systems';
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export class SystemsCommandError extends Error {
  constructor(
    message: string,
    readonly errors: FieldError[] = [],
  ) {
    super(message);
  }
}

export interface Installation {
  system: SystemFile;
  /** where the declarations live */
  systemsFile: string;
  /** the private server, when it is this installation's */
  server?: PrivateNatsServer;
}

export function loadInstallation(systemFile: string, systemsFile?: string): Installation {
  if (!existsSync(systemFile))
    throw new SystemsCommandError(`no installation at ${systemFile}: run npm start first (or name one with --installation)`);
  const system = JSON.parse(readFileSync(systemFile, 'utf8')) as SystemFile;
  const server = system.natsServer;
  const file = systemsFile ?? server?.systemsFile;
  if (!file)
    throw new SystemsCommandError(
      'this installation runs on a NATS server that is not its own: name the declarations with --systems-file FILE',
    );
  return { system, systemsFile: file, server };
}

function passwordsOf(system: SystemFile): NatsPasswords {
  const services: Record<string, string> = {};
  for (const name of SERVICE_NAMES) {
    const pw = system.services[name]?.env.NATS_PASSWORD;
    if (!pw) throw new SystemsCommandError(`the installation has no NATS password for ${name}`);
    services[name] = pw;
  }
  return { admin: system.natsAdmin.password, services };
}

/** A declaration from the command's options; refuses what breaks a rule, naming the field. */
export function declaration(
  name: string,
  o: {
    agencies: string[];
    publishes: string[];
    reads: string[];
    maxPayloadBytes?: number;
    dropBucketBytes?: number;
    maxConnections?: number;
  },
): OutsideSystem {
  const decl: OutsideSystem = {
    name,
    agencies: o.agencies,
    publishes: o.publishes.map((s) => (s.startsWith('sigap.') ? s : `sigap.ext.${s}`)),
    reads: o.reads.map((s) => (s.startsWith('sigap.') ? s : `sigap.${s}`)),
    limits: {
      maxPayloadBytes: o.maxPayloadBytes ?? DEFAULT_SYSTEM_LIMITS.maxPayloadBytes,
      dropBucketBytes: o.dropBucketBytes ?? DEFAULT_SYSTEM_LIMITS.dropBucketBytes,
      maxConnections: o.maxConnections ?? DEFAULT_SYSTEM_LIMITS.maxConnections,
    },
  };
  const errors = checkOutsideSystem(decl);
  if ([ADMIN_USER, ...SERVICE_NAMES].includes(name))
    errors.push({ path: 'name', message: `${name} is the name of a Sigap service or of the administrator` });
  for (const a of decl.agencies)
    if (a !== '*' && !findAgency(a)) errors.push({ path: 'agencies', message: `${a} is not an agency of this installation` });
  if (errors.length) throw new SystemsCommandError(`the declaration of ${name} is refused`, errors);
  return decl;
}

async function adminConnection(inst: Installation) {
  return connect({
    servers: inst.system.natsUrl,
    user: inst.system.natsAdmin.user,
    pass: inst.system.natsAdmin.password,
    name: 'sigap-systems',
    inboxPrefix: SYSTEMS_INBOX,
  });
}

/** Can the system connect and reach JetStream's account info through its imports? */
async function reaches(natsUrl: string, user: string, password: string): Promise<boolean> {
  const nc = await connect({ servers: natsUrl, user, pass: password, reconnect: false, name: 'sigap-systems-probe' }).catch(() => null);
  if (!nc) return false;
  try {
    const r = (await nc.request('$JS.API.INFO', '', { timeout: 2000 })).json<{ type?: string; error?: unknown }>();
    return r.type === 'io.nats.jetstream.api.v1.account_info_response' && !r.error;
  } catch {
    return false;
  } finally {
    await nc.close().catch(() => undefined);
  }
}

/**
 * Applies a new list of declarations: the file, the server's configuration (reloaded), then
 * directory entries, durables and buckets. If the server refuses, the old list is put back.
 */
async function apply(
  inst: Installation,
  before: DeclaredSystem[],
  after: DeclaredSystem[],
  probe?: () => Promise<boolean>,
): Promise<'now' | 'next-start'> {
  writeSystems(inst.systemsFile, after);
  if (inst.server) {
    const server = inst.server;
    const passwords = passwordsOf(inst.system);
    writeFileSync(server.configFile, privateNatsConfig(server, passwords, after), { mode: 0o600 });
    // npm start renders the configuration from the systems file and provisions them at start
    if (!privateNatsRunning(server)) return 'next-start';
    try {
      await reloadNats(server, probe);
    } catch (e) {
      writeSystems(inst.systemsFile, before);
      writeFileSync(server.configFile, privateNatsConfig(server, passwords, before), { mode: 0o600 });
      await reloadNats(server).catch(() => undefined);
      throw e;
    }
  }
  const nc = await adminConnection(inst);
  try {
    await provisionOutsideSystems(nc, after.map(declarationOf), { prune: true });
  } finally {
    await nc.close();
  }
  return 'now';
}

export interface AddedSystem {
  name: string;
  user: string;
  password: string;
  natsUrl: string;
  declaration: OutsideSystem;
  /** durable consumers: subscribe to the deliver subject, ack each message */
  deliverSubjects: Record<string, string>;
  dropBucket: string | null;
  /** now: in force; next-start: npm start is not running, it takes effect when it starts; operator: render and reload the server's configuration */
  takesEffect: 'now' | 'next-start' | 'operator';
}

export async function addSystem(inst: Installation, decl: OutsideSystem): Promise<AddedSystem> {
  return withSystemsLock(inst.systemsFile, async () => {
    const before = readSystems(inst.systemsFile);
    if (before.some((s) => s.name === decl.name))
      throw new SystemsCommandError(`${decl.name} is already declared: remove it first to declare it anew`, [
        { path: 'name', message: `${decl.name} is already declared` },
      ]);
    const password = newPassword();
    const after = [...before, { ...decl, passwordHash: hashPassword(password), declaredAt: new Date().toISOString() }];
    const applied = await apply(inst, before, after, () => reaches(inst.system.natsUrl, decl.name, password));
    return {
      name: decl.name,
      user: decl.name,
      password,
      natsUrl: inst.system.natsUrl,
      declaration: decl,
      deliverSubjects: Object.fromEntries(decl.reads.map((s) => [s, deliverSubject(decl.name, s)])),
      dropBucket: hasDropBucket(decl) ? dropBucketOf(decl.name) : null,
      takesEffect: inst.server ? applied : 'operator',
    };
  });
}

export async function removeSystem(inst: Installation, name: string): Promise<void> {
  await withSystemsLock(inst.systemsFile, async () => {
    const before = readSystems(inst.systemsFile);
    if (!before.some((s) => s.name === name))
      throw new SystemsCommandError(`${name} is not declared`, [{ path: 'name', message: `no outside system ${name}` }]);
    await apply(
      inst,
      before,
      before.filter((s) => s.name !== name),
    );
  });
}

interface Args {
  command: string;
  name?: string;
  flags: Record<string, string[]>;
}

function parseArgs(argv: string[]): Args {
  const [command = 'help', ...rest] = argv;
  const flags: Record<string, string[]> = {};
  let name: string | undefined;
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i];
    if (a.startsWith('--')) {
      const [k, inline] = a.slice(2).split('=', 2);
      const v = inline ?? (rest[i + 1] !== undefined && !rest[i + 1].startsWith('--') ? rest[++i] : 'true');
      (flags[k] ??= []).push(
        ...v
          .split(',')
          .map((x) => x.trim())
          .filter(Boolean),
      );
    } else if (!name) {
      name = a;
    } else {
      throw new SystemsCommandError(`unexpected argument ${a}`);
    }
  }
  return { command, name, flags };
}

const USAGE = `usage:
  npm run systems -- add <name> --agencies 33.04[,61.71|*] [--publish SUBJECT,…] [--read SUBJECT,…]
                      [--max-payload BYTES] [--drop-bytes BYTES] [--max-connections N] [--json]
  npm run systems -- remove <name>
  npm run systems -- list [--json]
options: --installation FILE (default .data/local/system.json, or SIGAP_SYSTEM_FILE), --systems-file FILE
publish: ${Object.keys(INBOUND_SUBJECTS).join(', ')}
read:    ${OUTBOUND_READABLE.join(', ')}`;

const num = (v: string[] | undefined, flag: string) => {
  if (!v) return undefined;
  const n = Number(v[0]);
  if (!Number.isInteger(n)) throw new SystemsCommandError(`--${flag} must be a whole number`);
  return n;
};

export async function runSystemsCommand(argv: string[], out: (line: string) => void = (l) => console.log(l)): Promise<void> {
  const args = parseArgs(argv);
  const f = args.flags;
  if (args.command === 'help' || f.help) {
    out(USAGE);
    return;
  }
  const inst = loadInstallation(
    f.installation?.[0] ?? process.env.SIGAP_SYSTEM_FILE ?? path.join(ROOT, '.data/local/system.json'),
    f['systems-file']?.[0],
  );
  const json = Boolean(f.json);
  switch (args.command) {
    case 'add': {
      if (!args.name) throw new SystemsCommandError('add needs the name of the system');
      const decl = declaration(args.name, {
        agencies: f.agencies ?? [],
        publishes: f.publish ?? [],
        reads: f.read ?? [],
        maxPayloadBytes: num(f['max-payload'], 'max-payload'),
        dropBucketBytes: num(f['drop-bytes'], 'drop-bytes'),
        maxConnections: num(f['max-connections'], 'max-connections'),
      });
      const added = await addSystem(inst, decl);
      if (json) {
        out(JSON.stringify(added));
        return;
      }
      out(`Outside system ${added.name} is declared.`);
      out(`  NATS server:  ${added.natsUrl}`);
      out(`  user:         ${added.user}`);
      out(`  password:     ${added.password}`);
      out('  (shown once: only its bcrypt hash is kept. Hand it over now; to change it, remove and add the system again.)');
      out(`  speaks for:   ${decl.agencies.join(', ')}`);
      for (const s of decl.publishes) out(`  publishes:    ${s}`);
      for (const [s, d] of Object.entries(added.deliverSubjects)) out(`  reads:        ${s} (durable: subscribe ${d}, ack each message)`);
      if (added.dropBucket) out(`  drop bucket:  ${added.dropBucket} (Object Store; only this system reaches it)`);
      if (added.takesEffect === 'next-start') out('npm start is not running: the system can connect once it is started again.');
      if (added.takesEffect === 'operator')
        out(
          `The NATS server is not this installation's: render its configuration with node dist/deploy/nats-config.js --systems ${inst.systemsFile} and reload it.`,
        );
      return;
    }
    case 'remove': {
      if (!args.name) throw new SystemsCommandError('remove needs the name of the system');
      await removeSystem(inst, args.name);
      out(
        json
          ? JSON.stringify({ removed: args.name })
          : `Outside system ${args.name} is removed: it can no longer connect, and its durables and drop bucket are gone.`,
      );
      return;
    }
    case 'list': {
      const systems = readSystems(inst.systemsFile).map(declarationOf);
      if (json) {
        out(JSON.stringify(systems));
        return;
      }
      for (const s of systems) {
        out(`${s.name}  agencies ${s.agencies.join(',')}`);
        out(`  publishes ${s.publishes.join(', ') || '-'}`);
        out(`  reads     ${s.reads.join(', ') || '-'}`);
        out(
          `  limits    ${s.limits.maxPayloadBytes} bytes a message, drop bucket ${s.limits.dropBucketBytes} bytes, ${s.limits.maxConnections} connections`,
        );
      }
      return;
    }
    default:
      throw new SystemsCommandError(`unknown command ${args.command}\n${USAGE}`);
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  try {
    await runSystemsCommand(process.argv.slice(2));
  } catch (e) {
    if (e instanceof SystemsCommandError) {
      console.error(`systems: ${e.message}`);
      for (const x of e.errors) console.error(`  ${x.path}: ${x.message}`);
      if (process.argv.includes('--json')) console.log(JSON.stringify({ error: e.message, details: e.errors }));
    } else {
      console.error(`systems: ${e instanceof Error ? e.message : String(e)}`);
    }
    process.exitCode = 1;
  }
}
