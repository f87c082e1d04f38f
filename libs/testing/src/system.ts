import { readFileSync, existsSync } from 'node:fs';
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';

/** What `npm test` provisioned: see deploy/provision.ts. */
export interface SystemFile {
  adminDatabaseUrl: string;
  natsUrl: string;
  gatewayUrl: string;
  ext: { user: string; password: string };
  /** the outside systems this installation knows the passwords of (`ext`, `finance-local`) */
  systems: Record<string, { user: string; password: string }>;
  natsAdmin: { user: string; password: string };
  natsServer?: { configFile: string; pidFile: string; logFile: string; systemsFile: string; port: number; storeDir: string };
  services: Record<string, { env: Record<string, string> }>;
}

let cached: SystemFile | undefined;

/** The provisioned test system (Postgres + NATS), as written by `npm test`. */
export function testSystem(): SystemFile {
  if (cached) return cached;
  const file = process.env.SIGAP_SYSTEM_FILE;
  if (!file || !existsSync(file)) {
    throw new Error('SIGAP_SYSTEM_FILE is not set or missing: run the tests with `npm test`, which starts Postgres and NATS for them');
  }
  cached = JSON.parse(readFileSync(file, 'utf8')) as SystemFile;
  return cached;
}

/** Refuses to run against a database whose name does not say it is for tests. */
export function assertTestSystem(): void {
  const file = process.env.SIGAP_SYSTEM_FILE;
  if (!file || !existsSync(file)) return; // pure unit tests need no system
  const sys = testSystem();
  const db = new URL(sys.adminDatabaseUrl).pathname.replace(/^\//, '');
  if (!/test/i.test(db)) throw new Error(`refusing to run tests against database "${db}": its name must contain "test"`);
}

export const repoRoot = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../../../..');

export interface RunningApp {
  name: string;
  url: string;
  process: ChildProcess;
  output: () => string;
  stop(signal?: NodeJS.Signals): Promise<void>;
}

/**
 * Starts one compiled app as its own process, as `npm start` does, and waits for `/health`.
 * `env` overrides the provisioned environment (a second replica: another PORT and instance).
 */
export async function startApp(name: string, env: Record<string, string> = {}, timeoutMs = 60000): Promise<RunningApp> {
  const sys = testSystem();
  const baseEnv = sys.services[name]?.env;
  if (!baseEnv) throw new Error(`no provisioned environment for app ${name}`);
  const fullEnv: Record<string, string | undefined> = {
    ...process.env,
    ...baseEnv,
    LOG_LEVEL: process.env.SIGAP_TEST_LOG_LEVEL ?? 'warn',
    ...env,
  };
  const child = spawn(process.execPath, ['--enable-source-maps', path.join(repoRoot, `dist/apps/${name}/src/main.js`)], {
    env: fullEnv,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout!.on('data', (d: Buffer) => {
    out += d.toString();
  });
  child.stderr!.on('data', (d: Buffer) => {
    out += d.toString();
  });
  const url = `http://127.0.0.1:${fullEnv.PORT}`;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const started = Date.now();
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${name} exited with ${child.exitCode} before it was healthy:\n${out.slice(-4000)}`);
    try {
      const res = await fetch(`${url}/health`);
      if (res.status === 200) break;
    } catch {
      /* not listening yet */
    }
    if (Date.now() - started > timeoutMs) {
      child.kill('SIGKILL');
      throw new Error(`${name} was not healthy within ${timeoutMs} ms:\n${out.slice(-4000)}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    name,
    url,
    process: child,
    output: () => out,
    async stop(signal: NodeJS.Signals = 'SIGTERM') {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill(signal);
      const t = setTimeout(() => child.kill('SIGKILL'), 10000);
      await exited;
      clearTimeout(t);
    },
  };
}
