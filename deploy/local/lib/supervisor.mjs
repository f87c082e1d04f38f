// Runs the apps as child processes: prefixes their output, restarts one that dies (with
// exponential backoff), and stops them all in order.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import readline from 'node:readline';
import path from 'node:path';
import { Failure, ROOT, alive, cmdlineOf, log, sleep, waitForExit } from './util.mjs';

const LEVELS = { 10: 'TRACE', 20: 'DEBUG', 30: 'INFO', 40: 'WARN', 50: 'ERROR', 60: 'FATAL' };
// the prefix already names the app; pid/instance/hostname only add noise locally
const QUIET_KEYS = new Set(['level', 'time', 'msg', 'pid', 'hostname', 'service', 'name', 'instance']);
const RAW = process.env.SIGAP_LOG_FORMAT === 'json';

/**
 * One line of app output for a human: pino's JSON reduced to time, level, message and the
 * remaining fields. The apps redact personal data themselves; this only reshapes.
 */
function format(name, width, line) {
  const prefix = name.padEnd(width) + ' |';
  if (RAW || !line.startsWith('{')) return `${prefix} ${line}`;
  try {
    const rec = JSON.parse(line);
    const time = new Date(rec.time ?? Date.now()).toISOString().slice(11, 23);
    const level = LEVELS[rec.level] ?? String(rec.level ?? '').toUpperCase();
    const rest = Object.fromEntries(Object.entries(rec).filter(([k]) => !QUIET_KEYS.has(k)));
    return `${prefix} ${time} ${level.padEnd(5)} ${rec.msg ?? ''}${Object.keys(rest).length ? ' ' + JSON.stringify(rest) : ''}`;
  } catch {
    return `${prefix} ${line}`;
  }
}

const BACKOFF_START = 1000;
const BACKOFF_CAP = 30000;
const STABLE_AFTER = 60000;

/**
 * apps: [{ name, env }]. pidFile records the running pids, so that a later run can stop
 * apps orphaned when this one was killed outright (they would hold their ports).
 */
export function startApps(apps, { pidFile } = {}) {
  const width = Math.max(...apps.map((a) => a.name.length));
  let stopping = false;
  const states = apps.map((app) => ({ ...app, child: null, backoff: BACKOFF_START, timer: null, exited: null }));

  function launch(s) {
    const startedAt = Date.now();
    // Own process group: Ctrl-C reaches only this script, which then stops the apps in order.
    // A larger young generation halves the scavenges of a message-heavy service, and without
    // --enable-source-maps every Error (nats.js makes one per request) is cheaper to build:
    // measured with `npm run bench` (pipeline: +50% applications per second).
    const child = spawn(process.execPath, ['--max-semi-space-size=64', path.join(ROOT, `dist/apps/${s.name}/src/main.js`)], {
      cwd: ROOT,
      env: { ...process.env, ...s.env },
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    s.child = child;
    if (pidFile) writeFileSync(pidFile, JSON.stringify(states.filter((x) => x.child).map((x) => ({ name: x.name, pid: x.child.pid }))));
    s.exited = new Promise((resolve) => child.once('close', resolve));
    for (const stream of [child.stdout, child.stderr]) {
      readline.createInterface({ input: stream }).on('line', (l) => process.stdout.write(format(s.name, width, l) + '\n'));
    }
    child.on('error', (err) => log(`${s.name} could not be started: ${err.message}`));
    child.once('close', (code, signal) => {
      s.child = null;
      if (stopping) return;
      const upMs = Date.now() - startedAt;
      if (upMs >= STABLE_AFTER) s.backoff = BACKOFF_START;
      const delay = s.backoff;
      s.backoff = Math.min(s.backoff * 2, BACKOFF_CAP);
      log(`${s.name} exited with code ${code} (signal ${signal}) after ${(upMs / 1000).toFixed(1)}s — restarting in ${delay / 1000}s`);
      s.timer = setTimeout(() => {
        s.timer = null;
        if (!stopping) launch(s);
      }, delay);
    });
  }

  states.forEach(launch);

  return {
    pids: () => states.filter((s) => s.child).map((s) => ({ name: s.name, pid: s.child.pid })),
    /** SIGTERM to all (last started first), SIGKILL to whatever still runs after 10 s. */
    async stopAll() {
      stopping = true;
      const running = [...states].reverse().filter((s) => {
        if (s.timer) clearTimeout(s.timer);
        return s.child;
      });
      for (const s of running) s.child.kill('SIGTERM');
      const done = Promise.all(running.map((s) => s.exited));
      const timeout = sleep(10000).then(() => 'timeout');
      if ((await Promise.race([done, timeout])) === 'timeout') {
        for (const s of running) {
          if (s.child) {
            log(`${s.name} did not stop within 10s: killing it`);
            s.child.kill('SIGKILL');
          }
        }
        await done;
      }
      if (pidFile) rmSync(pidFile, { force: true });
    },
  };
}

/** Stop apps a killed earlier run left behind, recognised by their entry point. */
export async function stopOrphanApps(pidFile) {
  if (!existsSync(pidFile)) return;
  let entries = [];
  try {
    entries = JSON.parse(readFileSync(pidFile, 'utf8'));
  } catch {
    /* unreadable: nothing to recover */
  }
  for (const { name, pid } of entries) {
    if (alive(pid) && cmdlineOf(pid)?.includes(`dist/apps/${name}/src/main.js`)) {
      log(`stopping ${name} left running by an earlier run (pid ${pid})`);
      process.kill(pid, 'SIGTERM');
      if (!(await waitForExit(pid, 10000))) process.kill(pid, 'SIGKILL');
    }
  }
  rmSync(pidFile, { force: true });
}

/** Poll every app's /health until all answer 200; rejects naming the ones that never did. */
export async function waitHealthy(urls, timeoutMs, signal) {
  const pending = new Map(Object.entries(urls).map(([name, base]) => [name, `${base.replace(/\/$/, '')}/health`]));
  const last = new Map();
  const until = Date.now() + timeoutMs;
  while (pending.size && !signal?.aborted) {
    await Promise.all(
      [...pending].map(async ([name, url]) => {
        try {
          const res = await fetch(url, { signal: AbortSignal.timeout(2000) });
          if (res.status === 200) pending.delete(name);
          else last.set(name, `HTTP ${res.status}`);
        } catch (e) {
          last.set(name, e.cause?.code ?? e.message);
        }
      }),
    );
    if (!pending.size) break;
    if (Date.now() > until) {
      const names = [...pending.keys()].map((n) => `${n} (${last.get(n) ?? 'no answer'})`).join(', ');
      throw new Failure(`not healthy after ${timeoutMs / 1000}s: ${names}`);
    }
    await sleep(250);
  }
}
