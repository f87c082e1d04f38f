// `npm start` and `npm test` from a clone in a directory the postgres user cannot pass (root's
// home, mode 0700): the private Postgres must still come up. This runs the same code the two
// commands run (deploy/local/lib/postgres.mjs) on a data directory under a fresh 0700 directory.
import { afterAll, describe, expect, it } from '@jest/globals';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import pg from 'pg';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../../..');
const isRoot = process.getuid?.() === 0;

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

const home = mkdtempSync(path.join(os.tmpdir(), 'sigap-home-'));
afterAll(() => rmSync(home, { recursive: true, force: true }));

describe('the private Postgres of npm start / npm test', () => {
  it('starts from a clone under a 0700 directory, and a throwaway cluster leaves nothing behind', async () => {
    chmodSync(home, 0o700);
    const clone = path.join(home, 'sigap');
    mkdirSync(clone, { recursive: true });
    const requested = path.join(clone, '.data', 'test', 'pg');
    const lib = await import(pathToFileURL(path.join(root, 'deploy/local/lib/postgres.mjs')).href);

    const where = lib.postgresLocation(requested) as { dataDir: string; relocated: string | null };
    if (isRoot) {
      // postgres runs as the postgres user, which cannot pass `home`: the cluster lives where it can
      expect(where.relocated).toMatch(new RegExp(`^${lib.RELOCATED_PG_HOME}/${path.basename(root)}-[0-9a-f]{12}$`));
      expect(where.dataDir.startsWith(home)).toBe(false);
    } else {
      expect(where).toMatchObject({ dataDir: requested, relocated: null });
    }

    const port = await freePort();
    const server = await lib.startPostgres({ dataDir: requested, port, superPassword: 'location-test-2026', fast: true, throwaway: true });
    try {
      expect(existsSync(path.join(where.dataDir, 'PG_VERSION'))).toBe(true);
      const client = new pg.Client({ connectionString: server.adminUrl });
      await client.connect();
      const { rows } = await client.query('SELECT current_setting($1) AS dir', ['data_directory']);
      await client.end();
      expect(rows[0].dir).toBe(where.dataDir);
      // the clone's directory stays root's alone
      expect(statSync(home).mode & 0o777).toBe(0o700);
    } finally {
      await server.stop();
    }
    if (isRoot) expect(existsSync(where.relocated!)).toBe(false);
  }, 120_000);
});
