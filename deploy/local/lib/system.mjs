// Brings up what the apps need, shared by npm start and npm test: Postgres and NATS (private
// ones unless DATABASE_URL / NATS_URL point elsewhere), then provisioning.
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { startNats } from './nats.mjs';
import { ensureDatabase, startPostgres } from './postgres.mjs';
import { loadSecrets } from './secrets.mjs';
import { ROOT, fail, log } from './util.mjs';

const dist = (p) => import(pathToFileURL(path.join(ROOT, 'dist', p)).href);

/**
 * `stack` collects the stop() of everything started, in start order, so the caller can stop
 * them in reverse even when a later step fails.
 */
export async function bringUp({ instance, postgres, nats, gatewayPort, servicePortBase, adminPassword, stack, signal }) {
  // Checked between steps: a Ctrl-C lets the step in flight finish (so what it started is on
  // the stack to be stopped) and starts nothing more.
  const checkpoint = () => {
    if (signal?.aborted) throw new Interrupted();
  };
  const { SERVICE_NAMES } = await dist('libs/contracts/src/topology.js');
  const secrets = loadSecrets(SERVICE_NAMES);

  let adminDatabaseUrl = process.env.DATABASE_URL;
  if (adminDatabaseUrl) {
    log(`using the database at ${redact(adminDatabaseUrl)} (DATABASE_URL)`);
  } else {
    const pg = await startPostgres({ ...postgres, superPassword: secrets.pgSuperPassword });
    stack.push({ name: 'Postgres', stop: pg.stop });
    adminDatabaseUrl = await ensureDatabase(pg.adminUrl, postgres.database, { recreate: postgres.recreate });
    log(`Postgres is up on 127.0.0.1:${postgres.port} (database ${postgres.database})`);
  }

  checkpoint();
  let natsUrl = process.env.NATS_URL;
  const external = Boolean(natsUrl);
  let privateNats;
  if (external) {
    log(`using the NATS server at ${redact(natsUrl)} (NATS_URL)`);
  } else {
    const server = await startNats({ ...nats, secrets, systemsFile: path.join(ROOT, '.data', instance, 'outside-systems.json') });
    stack.push({ name: 'NATS', stop: server.stop });
    natsUrl = server.url;
    privateNats = server;
    log(`NATS is up on 127.0.0.1:${nats.port}`);
  }

  checkpoint();
  const { provision } = await dist('deploy/provision.js');
  const systemFile = path.join(ROOT, '.data', instance, 'system.json');
  const system = await provision({
    adminDatabaseUrl,
    natsUrl,
    natsUser: external ? process.env.NATS_USER : 'sigap',
    natsPassword: external ? process.env.NATS_PASSWORD : secrets.natsAdminPassword,
    perServiceNatsUsers: !external,
    secrets,
    gatewayPort,
    servicePortBase,
    adminPassword,
    systemFile,
    // the operator's own NATS (NATS_URL) declares its systems itself: `ext` is assumed
    outsideSystems: privateNats?.systems.map(({ passwordHash: _h, declaredAt: _d, ...decl }) => decl),
    systemPasswords: privateNats?.systemPasswords,
    natsServer: privateNats?.server,
  }).catch((e) => fail(`provisioning failed: ${e.message}${process.env.SIGAP_DEBUG ? '\n' + e.stack : ''}`));
  log('provisioned database roles, schemas, streams and consumers');
  return { system, systemFile, serviceNames: SERVICE_NAMES };
}

export class Interrupted extends Error {}

/** Stop in reverse order; never throws, so every step gets its chance. */
export async function tearDown(stack) {
  while (stack.length) {
    const { name, stop } = stack.pop();
    try {
      await stop();
    } catch (e) {
      log(`stopping ${name} failed: ${e.message}`);
    }
  }
}

/** A URL without its password, for logs. */
export function redact(url) {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return '(unparseable URL)';
  }
}
