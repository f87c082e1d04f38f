// Small helpers shared by the local scripts. Node builtins only: these run before `npm ci`.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
export const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;

export function log(msg) {
  process.stdout.write(`[sigap] ${msg}\n`);
}

export class Failure extends Error {}

/** Print a message and exit; a Failure's message is meant for the operator, not a stack trace. */
export function fail(msg) {
  throw new Failure(msg);
}

/**
 * Run a command to completion, collecting its output; rejects with the output on a non-zero
 * exit, because a failed build or initdb is only diagnosable from what it printed.
 */
export function run(cmd, args, { cwd = ROOT, env = process.env, quiet = true, input } = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { cwd, env, stdio: [input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'] });
    let out = '';
    const collect = (stream, sink) =>
      stream.on('data', (d) => {
        out += d;
        if (!quiet) sink.write(d);
      });
    collect(child.stdout, process.stdout);
    collect(child.stderr, process.stderr);
    if (input !== undefined) child.stdin.end(input);
    child.on('error', (err) => reject(new Failure(`could not run ${cmd}: ${err.message}`)));
    child.on('close', (code, signal) => {
      if (code === 0) resolve(out);
      else {
        const e = new Failure(`${[cmd, ...args].join(' ')} failed (${signal ?? `exit ${code}`}):\n${out.trim()}`);
        e.output = out;
        reject(e);
      }
    });
  });
}

/** Look a program up in PATH and, failing that, in the given extra directories. */
export function which(name, extraDirs = []) {
  const dirs = [...(process.env.PATH ?? '').split(path.delimiter), '/usr/sbin', '/sbin', ...extraDirs];
  for (const dir of dirs) {
    if (!dir) continue;
    const p = path.join(dir, name);
    if (existsSync(p)) return p;
  }
  return null;
}

export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

export function canConnect(port, host = '127.0.0.1') {
  return new Promise((resolve) => {
    const s = net.connect({ port, host });
    s.once('connect', () => {
      s.destroy();
      resolve(true);
    });
    s.once('error', () => resolve(false));
  });
}

/** The command line of a live process, or null; used to recognise our own orphans before killing them. */
export function cmdlineOf(pid) {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ');
  } catch {
    return null;
  }
}

export function alive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return e.code === 'EPERM';
  }
}

export async function waitForExit(pid, ms) {
  const until = Date.now() + ms;
  while (alive(pid) && Date.now() < until) await sleep(100);
  return !alive(pid);
}

/**
 * Run main(), turning Failures into one readable line and a non-zero exit instead of a
 * stack trace; `cleanup` runs either way.
 */
export async function main(fn) {
  try {
    await fn();
  } catch (err) {
    if (err instanceof Failure) process.stderr.write(`[sigap] ${err.message}\n`);
    else process.stderr.write(`[sigap] unexpected error: ${err?.stack ?? err}\n`);
    process.exitCode = 1;
    return false;
  }
  return true;
}

/**
 * One run per instance at a time (they share ports and data dirs). A lock left by a run that
 * was killed names a dead pid and is taken over.
 */
export function takeLock(file, what) {
  mkdirSync(path.dirname(file), { recursive: true });
  if (existsSync(file)) {
    const pid = Number(readFileSync(file, 'utf8').trim());
    if (pid > 0 && pid !== process.pid && alive(pid) && /node/.test(cmdlineOf(pid) ?? '')) {
      fail(`${what} is already running (pid ${pid}); stop it first`);
    }
  }
  writeFileSync(file, String(process.pid));
  return () => {
    try {
      if (readFileSync(file, 'utf8').trim() === String(process.pid)) rmSync(file);
    } catch {
      /* already gone */
    }
  };
}
