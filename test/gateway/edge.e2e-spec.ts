// Accounts and the edge (issue 9, §5), against two real gateway processes on one database:
// a temporary password opens only its own change; failed logins are counted atomically and
// slow logins down (per username, per address) without ever locking the owner out; a
// disabled account answers like a wrong password; the login and public rate limits hold
// across replicas; TRUST_PROXY is a hop count.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { adminDb, type RunningApp } from '#testing';
import { Api, isErrorBody, openAccount, startGateway, testAdminPassword, testIp, unique } from './support.js';

const PASSWORD = 'Rahasia-Tepi-2026';
// the same settings on both replicas, small enough for a test
const ENV = {
  TRUST_PROXY: '1',
  LOGIN_FREE_FAILURES_PER_USER: '3',
  LOGIN_FREE_FAILURES_PER_IP: '4',
  LOGIN_DELAY_BASE_MS: '100',
  LOGIN_DELAY_MAX_MS: '800',
  LOGIN_RATE_LIMIT_PER_MINUTE: '8',
  PUBLIC_RATE_LIMIT_PER_MINUTE: '5',
  RPC_TIMEOUT_MS: '300',
};
let one: RunningApp;
let two: RunningApp;
let anon: Api;
let admin: Api;

beforeAll(async () => {
  [one, two] = await Promise.all([startGateway(ENV), startGateway(ENV)]);
  anon = new Api(one.url);
  admin = await anon.session('admin', testAdminPassword());
}, 120_000);

afterAll(async () => {
  await Promise.all([one?.stop(), two?.stop()]);
});

async function failuresOf(key: string): Promise<number> {
  const db = await adminDb();
  try {
    const { rows } = await db.query('SELECT failures FROM gateway.login_attempts WHERE key = $1', [key]);
    return rows[0]?.failures ?? 0;
  } finally {
    await db.end();
  }
}

describe('a temporary password', () => {
  it('opens nothing but its own change (403 PASSWORD_CHANGE_REQUIRED), on every replica, until it is changed', async () => {
    const username = unique('temp.');
    expect(
      (
        await admin.post('/api/v1/users', {
          username,
          displayName: 'Baru',
          password: PASSWORD,
          agencyCode: '61',
          roles: ['ADMIN', 'FRONT_OFFICE'],
        })
      ).status,
    ).toBe(201);
    const login = await anon.login(username, PASSWORD);
    expect(login.status).toBe(200);
    expect(login.body.user.mustChangePassword).toBe(true);
    const token = login.body.accessToken as string;
    for (const api of [new Api(one.url, token), new Api(two.url, token)]) {
      for (const [method, path, body] of [
        ['GET', '/api/v1/auth/me'],
        ['GET', '/api/v1/users'],
        ['GET', '/api/v1/agencies'],
        ['GET', '/api/v1/audit'],
        ['POST', '/api/v1/users', { username: unique('x'), displayName: 'X', password: PASSWORD, agencyCode: '61', roles: ['HEAD'] }],
        ['POST', '/api/v1/applications', {}],
      ] as [string, string, unknown?][]) {
        const r = await api.request(method, path, body);
        expect({ path, status: r.status, code: r.body.code }).toEqual({ path, status: 403, code: 'PASSWORD_CHANGE_REQUIRED' });
        expect(isErrorBody(r.body, 403)).toBe(true);
      }
    }
    // public routes stay public: the token is treated as absent
    expect((await new Api(one.url, token).get('/api/v1/docs/asyncapi.json')).status).toBe(200);

    const own = `${PASSWORD}-sendiri`;
    expect(
      (await new Api(two.url, token).post('/api/v1/auth/change-password', { currentPassword: PASSWORD, newPassword: own })).status,
    ).toBe(204);
    const again = await anon.session(username, own);
    expect((await again.get('/api/v1/auth/me')).body).toMatchObject({ username, mustChangePassword: false });
    expect((await again.get('/api/v1/users')).status).toBe(200);
  });

  it("set by an admin's reset is temporary too", async () => {
    const u = { username: unique('reset.'), displayName: 'Reset', password: PASSWORD, agencyCode: '61', roles: ['VERIFIER'] };
    const created = await openAccount(admin, u);
    expect((await anon.session(u.username, PASSWORD).then((s) => s.get('/api/v1/auth/me'))).status).toBe(200);
    expect((await admin.post(`/api/v1/users/${created.body.id}/reset-password`, { password: 'Sementara-Reset-2026' })).status).toBe(204);
    const s = await anon.session(u.username, 'Sementara-Reset-2026');
    const r = await s.get('/api/v1/auth/me');
    expect(r.status).toBe(403);
    expect(r.body.code).toBe('PASSWORD_CHANGE_REQUIRED');
  });
});

describe('failed logins', () => {
  it('30 concurrent bad guesses on two replicas count 30, and the owner still logs in with the right password, slowed down', async () => {
    const u = { username: unique('guess.'), displayName: 'Ditebak', password: PASSWORD, agencyCode: '61', roles: ['HEAD'] };
    await openAccount(admin, u);
    const guesses = await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        new Api(i % 2 ? one.url : two.url).login(u.username, `salah-${i}`, { 'x-forwarded-for': testIp() }),
      ),
    );
    expect(guesses.map((g) => g.status)).toEqual(Array(30).fill(401));
    expect(await failuresOf(`user:${u.username}`)).toBe(30);

    // no lock: the right password gets in, after the longest delay (800 ms here)
    const right = await new Api(two.url).login(u.username, PASSWORD, { 'x-forwarded-for': testIp() });
    expect(right.status).toBe(200);
    expect(right.ms).toBeGreaterThanOrEqual(800);
    expect(right.ms).toBeLessThan(5000);
    // a success clears the username's count
    expect(await failuresOf(`user:${u.username}`)).toBe(0);
  });

  it('a wrong guess waits as long as a right one: the delay comes before the password is checked', async () => {
    const u = { username: unique('slow.'), displayName: 'Lambat', password: PASSWORD, agencyCode: '61', roles: ['HEAD'] };
    await openAccount(admin, u);
    for (let i = 0; i < 5; i++) expect((await anon.login(u.username, `salah-${i}`)).status).toBe(401);
    // 5 failures, 3 free: 100 · 2 = 200 ms for the next login of this username, from any address, right or wrong
    const wrong = await anon.login(u.username, 'salah-lagi');
    expect(wrong.status).toBe(401);
    expect(wrong.ms).toBeGreaterThanOrEqual(200);
    // 6 failures: 400 ms
    const right = await new Api(two.url).login(u.username, PASSWORD);
    expect(right.status).toBe(200);
    expect(right.ms).toBeGreaterThanOrEqual(400);
  });

  it('per address: guesses at many usernames from one address slow that address, not the others', async () => {
    const ip = { 'x-forwarded-for': testIp() };
    for (let i = 0; i < 6; i++) expect((await anon.login(unique('nobody.'), 'salah', ip)).status).toBe(401);
    expect(await failuresOf(`ip:${ip['x-forwarded-for']}`)).toBe(6);
    // 6 failures of the address, 4 free: 200 ms, and the right password gets in
    const fromThere = await anon.login('admin', testAdminPassword(), ip);
    expect(fromThere.status).toBe(200);
    expect(fromThere.ms).toBeGreaterThanOrEqual(200);
    expect((await anon.login('admin', testAdminPassword())).status).toBe(200);
  });

  it('a disabled account answers exactly like a wrong password: status, code, body, and about the time', async () => {
    const disabled = { username: unique('off.'), displayName: 'Nonaktif', password: PASSWORD, agencyCode: '61', roles: ['HEAD'] };
    const other = { username: unique('on.'), displayName: 'Aktif', password: PASSWORD, agencyCode: '61', roles: ['HEAD'] };
    const d = await openAccount(admin, disabled);
    await openAccount(admin, other);
    expect((await admin.patch(`/api/v1/users/${d.body.id}`, { disabled: true })).status).toBe(200);
    const off = await anon.login(disabled.username, PASSWORD);
    const wrong = await anon.login(other.username, 'bukan-kata-sandinya');
    expect(off.status).toBe(401);
    expect(off.body).toEqual(wrong.body);
    expect(off.body.code).toBe('INVALID_CREDENTIALS');
    // the same work (one argon2 verification, one counted failure): within a factor of three
    expect(off.ms).toBeLessThan(wrong.ms * 3 + 100);
    expect(wrong.ms).toBeLessThan(off.ms * 3 + 100);
  });
});

describe('rate limits and TRUST_PROXY', () => {
  it('the login route counts an address across both replicas (in Postgres)', async () => {
    const ip = { 'x-forwarded-for': testIp() };
    const statuses: number[] = [];
    // an empty body is refused (400) after the limit is counted; 8 a minute in this file
    for (let i = 0; i < 9; i++) statuses.push((await new Api(i % 2 ? one.url : two.url).post('/api/v1/auth/login', {}, ip)).status);
    expect(statuses.slice(0, 8)).toEqual(Array(8).fill(400));
    expect(statuses[8]).toBe(429);
    expect((await new Api(one.url).post('/api/v1/auth/login', {}, ip)).status).toBe(429);
  });

  it('the public status page counts an address across both replicas', async () => {
    const ip = { 'x-forwarded-for': testIp() };
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++)
      statuses.push((await new Api(i % 2 ? one.url : two.url).get('/api/v1/public/status/SANTUNAN_ANAK-61.71-2026-000001', ip)).status);
    expect(statuses.slice(0, 5).every((s) => s !== 429)).toBe(true);
    expect(statuses[5]).toBe(429);
    const last = await new Api(two.url).get('/api/v1/public/status/SANTUNAN_ANAK-61.71-2026-000001', ip);
    expect(last.status).toBe(429);
    expect(last.body.code).toBe('RATE_LIMITED');
    expect(Number(last.headers.get('retry-after'))).toBeGreaterThan(0);
  });

  it('trusts exactly one proxy hop: an address a client writes in front of X-Forwarded-For is not its address', async () => {
    const real = testIp();
    const statuses: number[] = [];
    // each request claims another client address; the one proxy (here: the test) appends the real one
    for (let i = 0; i < 9; i++) {
      statuses.push((await anon.post('/api/v1/auth/login', {}, { 'x-forwarded-for': `203.0.113.${i + 1}, ${real}` })).status);
    }
    expect(statuses[8]).toBe(429);
  });
});
