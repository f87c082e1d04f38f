// A private Postgres cluster under .data/, created once (initdb) and started with pg_ctl.
import { chownSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import path from 'node:path';
import { findPostgresBin } from './deps.mjs';
import { ROOT, cmdlineOf, fail, isRoot, log, run } from './util.mjs';

// Postgres refuses to run as root, so as root every server binary runs as the `postgres` user.
function pgUser() {
  if (!isRoot) return null;
  try {
    const uid = Number(execFileSync('id', ['-u', 'postgres']).toString().trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres']).toString().trim());
    return { uid, gid };
  } catch {
    fail('running as root, but there is no `postgres` user to run Postgres as (apt-get install -y postgresql creates it)');
  }
}

function runPg(bin, binDir, args, opts) {
  const exe = path.join(binDir, bin);
  return isRoot ? run('runuser', ['-u', 'postgres', '--', exe, ...args], opts) : run(exe, args, opts);
}

/** Where a root's clone keeps Postgres clusters the postgres user could not reach in the clone. */
export const RELOCATED_PG_HOME = process.env.SIGAP_PG_HOME || '/var/lib/sigap';

/** Whether the postgres user can reach (search) directory `dir`: every directory above it must let it through. */
function postgresReaches(dir) {
  return spawnSync('runuser', ['-u', 'postgres', '--', 'test', '-x', dir], { stdio: 'ignore' }).status === 0;
}

/**
 * Where the cluster of `dataDir` lives. Postgres runs as the postgres user when we are root,
 * and that user cannot pass a 0700 directory above the clone (root's home: initdb then fails
 * with `…/pwfile: Permission denied`). Then it lives in RELOCATED_PG_HOME, under the clone's
 * name and a hash of the data directory's path (two clones, or two slots, never share one):
 * `/var/lib/sigap/<clone>-<hash>/pg`, with `pg.run` (socket, log) beside it.
 */
export function postgresLocation(dataDir) {
  dataDir = path.resolve(dataDir);
  let parent = path.dirname(dataDir);
  while (!existsSync(parent)) parent = path.dirname(parent);
  if (!isRoot || postgresReaches(parent)) return { dataDir, runDir: `${dataDir}.run`, relocated: null };
  const hash = createHash('sha256').update(dataDir).digest('hex').slice(0, 12);
  const home = path.join(RELOCATED_PG_HOME, `${path.basename(ROOT).replace(/[^\w.-]/g, '_')}-${hash}`);
  return { dataDir: path.join(home, 'pg'), runDir: path.join(home, 'pg.run'), relocated: home };
}

/**
 * Start the cluster of dataDir on 127.0.0.1:port (initdb on first use); see postgresLocation
 * for where it lives when we are root. `fast` turns durability off: for the throwaway test
 * instance only, never for npm start. `throwaway` removes the cluster on stop when it had to
 * live outside the clone (a test's or benchmark's, recreated on each run anyway): nothing of a
 * test run is left in /var/lib/sigap. npm start keeps its cluster there: it is the installation's data.
 */
export async function startPostgres({ dataDir: requested, port, superPassword, fast = false, throwaway = false }) {
  const binDir = findPostgresBin() ?? fail('Postgres server binaries (initdb, pg_ctl) not found: apt-get install -y postgresql');
  const owner = pgUser();
  const { dataDir, runDir, relocated } = postgresLocation(requested);
  if (relocated) {
    log(
      `the postgres user cannot reach ${path.dirname(path.resolve(requested))} (a 0700 directory above it): its cluster lives in ${relocated}`,
    );
    // the parent must let the postgres user through; its own directory is the postgres user's alone
    mkdirSync(RELOCATED_PG_HOME, { recursive: true, mode: 0o755 });
    mkdirSync(relocated, { recursive: true, mode: 0o700 });
    chownSync(relocated, owner.uid, owner.gid);
    mkdirSync(path.dirname(path.resolve(requested)), { recursive: true });
    writeFileSync(path.resolve(requested) + '.location', `${dataDir}\n`);
  }
  // Socket and log live next to the data dir, not in it, and not in .data itself: only these
  // two directories are handed to the postgres user (secrets.json stays root's alone).
  const logFile = path.join(runDir, 'postgres.log');
  // the folders above them with the usual mode first: a recursive mkdir with 0700 would close the
  // way for the postgres user (a second test suite's `.data/test-2` did)
  mkdirSync(path.dirname(dataDir), { recursive: true });
  for (const dir of [dataDir, runDir]) {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    if (owner) chownSync(dir, owner.uid, owner.gid);
  }

  if (!existsSync(path.join(dataDir, 'PG_VERSION'))) {
    log(`creating the Postgres cluster in ${path.relative(process.cwd(), dataDir) || dataDir}…`);
    const pwfile = path.join(runDir, 'pwfile');
    writeFileSync(pwfile, superPassword + '\n', { mode: 0o600 });
    if (owner) chownSync(pwfile, owner.uid, owner.gid);
    try {
      await runPg('initdb', binDir, [
        '-D',
        dataDir,
        '--auth=scram-sha-256',
        `--pwfile=${pwfile}`,
        '-U',
        'postgres',
        '-E',
        'UTF8',
        '--locale=C.UTF-8',
      ]);
    } catch (e) {
      fail(`initdb failed:\n${e.output ?? e.message}`);
    } finally {
      rmSync(pwfile, { force: true });
    }
  }

  await clearStalePid(binDir, dataDir);

  const settings = ['-p', String(port), '-c', 'listen_addresses=127.0.0.1', '-k', `'${runDir}'`, '-c', 'max_connections=200'];
  if (fast) settings.push('-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off');
  try {
    await runPg('pg_ctl', binDir, ['-D', dataDir, '-l', logFile, '-o', settings.join(' '), '-w', '-t', '60', 'start']);
  } catch (e) {
    const tail = existsSync(logFile) ? readFileSync(logFile, 'utf8').split('\n').slice(-15).join('\n') : '';
    fail(`Postgres did not start on port ${port}:\n${e.output ?? e.message}\n${tail}`);
  }

  const adminUrl = `postgres://postgres:${encodeURIComponent(superPassword)}@127.0.0.1:${port}/postgres`;
  return {
    adminUrl,
    dataDir,
    async stop() {
      await runPg('pg_ctl', binDir, ['-D', dataDir, '-m', 'fast', '-w', '-t', '30', 'stop']).catch((e) =>
        log(`stopping Postgres failed: ${e.message}`),
      );
      if (relocated && throwaway) {
        rmSync(relocated, { recursive: true, force: true });
        rmSync(path.resolve(requested) + '.location', { force: true });
      }
    },
  };
}

/**
 * A run that was killed (SIGKILL, a closed terminal) leaves either a live postmaster or a
 * postmaster.pid naming a dead or recycled pid; either blocks `pg_ctl start`. The caller
 * holds the instance lock, so a live postmaster on our data dir is an orphan of ours.
 */
async function clearStalePid(binDir, dataDir) {
  const pidFile = path.join(dataDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return;
  const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
  const cmd = pid > 0 ? cmdlineOf(pid) : null;
  if (cmd && /postgres|postmaster/.test(cmd)) {
    log(`stopping a Postgres left running by an earlier run (pid ${pid})`);
    await runPg('pg_ctl', binDir, ['-D', dataDir, '-m', 'fast', '-w', '-t', '30', 'stop']).catch((e) =>
      fail(`could not stop the Postgres left running on ${dataDir}: ${e.message}`),
    );
  } else {
    rmSync(pidFile, { force: true });
  }
}

/** Create database `name` if missing (or drop and create it, with `recreate`); returns its URL. */
export async function ensureDatabase(adminUrl, name, { recreate = false } = {}) {
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) fail(`bad database name ${name}`);
  const { default: pg } = await import('pg');
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    if (recreate) await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (!rowCount) await client.query(`CREATE DATABASE ${name}`);
  } finally {
    await client.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}
