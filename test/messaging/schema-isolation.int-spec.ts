// Each service's database role reaches its own schema and nothing else.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import pg from 'pg';
import { SERVICE_NAMES } from '#contracts';
import { testSystem } from '#testing';

describe('database roles', () => {
  const clients: Record<string, pg.Client> = {};

  beforeAll(async () => {
    const sys = testSystem();
    for (const name of ['intake', 'verification']) {
      clients[name] = new pg.Client({ connectionString: sys.services[name].env.DATABASE_URL });
      await clients[name].connect();
    }
  });
  afterAll(async () => {
    await Promise.all(Object.values(clients).map((c) => c.end()));
  });

  it('gives each service its own role and URL', () => {
    const sys = testSystem();
    const users = SERVICE_NAMES.map((n) => new URL(sys.services[n].env.DATABASE_URL).username);
    expect(new Set(users).size).toBe(SERVICE_NAMES.length);
    expect(users).not.toContain(new URL(sys.adminDatabaseUrl).username);
  });

  it('lets intake create and read in its own schema', async () => {
    await clients.intake.query('CREATE TABLE IF NOT EXISTS intake.isolation_probe (x int)');
    await clients.intake.query('DROP TABLE intake.isolation_probe');
  });

  it("refuses intake's role another service's schema", async () => {
    await clients.verification.query('CREATE TABLE IF NOT EXISTS verification.isolation_probe (x int)');
    await expect(clients.intake.query('SELECT * FROM verification.isolation_probe')).rejects.toThrow(/permission denied/);
    await expect(clients.intake.query('CREATE TABLE verification.intruder (x int)')).rejects.toThrow(/permission denied/);
    await clients.verification.query('DROP TABLE verification.isolation_probe');
  });

  it('refuses the public schema and role changes', async () => {
    await expect(clients.intake.query('CREATE TABLE public.intruder (x int)')).rejects.toThrow(/permission denied|no schema/);
    await expect(clients.intake.query('CREATE ROLE intruder')).rejects.toThrow(/permission denied/);
  });
});
