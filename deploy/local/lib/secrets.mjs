// Local secrets, generated once and kept in .data/secrets.json (mode 600): passwords of the
// Postgres superuser, the NATS admin and every service's database role and NATS user.
import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ROOT } from './util.mjs';

export const SECRETS_FILE = path.join(ROOT, '.data', 'secrets.json');

// URL-safe, so a password can sit in a connection URL and in a nats-server config unescaped.
const secret = () => randomBytes(24).toString('base64url');

/** Load the secrets, adding whatever is missing (a new service gets its passwords on the next start). */
export function loadSecrets(serviceNames) {
  const s = existsSync(SECRETS_FILE) ? JSON.parse(readFileSync(SECRETS_FILE, 'utf8')) : {};
  const before = JSON.stringify(s);
  s.pgSuperPassword ??= secret();
  s.natsAdminPassword ??= secret();
  s.jwtSecret ??= randomBytes(48).toString('base64url');
  // the development finance office, an outside system of the local installation
  s.financeLocalNatsPassword ??= secret();
  s.services ??= {};
  for (const name of serviceNames) {
    s.services[name] ??= {};
    s.services[name].dbPassword ??= secret();
    s.services[name].natsPassword ??= secret();
  }
  if (JSON.stringify(s) !== before) {
    mkdirSync(path.dirname(SECRETS_FILE), { recursive: true });
    writeFileSync(SECRETS_FILE, JSON.stringify(s, null, 2) + '\n', { mode: 0o600 });
  }
  chmodSync(SECRETS_FILE, 0o600);
  return s;
}

export const extNatsPassword = () => process.env.SIGAP_EXT_NATS_PASSWORD || 'ext-local';
