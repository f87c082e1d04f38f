// npm test: lint, build, start private Postgres and NATS servers for the tests (ports 25432 /
// 24222 and up, so a running npm start is not disturbed), provision them, run jest, tear down,
// and print `N passed, N failed`. ESLint runs first (errors fail the run). Arguments after
// `npm test --` go to jest.
//
// The whole suite runs as two suites side by side, each on its own Postgres, NATS and ports
// (the second 500 ports above the first, data in .data/test-2): a file's apps, browser and
// database mostly wait on each other, so two files at once finish in about half the time on
// two cores. Test files are split so both suites take about as long (deploy/local/lib/
// test-sequencer.mjs). With arguments (a few files), or with DATABASE_URL / NATS_URL pointing at
// one shared server, one suite runs. SIGAP_TEST_SUITES=1 forces one.
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
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
const jestArgs = process.argv.slice(2);
const shared = Boolean(process.env.DATABASE_URL || process.env.NATS_URL);
const suites = jestArgs.length || shared ? 1 : Math.min(4, Math.max(1, Number(process.env.SIGAP_TEST_SUITES ?? 2) || 1));
const baseInstance = slot ? `test${slot}` : 'test';
const SUITE_PORT_STEP = 500;
const suiteOf = (k) => {
  const instance = k ? `${baseInstance}-${k + 1}` : baseInstance;
  const dataDir = path.join(ROOT, '.data', instance);
  return { k, instance, dataDir, jestJson: path.join(dataDir, 'jest.json'), offset: slot * 1000 + k * SUITE_PORT_STEP };
};
const all = Array.from({ length: suites }, (_, k) => suiteOf(k));
const jests = new Set();
let interrupted = false;

// Teardown always happens below, after the step in flight; a signal only stops what comes next.
function onSignal(signal) {
  if (interrupted) return;
  interrupted = true;
  log(`${signal}: stopping the tests…`);
  abort.abort();
  // each jest leads its own process group, with the apps its tests started: the group is told
  for (const j of jests) killGroup(j, 'SIGTERM');
}
process.on('SIGINT', () => onSignal('SIGINT'));
process.on('SIGTERM', () => onSignal('SIGTERM'));

/**
 * Signals a jest and everything it started. Jest runs in a process group of its own (`detached`),
 * so the apps its tests spawned are in it too: when jest is killed or dies, none of them is left
 * behind to reconnect to the next run's NATS on the same port and answer its requests.
 */
function killGroup(child, signal) {
  try {
    process.kill(-child.pid, signal);
  } catch {
    // the group is gone already
  }
}

/** Each line of a suite's output, prefixed with the suite's number when two run at once. */
function prefixed(stream, out, prefix) {
  let rest = '';
  stream.setEncoding('utf8');
  stream.on('data', (chunk) => {
    const lines = (rest + chunk).split('\n');
    rest = lines.pop();
    for (const line of lines) out.write(`${prefix}${line}\n`);
  });
  stream.on('end', () => {
    if (rest) out.write(`${prefix}${rest}\n`);
  });
}

function runJest(suite, env) {
  const args = [
    '--experimental-vm-modules',
    '--no-warnings=ExperimentalWarning',
    'node_modules/jest/bin/jest.js',
    '--json',
    `--outputFile=${suite.jestJson}`,
    ...(suites > 1 ? [`--shard=${suite.k + 1}/${suites}`] : []),
    ...jestArgs,
  ];
  return new Promise((resolve) => {
    const j = spawn(process.execPath, args, {
      cwd: ROOT,
      env: { ...process.env, ...env },
      stdio: suites > 1 ? ['ignore', 'pipe', 'pipe'] : 'inherit',
      detached: true,
    });
    jests.add(j);
    if (suites > 1) {
      prefixed(j.stdout, process.stdout, `[${suite.k + 1}] `);
      prefixed(j.stderr, process.stderr, `[${suite.k + 1}] `);
    }
    j.on('error', (e) => {
      log(`could not run jest: ${e.message}`);
      resolve(1);
    });
    j.on('close', (code, signal) => {
      jests.delete(j);
      // an app a failed test never stopped dies with its suite
      killGroup(j, 'SIGKILL');
      resolve(code ?? (signal ? 1 : 0));
    });
  });
}

function results() {
  return all.filter((s) => existsSync(s.jestJson)).map((s) => JSON.parse(readFileSync(s.jestJson, 'utf8')));
}

function summary() {
  const rs = results();
  const sum = (f) => rs.reduce((n, r) => n + (f(r) ?? 0), 0);
  // A file that does not load counts no test but fails the run: say so, or "0 failed" would mislead.
  const broken = sum((r) => r.testResults?.filter((t) => t.status === 'failed' && t.assertionResults?.length === 0).length);
  if (broken) log(`${broken} test file(s) failed to run`);
  if (rs.length < all.length) log(`${all.length - rs.length} of ${all.length} suites wrote no results`);
  const skipped = sum((r) => r.numPendingTests) + sum((r) => r.numTodoTests);
  return `${sum((r) => r.numPassedTests)} passed, ${sum((r) => r.numFailedTests)} failed${skipped ? `, ${skipped} skipped` : ''}`;
}

/** After a whole run, each file's duration: the next run splits its suites by them. */
function rememberDurations() {
  const durations = {};
  for (const r of results())
    for (const t of r.testResults ?? []) durations[path.relative(ROOT, t.name)] = Math.round((t.endTime - t.startTime) / 100) / 10;
  if (Object.keys(durations).length)
    writeFileSync(path.join(ROOT, '.data', 'test-durations.json'), JSON.stringify(durations, null, 1) + '\n');
}

let exitCode = 1;
const ok = await main(async () => {
  stack.push({ name: 'lock', stop: takeLock(path.join(all[0].dataDir, 'test.pid'), 'npm test') });
  await ensureDependencies({ chromium: true });
  // the linter first: a finding fails the run before minutes of build and tests
  await lint();
  if (interrupted) return;
  await build();
  if (interrupted) return;
  const started = Date.now();
  // every start settles before a failure is reported: what one suite started while the other
  // failed is on the stack, and torn down below
  const settled = await Promise.allSettled(
    all.map((s) =>
      bringUp({
        instance: s.instance,
        postgres: {
          dataDir: path.join(s.dataDir, 'pg'),
          port: 25432 + s.offset,
          database: 'sigap_test',
          recreate: true,
          fast: true,
          throwaway: true,
        },
        nats: { storeDir: path.join(s.dataDir, 'nats'), port: 24222 + s.offset, fresh: true },
        gatewayPort: 28080 + s.offset,
        servicePortBase: 28081 + s.offset,
        // Every test file that starts a gateway must agree on the first admin's password (the first
        // gateway on the fresh database creates `admin`): they read this one from the system file.
        adminPassword: process.env.SIGAP_ADMIN_PASSWORD || 'sigap-test-admin-2026',
        stack,
        signal: abort.signal,
      }).catch((e) => {
        if (e instanceof Interrupted) return null;
        throw e;
      }),
    ),
  );
  const failed = settled.find((r) => r.status === 'rejected');
  if (failed) throw failed.reason;
  const ups = settled.map((r) => r.value);
  if (ups.some((u) => !u) || interrupted) return;
  for (const s of all) rmSync(s.jestJson, { force: true });
  if (suites > 1) log(`running the tests as ${suites} suites side by side ([1], [2], … before each line)`);
  const codes = await Promise.all(all.map((s, k) => runJest(s, { SIGAP_SYSTEM_FILE: ups[k].systemFile })));
  exitCode = codes.find((c) => c !== 0) ?? 0;
  if (suites > 1) log(`the suites ran in ${Math.round((Date.now() - started) / 1000)} s`);
  if (!jestArgs.length && !interrupted) rememberDurations();
});

await tearDown(stack);
if (interrupted) process.exit(130);
if (ok) console.log(summary());
process.exit(ok ? exitCode : 1);
