// npm start: build, start Postgres and NATS (unless pointed elsewhere), provision, run the
// six apps and report when all of them are healthy. Ctrl-C or SIGTERM stops it all.
import path from 'node:path';
import { build } from './lib/build.mjs';
import { ensureDependencies } from './lib/deps.mjs';
import { startApps, stopOrphanApps, waitHealthy } from './lib/supervisor.mjs';
import { Interrupted, bringUp, tearDown } from './lib/system.mjs';
import { ROOT, fail, log, main, takeLock } from './lib/util.mjs';

const gatewayPort = Number(process.env.GATEWAY_PORT || 8080);
const healthTimeoutMs = Number(process.env.SIGAP_START_TIMEOUT_MS || 120000);
const stack = [];
const abort = new AbortController();
let startup = null;
let stopping = null;

function shutdown(signal) {
  // A second Ctrl-C while stopping is impatience, not a new request: let the stop finish.
  stopping ??= (async () => {
    log(`${signal}: stopping…`);
    abort.abort();
    // The step in flight (a pg_ctl start, say) finishes first, so what it started gets stopped too.
    await startup;
    await tearDown(stack);
    log('stopped');
    process.exit(0);
  })();
}
process.on('SIGINT', () => shutdown('SIGINT'));
process.on('SIGTERM', () => shutdown('SIGTERM'));

const interruptible = (fn) => async () => {
  try {
    await fn();
  } catch (e) {
    if (!(e instanceof Interrupted)) throw e;
  }
};

startup = main(
  interruptible(async () => {
    if (!Number.isInteger(gatewayPort) || gatewayPort < 1 || gatewayPort > 65535)
      fail(`GATEWAY_PORT must be a port number, not ${process.env.GATEWAY_PORT}`);
    stack.push({ name: 'lock', stop: takeLock(path.join(ROOT, '.data/local/start.pid'), 'npm start') });
    await ensureDependencies({ chromium: false });
    await build();
    const pidFile = path.join(ROOT, '.data/local/apps.json');
    await stopOrphanApps(pidFile);

    const { system, serviceNames } = await bringUp({
      instance: 'local',
      postgres: { dataDir: path.join(ROOT, '.data/pg'), port: 15432, database: 'sigap' },
      nats: { storeDir: path.join(ROOT, '.data/nats'), port: 14222 },
      gatewayPort,
      stack,
      signal: abort.signal,
    });
    if (abort.signal.aborted) return;

    const apps = startApps(
      serviceNames.map((name) => ({ name, env: system.services[name].env })),
      { pidFile },
    );
    stack.push({ name: 'apps', stop: apps.stopAll });
    const urls = Object.fromEntries(serviceNames.map((n) => [n, `http://127.0.0.1:${system.services[n].env.PORT}`]));
    await waitHealthy(urls, healthTimeoutMs, abort.signal);
    if (!abort.signal.aborted) console.log(`Sigap is ready: http://127.0.0.1:${gatewayPort}`);
  }),
);

if (!(await startup) && !stopping) {
  await tearDown(stack);
  process.exit(1);
}
