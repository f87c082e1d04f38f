// npm test: build, start a private Postgres and NATS for the tests (ports 25432 / 24222, so
// a running npm start is not disturbed), provision them, run jest, tear down, and print
// `N passed, N failed`. ESLint runs first (errors fail the run). Arguments after `npm test --` go to jest.
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { spawn } from 'node:child_process';
import path from 'node:path';
import { build } from './lib/build.mjs';
import { lint } from './lib/lint.mjs';
import { ensureDependencies } from './lib/deps.mjs';
import { Interrupted, bringUp, tearDown } from './lib/system.mjs';
import { ROOT, log, main, takeLock } from './lib/util.mjs';

const stack = [];
const abort = new AbortController();
// SIGAP_TEST_SLOT=N runs a second suite beside the first (other ports and folder): for
// developers working on two parts at once; CI and the README use the default slot.
const slot = Number(process.env.SIGAP_TEST_SLOT ?? 0);
const instance = slot ? `test${slot}` : 'test';
const dataDir = path.join(ROOT, '.data', instance);
const jestJson = path.join(dataDir, 'jest.json');
let jest = null;
let interrupted = false;

// Teardown always happens below, after the step in flight; a signal only stops what comes next.
function onSignal(signal) {
  if (interrupted) return;
  interrupted = true;
  log(`${signal}: stopping the tests…`);
  abort.abort();
  // jest shares our process group and got the Ctrl-C itself; SIGTERM covers `kill <pid>`.
  if (jest) jest.kill('SIGTERM');
}
process.on('SIGINT', () => onSignal('SIGINT'));
process.on('SIGTERM', () => onSignal('SIGTERM'));

function runJest(env) {
  const args = [
    '--experimental-vm-modules',
    '--no-warnings=ExperimentalWarning',
    'node_modules/jest/bin/jest.js',
    '--json',
    `--outputFile=${jestJson}`,
    ...process.argv.slice(2),
  ];
  return new Promise((resolve) => {
    jest = spawn(process.execPath, args, { cwd: ROOT, env: { ...process.env, ...env }, stdio: 'inherit' });
    jest.on('error', (e) => {
      log(`could not run jest: ${e.message}`);
      resolve(1);
    });
    jest.on('close', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

function summary() {
  if (!existsSync(jestJson)) return '0 passed, 0 failed';
  const r = JSON.parse(readFileSync(jestJson, 'utf8'));
  // A file that does not load counts no test but fails the run: say so, or "0 failed" would mislead.
  const broken = r.testResults?.filter((t) => t.status === 'failed' && t.assertionResults?.length === 0).length ?? 0;
  if (broken) log(`${broken} test file(s) failed to run`);
  const skipped = (r.numPendingTests ?? 0) + (r.numTodoTests ?? 0);
  return `${r.numPassedTests} passed, ${r.numFailedTests} failed${skipped ? `, ${skipped} skipped` : ''}`;
}

let exitCode = 1;
const ok = await main(async () => {
  stack.push({ name: 'lock', stop: takeLock(path.join(dataDir, 'test.pid'), 'npm test') });
  await ensureDependencies({ chromium: true });
  // the linter first: a finding fails the run before minutes of build and tests
  await lint();
  if (interrupted) return;
  await build();
  if (interrupted) return;
  const up = await bringUp({
    instance,
    postgres: {
      dataDir: path.join(dataDir, 'pg'),
      port: 25432 + slot * 1000,
      database: 'sigap_test',
      recreate: true,
      fast: true,
      throwaway: true,
    },
    nats: { storeDir: path.join(dataDir, 'nats'), port: 24222 + slot * 1000, fresh: true },
    gatewayPort: 28080 + slot * 1000,
    servicePortBase: 28081 + slot * 1000,
    // Every test file that starts a gateway must agree on the first admin's password (the first
    // gateway on the fresh database creates `admin`): they read this one from the system file.
    adminPassword: process.env.SIGAP_ADMIN_PASSWORD || 'sigap-test-admin-2026',
    stack,
    signal: abort.signal,
  }).catch((e) => {
    if (e instanceof Interrupted) return null;
    throw e;
  });
  if (!up || interrupted) return;
  rmSync(jestJson, { force: true });
  exitCode = await runJest({ SIGAP_SYSTEM_FILE: up.systemFile });
});

await tearDown(stack);
if (interrupted) process.exit(130);
if (ok) console.log(summary());
process.exit(ok ? exitCode : 1);
