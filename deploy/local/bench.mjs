// npm run bench: build, start a private Postgres and NATS (ports 26432 / 26222), run the
// services the benchmarks need, run every benchmark of bench/ and print its figures.
// `npm run bench -- pipeline` runs one. Not part of npm test.
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from './lib/build.mjs';
import { ensureDependencies } from './lib/deps.mjs';
import { startApps, waitHealthy } from './lib/supervisor.mjs';
import { bringUp, tearDown } from './lib/system.mjs';
import { ROOT, log, main, takeLock } from './lib/util.mjs';

const stack = [];
process.on('SIGINT', () => tearDown(stack).then(() => process.exit(130)));
process.on('SIGTERM', () => tearDown(stack).then(() => process.exit(143)));

// SIGAP_BENCH_SLOT=N runs beside another bench (other ports and folder); figures taken
// side by side share the machine, so compare them only with that in mind
const slot = Number(process.env.SIGAP_BENCH_SLOT ?? 0);
const instance = slot ? `bench${slot}` : 'bench';
const BENCHMARKS = ['pipeline', 'filing', 'registry', 'disbursement', 'disbursement-documents'];
const wanted = process.argv.slice(2).length ? process.argv.slice(2) : BENCHMARKS;

const ok = await main(async () => {
  stack.push({ name: 'lock', stop: takeLock(path.join(ROOT, `.data/${instance}/bench.pid`), 'npm run bench') });
  await ensureDependencies({ chromium: false });
  await build();
  const { system, systemFile } = await bringUp({
    instance,
    // the settings of `npm start` (durable commits): the figures are what a deployment gets
    postgres: {
      dataDir: path.join(ROOT, `.data/${instance}/pg`),
      port: 26432 + slot * 100,
      database: 'sigap_bench',
      recreate: true,
      throwaway: true,
    },
    nats: { storeDir: path.join(ROOT, `.data/${instance}/nats`), port: 26222 + slot * 100, fresh: true },
    gatewayPort: 26080 + slot * 100,
    servicePortBase: 26081 + slot * 100,
    // the filing benchmark logs in as admin to open its front office accounts
    adminPassword: process.env.SIGAP_ADMIN_PASSWORD || 'sigap-bench-admin-2026',
    stack,
  });
  const names = ['intake', 'verification', 'disbursement', 'gateway'];
  // SIGAP_BENCH_LOG_LEVEL=info shows the services' info lines (e.g. the registry import's phase timings)
  // the filing benchmark logs in 50 officers from one address: the login throttle is not what it measures
  const extraEnv = { gateway: { LOGIN_RATE_LIMIT_PER_MINUTE: '10000' } };
  const apps = startApps(
    names.map((name) => ({
      name,
      env: { ...system.services[name].env, LOG_LEVEL: process.env.SIGAP_BENCH_LOG_LEVEL || 'warn', ...extraEnv[name] },
    })),
  );
  stack.push({ name: 'apps', stop: apps.stopAll });
  await waitHealthy(Object.fromEntries(names.map((n) => [n, `http://127.0.0.1:${system.services[n].env.PORT}`])), 60000);
  for (const name of wanted) {
    if (!BENCHMARKS.includes(name)) throw new Error(`no benchmark ${name}; there are: ${BENCHMARKS.join(', ')}`);
    log(`benchmark ${name}…`);
    const mod = await import(pathToFileURL(path.join(ROOT, `dist/bench/${name}.bench.js`)).href);
    await mod.run({ systemFile, system });
  }
});
await tearDown(stack);
process.exit(ok ? 0 : 1);
