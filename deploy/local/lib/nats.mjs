// A private nats-server with JetStream, configured with Sigap's users and permissions.
import { spawn } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { extNatsPassword } from './secrets.mjs';
import { ROOT, alive, canConnect, cmdlineOf, fail, log, sleep, waitForExit, which } from './util.mjs';

/** Passwords for the generated configuration, from .data/secrets.json. */
export function natsPasswords(secrets) {
  const services = Object.fromEntries(Object.entries(secrets.services).map(([n, s]) => [n, s.natsPassword]));
  return { admin: secrets.natsAdminPassword, services };
}

/** Passwords of the outside systems a local installation declares itself: `ext` and the finance office. */
export function localSystemPasswords(secrets) {
  return { ext: extNatsPassword(), 'finance-local': secrets.financeLocalNatsPassword };
}

/**
 * The outside systems of this installation (`systemsFile`, which the systems command changes):
 * on a first start, or a fresh one, `ext` and the development finance office; a local
 * system's bcrypt hash follows its password (SIGAP_EXT_NATS_PASSWORD may change between starts).
 */
async function localSystems(systemsFile, secrets, fresh) {
  const m = await import(pathToFileURL(path.join(ROOT, 'dist/deploy/outside-systems.js')).href);
  const { EXT_SYSTEM, FINANCE_LOCAL_SYSTEM } = await import(
    pathToFileURL(path.join(ROOT, 'dist/libs/contracts/src/outside-systems.js')).href
  );
  const passwords = localSystemPasswords(secrets);
  return m.withSystemsLock(systemsFile, async () => {
    let systems = fresh ? [] : m.readSystems(systemsFile);
    if (fresh || !existsSync(systemsFile)) {
      const now = new Date().toISOString();
      systems = [EXT_SYSTEM, FINANCE_LOCAL_SYSTEM].map((s) => ({ ...s, passwordHash: m.hashPassword(passwords[s.name]), declaredAt: now }));
    }
    for (const s of systems) {
      const pw = passwords[s.name];
      if (pw && !m.passwordMatches(pw, s.passwordHash)) s.passwordHash = m.hashPassword(pw);
    }
    m.writeSystems(systemsFile, systems);
    return systems;
  });
}

export async function startNats({ storeDir, port, secrets, systemsFile, fresh = false }) {
  const bin = which('nats-server') ?? fail('nats-server not found: apt-get install -y nats-server (or set NATS_URL)');
  storeDir = path.resolve(storeDir);
  const confFile = `${storeDir}.conf`;
  const pidFile = `${storeDir}.pid`;
  const logFile = `${storeDir}.log`;
  await stopOrphan(pidFile, confFile);
  if (fresh) rmSync(storeDir, { recursive: true, force: true });
  mkdirSync(storeDir, { recursive: true });
  // Sigap's streams live in account SIGAP now; an installation from before the accounts kept
  // them in the server's global account: move them over rather than start empty
  const globalDir = path.join(storeDir, 'jetstream', '$G');
  const sigapDir = path.join(storeDir, 'jetstream', 'SIGAP');
  if (existsSync(globalDir) && !existsSync(sigapDir)) {
    renameSync(globalDir, sigapDir);
    log('moved the JetStream data of the global account to account SIGAP');
  }
  if (await canConnect(port)) fail(`port ${port} is already in use, so the private NATS cannot start there (is another Sigap running?)`);

  const { privateNatsConfig } = await import(pathToFileURL(path.join(ROOT, 'dist/deploy/outside-systems.js')).href);
  const systems = await localSystems(systemsFile, secrets, fresh);
  const server = { configFile: confFile, pidFile, logFile, systemsFile, port, storeDir };
  writeFileSync(confFile, privateNatsConfig(server, natsPasswords(secrets), systems), { mode: 0o600 });

  const out = openSync(logFile, 'a');
  // Its own process group: Ctrl-C in the terminal must not reach NATS before the apps have stopped.
  const child = spawn(bin, ['-c', confFile], { stdio: ['ignore', out, out], detached: true });
  closeSync(out);
  let exited = null;
  child.on('exit', (code, signal) => (exited = { code, signal }));

  const until = Date.now() + 15000;
  while (!(await canConnect(port))) {
    if (exited || Date.now() > until) {
      child.kill('SIGKILL');
      const tail = readFileSync(logFile, 'utf8').split('\n').slice(-15).join('\n');
      fail(`nats-server did not start on port ${port} (${exited ? `exit ${exited.code}` : 'timed out'}); log ${logFile}:\n${tail}`);
    }
    await sleep(50);
  }

  return {
    url: `nats://127.0.0.1:${port}`,
    server,
    systems,
    systemPasswords: localSystemPasswords(secrets),
    async stop() {
      if (exited) return;
      child.kill('SIGTERM');
      if (!(await waitForExit(child.pid, 10000))) child.kill('SIGKILL');
    },
  };
}

/** A run killed with SIGKILL leaves its nats-server running; recognise it by our config path. */
async function stopOrphan(pidFile, confFile) {
  if (!existsSync(pidFile)) return;
  const pid = Number(readFileSync(pidFile, 'utf8').trim());
  if (pid > 0 && alive(pid) && cmdlineOf(pid)?.includes(confFile)) {
    log(`stopping a nats-server left running by an earlier run (pid ${pid})`);
    process.kill(pid, 'SIGTERM');
    if (!(await waitForExit(pid, 10000))) process.kill(pid, 'SIGKILL');
  }
  rmSync(pidFile, { force: true });
}
