// Make sure what npm start / npm test need is installed: node_modules, nats-server,
// the Postgres 15 server binaries and (for browser tests) chromium.
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { ROOT, fail, isRoot, log, run, which } from './util.mjs';

/** Directories where Debian puts the Postgres server binaries (not in PATH by default). */
export function postgresBinDirs() {
  const base = '/usr/lib/postgresql';
  if (!existsSync(base)) return [];
  // Newest first, so a machine with 15 and 16 uses 16's initdb and pg_ctl together.
  return readdirSync(base)
    .filter((v) => /^\d+$/.test(v))
    .sort((a, b) => Number(b) - Number(a))
    .map((v) => path.join(base, v, 'bin'));
}

/** The directory holding both initdb and pg_ctl, or null. */
export function findPostgresBin() {
  const initdb = which('initdb', postgresBinDirs());
  if (!initdb) return null;
  const dir = path.dirname(initdb);
  return existsSync(path.join(dir, 'pg_ctl')) ? dir : null;
}

function npmCiNeeded() {
  const marker = path.join(ROOT, 'node_modules', '.package-lock.json');
  if (!existsSync(marker)) return true;
  return statSync(path.join(ROOT, 'package-lock.json')).mtimeMs > statSync(marker).mtimeMs;
}

export async function ensureDependencies({ chromium = false } = {}) {
  if (npmCiNeeded()) {
    log('installing node modules (npm ci)…');
    await run('npm', ['ci', '--no-audit', '--no-fund'], { quiet: false }).catch((e) =>
      fail(`npm ci failed; fix the error above and run again.\n${e.message}`),
    );
  }

  const missing = []; // [apt package, what it provides]
  if (!process.env.NATS_URL && !which('nats-server')) missing.push(['nats-server', 'nats-server']);
  if (!process.env.DATABASE_URL && !findPostgresBin()) missing.push(['postgresql', 'Postgres server (initdb, pg_ctl)']);
  if (chromium && !existsSync('/usr/bin/chromium') && !which('chromium')) missing.push(['chromium', 'chromium']);
  if (missing.length === 0) return;

  const names = missing.map(([pkg]) => pkg).join(' ');
  if (!isRoot || !which('apt-get')) {
    fail(
      `missing: ${missing.map(([, what]) => what).join(', ')}. Install them (Debian: sudo apt-get install -y ${names})` +
        `${missing.some(([p]) => p !== 'chromium') ? ', or set NATS_URL / DATABASE_URL to use servers of your own' : ''}.`,
    );
  }
  log(`installing ${names} with apt-get…`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  await run('apt-get', ['update'], { env }).catch((e) => fail(`apt-get update failed:\n${e.message}`));
  for (const [pkg] of missing) {
    await run('apt-get', ['install', '-y', '--no-install-recommends', pkg], { env }).catch((e) =>
      fail(`apt-get install ${pkg} failed:\n${e.message}`),
    );
  }
  // The postgresql package also starts a cluster of its own on 5432 under systemd; we do not
  // use it, and where systemd does not run (containers) it never starts anyway.
  if (missing.some(([p]) => p === 'postgresql') && !findPostgresBin()) fail('postgresql was installed but initdb/pg_ctl were not found');
}
