// The gateway's identity and accounts, end to end against the real compiled process:
// login, lockout, roles, agency scope (seeing is not changing), the operator opening an
// agency, account changes and their audit trail, error shapes.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { adminDb, type RunningApp } from '#testing';
import { agencyAdmin, Api, isErrorBody, openAccount, startGateway, testAdminPassword, testIp, unique } from './support.js';

let gw: RunningApp;
let anon: Api;
let admin: Api;
const PASSWORD = 'Rahasia-Kuat-2026';

beforeAll(async () => {
  gw = await startGateway({
    LOGIN_FREE_FAILURES_PER_USER: '0',
    LOGIN_RATE_LIMIT_PER_MINUTE: '20',
    LOGIN_DELAY_BASE_MS: '50',
    LOGIN_DELAY_MAX_MS: '400',
  });
  anon = new Api(gw.url);
  admin = await anon.session('admin', testAdminPassword());
});

afterAll(async () => {
  await gw?.stop();
});

/** A user with PASSWORD as their own password (set after the admin's temporary one), or still the temporary PASSWORD. */
async function createUser(agencyCode: string, roles: string[], extra: Record<string, unknown> = {}, by: Api = admin, temporary = false) {
  const username = unique('u');
  const body = { username, displayName: `Test ${username}`, password: PASSWORD, agencyCode, roles, ...extra };
  const r = temporary ? await by.post('/api/v1/users', body) : await openAccount(by, body);
  expect(r.status).toBe(201);
  return r.body as { id: string; username: string };
}

async function auditOf(target: string): Promise<string[]> {
  const r = await admin.get(`/api/v1/audit?target=${target}&limit=100`);
  expect(r.status).toBe(200);
  return (r.body.items as { action: string }[]).map((i) => i.action).reverse();
}

describe('errors in the contract shape', () => {
  it('answers 401 without a token, on every API route', async () => {
    for (const path of ['/api/v1/users', '/api/v1/auth/me', '/api/v1/agencies', '/api/v1/system/status']) {
      const r = await anon.get(path);
      expect(r.status).toBe(401);
      expect(isErrorBody(r.body, 401)).toBe(true);
    }
    const bad = await anon.as('not.a.jwt').get('/api/v1/auth/me');
    expect(bad.status).toBe(401);
    expect(bad.body.code).toBe('TOKEN_INVALID');
  });

  it('answers 404 for an unknown route, and 400 for malformed JSON', async () => {
    for (const path of ['/api/v1/no-such-thing', '/api/v2/users']) {
      const r = await admin.get(path);
      expect(r.status).toBe(404);
      expect(isErrorBody(r.body, 404)).toBe(true);
    }
    const j = await admin.request('POST', '/api/v1/users', '{"username": ');
    expect(j.status).toBe(400);
    expect(isErrorBody(j.body, 400)).toBe(true);
  });

  it('keeps /health and /metrics open and outside /api/v1', async () => {
    expect((await anon.get('/health')).status).toBe(200);
    expect((await anon.get('/metrics')).status).toBe(200);
  });

  it('serves the OpenAPI document', async () => {
    const r = await anon.get('/api/docs-json');
    expect(r.status).toBe(200);
    expect(r.body.openapi).toMatch(/^3\./);
    expect(Object.keys(r.body.paths)).toEqual(expect.arrayContaining(['/api/v1/auth/login', '/api/v1/users', '/api/v1/applications']));
    expect((await anon.get('/api/docs')).status).toBe(200);
  });
});

describe('login', () => {
  it('gives a token carrying agency and roles; /auth/me shows them', async () => {
    const r = await anon.login('admin', testAdminPassword());
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({
      expiresIn: expect.any(Number),
      user: { username: 'admin', agencyCode: '61', roles: ['ADMIN', 'OPERATOR'] },
    });
    const claims = JSON.parse(Buffer.from((r.body.accessToken as string).split('.')[1], 'base64url').toString());
    expect(claims).toMatchObject({ username: 'admin', agencyCode: '61', roles: ['ADMIN', 'OPERATOR'] });
    const me = await anon.as(r.body.accessToken).get('/api/v1/auth/me');
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({
      username: 'admin',
      agencyCode: '61',
      roles: ['ADMIN', 'OPERATOR'],
      agencyName: expect.stringContaining('Kalimantan Barat'),
    });
  });

  it('answers a wrong password and an unknown user alike: 401, same message', async () => {
    const u = await createUser('61', ['VERIFIER']);
    const ip = { 'x-forwarded-for': testIp() };
    const wrong = await anon.login(u.username, 'not-the-password', ip);
    const unknown = await anon.login(unique('ghost'), 'not-the-password', { 'x-forwarded-for': testIp() });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(isErrorBody(wrong.body, 401)).toBe(true);
    expect(wrong.body.message).toBe(unknown.body.message);
    expect(await auditOf(u.username)).toContain('LOGIN_FAILED');
  });

  it('slows down repeated failures, and the right password still gets in (no lock)', async () => {
    const u = await createUser('61', ['VERIFIER']);
    const ms: number[] = [];
    for (let i = 0; i < 4; i++) ms.push((await anon.login(u.username, `wrong-${i}`, { 'x-forwarded-for': testIp() })).ms);
    // no free failures in this file, base 50 ms, at most 400 ms: the 4th waits 50 · 2² = 200 ms
    expect(ms[3]).toBeGreaterThanOrEqual(200);
    const right = await anon.login(u.username, PASSWORD, { 'x-forwarded-for': testIp() });
    expect(right.status).toBe(200);
    expect(right.ms).toBeGreaterThanOrEqual(400);
    expect(await auditOf(u.username)).toEqual(expect.arrayContaining(['LOGIN_FAILED', 'LOGIN_SUCCEEDED']));
  });

  it('rate-limits the login route per address (@nestjs/throttler)', async () => {
    const ip = { 'x-forwarded-for': testIp() };
    const statuses: number[] = [];
    for (let i = 0; i < 21; i++) statuses.push((await anon.post('/api/v1/auth/login', {}, ip)).status);
    expect(statuses.slice(0, 20).every((s) => s === 400)).toBe(true);
    expect(statuses[20]).toBe(429);
  });

  it('refuses a bad login body with 400 naming the field', async () => {
    const r = await anon.post('/api/v1/auth/login', { username: 'admin' });
    expect(r.status).toBe(400);
    expect(r.body.details.map((d: { path: string }) => d.path)).toContain('password');
  });
});

describe('accounts', () => {
  it('an admin creates a user, who logs in and sees their agency and roles', async () => {
    const u = await createUser('61', ['FRONT_OFFICE', 'VERIFIER'], {}, admin, true);
    const s = await anon.login(u.username, PASSWORD);
    expect(s.status).toBe(200);
    expect(s.body.user).toMatchObject({ agencyCode: '61', roles: ['FRONT_OFFICE', 'VERIFIER'], mustChangePassword: true });
    expect(await auditOf(u.username)).toEqual(['USER_CREATED', 'LOGIN_SUCCEEDED']);
  });

  it('refuses a bad role or agency with 400 naming the field, and a taken username with 409', async () => {
    const bad = await admin.post('/api/v1/users', {
      username: unique('x'),
      displayName: 'X',
      password: PASSWORD,
      agencyCode: '99',
      roles: ['KING'],
    });
    expect(bad.status).toBe(400);
    expect(isErrorBody(bad.body, 400)).toBe(true);
    const paths = bad.body.details.map((d: { path: string }) => d.path);
    expect(paths).toEqual(expect.arrayContaining(['roles', 'agencyCode']));
    expect(bad.body.details.find((d: { path: string }) => d.path === 'roles').message).toMatch(/role must be one of/);
    // the operator's role is not the API's to give
    const op = await admin.post('/api/v1/users', {
      username: unique('x'),
      displayName: 'X',
      password: PASSWORD,
      agencyCode: '61',
      roles: ['ADMIN', 'OPERATOR'],
    });
    expect(op.status).toBe(400);
    expect(op.body.details.map((d: { path: string }) => d.path)).toEqual(['roles']);

    const short = await admin.post('/api/v1/users', {
      username: unique('x'),
      displayName: 'X',
      password: 'short',
      agencyCode: '61',
      roles: ['ADMIN'],
    });
    expect(short.status).toBe(400);
    expect(short.body.details).toContainEqual({ path: 'password', message: 'password must be at least 10 characters long' });

    const u = await createUser('61', ['HEAD']);
    const dup = await admin.post('/api/v1/users', {
      username: u.username,
      displayName: 'Again',
      password: PASSWORD,
      agencyCode: '61',
      roles: ['HEAD'],
    });
    expect(dup.status).toBe(409);
    expect(dup.body.code).toBe('USERNAME_TAKEN');
  });

  it('only admins manage users (403), and only in their own agency', async () => {
    const fo = await createUser('61', ['FRONT_OFFICE']);
    const foApi = await anon.session(fo.username, PASSWORD);
    const r = await foApi.get('/api/v1/users');
    expect(r.status).toBe(403);
    expect(isErrorBody(r.body, 403)).toBe(true);
    expect(r.body.code).toBe('ROLE_REQUIRED');
    expect((await foApi.get('/api/v1/audit')).status).toBe(403);
    expect((await foApi.get('/api/v1/agencies')).status).toBe(200);

    // a regency's admin: its own agency only, not the province nor another regency
    const ra = await agencyAdmin(gw.url, '61.71');
    expect(
      (
        await ra.post('/api/v1/users', {
          username: unique('r'),
          displayName: 'R',
          password: PASSWORD,
          agencyCode: '33.04',
          roles: ['HEAD'],
        })
      ).status,
    ).toBe(403);
    const head = await createUser('61.71', ['HEAD'], {}, ra, true);
    const list = await ra.get('/api/v1/users?limit=200');
    expect(list.status).toBe(200);
    expect((list.body.items as { agencyCode: string }[]).every((u) => u.agencyCode === '61.71')).toBe(true);
    const adminRow = (await admin.get('/api/v1/users?q=admin')).body.items.find((u: { username: string }) => u.username === 'admin');
    expect((await ra.patch(`/api/v1/users/${adminRow.id}`, { displayName: 'Hijacked' })).status).toBe(403);

    // the province's admin sees the regency's accounts but changes none of them
    const seen = await admin.get('/api/v1/users?agencyCode=61.71&limit=200');
    expect(seen.status).toBe(200);
    expect(seen.body.items.map((u: { username: string }) => u.username)).toContain(head.username);
    for (const refused of [
      await admin.post('/api/v1/users', {
        username: unique('p'),
        displayName: 'P',
        password: PASSWORD,
        agencyCode: '61.71',
        roles: ['HEAD'],
      }),
      await admin.patch(`/api/v1/users/${head.id}`, { displayName: 'Diubah Provinsi' }),
      await admin.post(`/api/v1/users/${head.id}/reset-password`, { password: 'Sementara-2026!' }),
    ]) {
      expect(refused.status).toBe(403);
      expect(refused.body.code).toBe('AGENCY_OUT_OF_SCOPE');
    }
    expect((await admin.get(`/api/v1/audit?target=${head.id}&limit=100`)).body.items.map((i: { action: string }) => i.action)).toEqual([
      'USER_CREATED',
    ]);
  });

  it("opens another agency's first administrator only as the installation's operator, once, in both trails", async () => {
    // 33.04 with no active administrator: its test administrator opened (by any file, once), then set aside
    await agencyAdmin(gw.url, '33.04');
    const db = await adminDb();
    const { rows: setAside } = await db.query(
      `UPDATE gateway.users SET disabled = true WHERE agency_code = '33.04' AND 'ADMIN' = ANY(roles) AND NOT disabled RETURNING id`,
    );
    expect(setAside.length).toBeGreaterThan(0);
    try {
      const open = (by: Api, username = unique('first.'), roles = ['ADMIN']) =>
        by.post('/api/v1/users', { username, displayName: 'Admin Banjarnegara', password: PASSWORD, agencyCode: '33.04', roles });
      // the admin of 61.71 cannot make themselves (or anyone) admin of 33.04, nor can a province admin who is not the operator
      const regencyAdmin = await agencyAdmin(gw.url, '61.71');
      const provinceAdmin = await anon.session((await createUser('61', ['ADMIN'])).username, PASSWORD);
      for (const by of [regencyAdmin, provinceAdmin]) {
        const r = await open(by);
        expect(r.status).toBe(403);
        expect(r.body.code).toBe('AGENCY_OUT_OF_SCOPE');
      }
      // the operator opens only an administrator there
      const notAdmin = await open(admin, unique('first.'), ['HEAD']);
      expect(notAdmin.status).toBe(403);
      expect(notAdmin.body.code).toBe('AGENCY_OUT_OF_SCOPE');

      // two openings at once: one wins, the other sees it (409)
      const [a, b] = await Promise.all([open(admin), open(admin)]);
      expect([a.status, b.status].sort()).toEqual([201, 409]);
      const [won, lost] = a.status === 201 ? [a, b] : [b, a];
      expect(lost.body).toMatchObject({ code: 'AGENCY_HAS_ADMIN', details: [{ path: 'agencyCode' }] });
      expect((await open(admin)).status).toBe(409);

      // the new agency's trail (its administrator reads it) and the operator's both hold the opening
      const opened = await anon.session(won.body.username, PASSWORD);
      expect(
        (await opened.post('/api/v1/auth/change-password', { currentPassword: PASSWORD, newPassword: `${PASSWORD}-milik-sendiri` })).status,
      ).toBe(204);
      const first = await anon.session(won.body.username, `${PASSWORD}-milik-sendiri`);
      const theirs = (await first.get(`/api/v1/audit?target=${won.body.id}&action=USER_CREATED`)).body.items;
      expect(theirs).toEqual([
        expect.objectContaining({ action: 'USER_CREATED', agencyCode: '33.04', actor: expect.objectContaining({ username: 'admin' }) }),
      ]);
      const ours = (await admin.get(`/api/v1/audit?target=${won.body.id}&limit=100`)).body.items;
      expect(ours).toEqual([
        expect.objectContaining({
          action: 'AGENCY_ADMIN_OPENED',
          agencyCode: '61',
          after: expect.objectContaining({ agencyCode: '33.04', firstAdmin: true }),
        }),
      ]);

      // from then on the agency opens its own accounts
      const fo = await first.post('/api/v1/users', {
        username: unique('b'),
        displayName: 'FO Banjarnegara',
        password: PASSWORD,
        agencyCode: '33.04',
        roles: ['FRONT_OFFICE'],
      });
      expect(fo.status).toBe(201);
      await db.query(`UPDATE gateway.users SET disabled = true WHERE id = $1`, [won.body.id]);
    } finally {
      await db.query(`UPDATE gateway.users SET disabled = false WHERE id = ANY($1::uuid[])`, [setAside.map((r) => r.id)]);
      await db.end();
    }
  });

  it("keeps the operator's role and account to the operator", async () => {
    const other = await anon.session((await createUser('61', ['ADMIN'])).username, PASSWORD);
    const me = (await admin.get('/api/v1/auth/me')).body;
    for (const r of [
      await other.patch(`/api/v1/users/${me.id}`, { displayName: 'Bukan Operator' }),
      await other.post(`/api/v1/users/${me.id}/reset-password`, { password: 'Sementara-2026!' }),
    ]) {
      expect(r.status).toBe(403);
      expect(r.body.code).toBe('OPERATOR_REQUIRED');
    }
    // the operator's own update of its roles keeps OPERATOR
    const kept = await admin.patch(`/api/v1/users/${me.id}`, { roles: ['ADMIN', 'HEAD'] });
    expect(kept.status).toBe(200);
    expect(kept.body.roles).toEqual(['ADMIN', 'HEAD', 'OPERATOR']);
    expect((await admin.patch(`/api/v1/users/${me.id}`, { roles: ['ADMIN'] })).body.roles).toEqual(['ADMIN', 'OPERATOR']);
  });

  it('disabling a user stops their login and their token at once; the admin cannot disable themselves', async () => {
    const u = await createUser('61', ['WAREHOUSE']);
    const s = await anon.session(u.username, PASSWORD);
    expect((await s.get('/api/v1/auth/me')).status).toBe(200);
    const d = await admin.patch(`/api/v1/users/${u.id}`, { disabled: true });
    expect(d.status).toBe(200);
    expect(d.body.disabled).toBe(true);
    const login = await anon.login(u.username, PASSWORD);
    expect(login.status).toBe(401);
    expect(login.body.code).toBe('INVALID_CREDENTIALS');
    expect((await s.get('/api/v1/auth/me')).status).toBe(401);

    const me = (await admin.get('/api/v1/auth/me')).body;
    const self = await admin.patch(`/api/v1/users/${me.id}`, { disabled: true });
    expect(self.status).toBe(409);
    expect(isErrorBody(self.body, 409)).toBe(true);

    expect((await admin.patch(`/api/v1/users/${u.id}`, { disabled: false })).status).toBe(200);
    expect((await anon.login(u.username, PASSWORD)).status).toBe(200);
    const trail = await auditOf(u.username);
    expect(trail).toEqual(expect.arrayContaining(['USER_CREATED', 'USER_DISABLED', 'USER_ENABLED']));
    const disabled = (await admin.get(`/api/v1/audit?target=${u.id}&action=USER_DISABLED`)).body.items[0];
    expect(disabled).toMatchObject({ actor: { username: 'admin' }, before: { disabled: false }, after: { disabled: true } });
    expect(JSON.stringify(disabled)).not.toMatch(/password/i);
  });

  it('updates name and roles, and audits before and after; moving an account to another agency is not its own', async () => {
    const u = await createUser('61', ['VERIFIER']);
    const r = await admin.patch(`/api/v1/users/${u.id}`, { displayName: 'Nama Baru', agencyCode: '61', roles: ['HEAD'] });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ displayName: 'Nama Baru', agencyCode: '61', roles: ['HEAD'] });
    const e = (await admin.get(`/api/v1/audit?target=${u.id}&action=USER_UPDATED`)).body.items[0];
    expect(e.before).toMatchObject({ agencyCode: '61', roles: ['VERIFIER'], displayName: expect.stringMatching(/^Test /) });
    expect(e.after).toMatchObject({ agencyCode: '61', roles: ['HEAD'], displayName: 'Nama Baru' });
    const moved = await admin.patch(`/api/v1/users/${u.id}`, { agencyCode: '61.71' });
    expect(moved.status).toBe(403);
    expect(moved.body.code).toBe('AGENCY_OUT_OF_SCOPE');
    const bad = await admin.patch(`/api/v1/users/${u.id}`, { roles: [] });
    expect(bad.status).toBe(400);
    expect(bad.body.details[0].path).toBe('roles');
    expect((await admin.patch('/api/v1/users/not-a-uuid', { displayName: 'x' })).status).toBe(400);
    expect((await admin.patch('/api/v1/users/3f0c5a4e-8a53-4d7e-9b7a-0d6f1f2c9e11', { displayName: 'x' })).status).toBe(404);
  });

  it('a password reset replaces the password and ends the sessions; the user then changes it', async () => {
    const u = await createUser('61', ['FINANCE']);
    const old = await anon.session(u.username, PASSWORD);
    expect((await admin.post(`/api/v1/users/${u.id}/reset-password`, { password: 'Sementara-2026!' })).status).toBe(204);
    expect((await old.get('/api/v1/auth/me')).status).toBe(401);
    expect((await anon.login(u.username, PASSWORD)).status).toBe(401);
    const temporary = await anon.login(u.username, 'Sementara-2026!');
    expect(temporary.body.user.mustChangePassword).toBe(true);
    const s = anon.as(temporary.body.accessToken);
    expect((await s.get('/api/v1/auth/me')).body.code).toBe('PASSWORD_CHANGE_REQUIRED');

    const wrong = await s.post('/api/v1/auth/change-password', { currentPassword: 'nope-nope-nope', newPassword: 'Baru-Sekali-2026' });
    expect(wrong.status).toBe(400);
    expect(wrong.body.details[0].path).toBe('currentPassword');
    const weak = await s.post('/api/v1/auth/change-password', { currentPassword: 'Sementara-2026!', newPassword: 'short' });
    expect(weak.status).toBe(400);
    expect(weak.body.details[0].path).toBe('newPassword');
    expect(
      (await s.post('/api/v1/auth/change-password', { currentPassword: 'Sementara-2026!', newPassword: 'Baru-Sekali-2026' })).status,
    ).toBe(204);
    expect((await s.get('/api/v1/auth/me')).status).toBe(401);
    const fresh = await anon.login(u.username, 'Baru-Sekali-2026');
    expect(fresh.status).toBe(200);
    expect(fresh.body.user.mustChangePassword).toBe(false);
    expect(await auditOf(u.username)).toEqual(expect.arrayContaining(['USER_CREATED', 'PASSWORD_RESET', 'PASSWORD_CHANGED']));
  });

  it('lists the agencies', async () => {
    const r = await admin.get('/api/v1/agencies');
    expect(r.status).toBe(200);
    expect(r.body.map((a: { code: string }) => a.code)).toEqual(expect.arrayContaining(['61', '61.71', '33.04', '35.75', '19']));
  });
});
