// Helpers of the gateway's tests: one real, compiled gateway process per test file, on a free
// port, and a small typed HTTP client for it.
import net from 'node:net';
import { randomBytes } from 'node:crypto';
import { startApp, testSystem, type RunningApp } from '#testing';

/**
 * The first administrator's password in tests. Whichever gateway starts first on the fresh
 * test database creates `admin` with it, so every test file must start the gateway with the
 * same one (the provisioned environment's, when it sets one).
 */
export function testAdminPassword(): string {
  return testSystem().services.gateway?.env.SIGAP_ADMIN_PASSWORD ?? 'sigap-test-admin-2026';
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

/**
 * Starts the gateway on its own port (test files run in parallel), trusting loopback proxies (see
 * testIp). Up to a minute by default, like the other apps' tests give theirs: a loaded machine starts Nest slowly.
 */
export async function startGateway(env: Record<string, string> = {}, timeoutMs = 60000): Promise<RunningApp> {
  const port = await freePort();
  return startApp(
    'gateway',
    {
      SIGAP_ADMIN_PASSWORD: testAdminPassword(),
      PORT: String(port),
      SIGAP_INSTANCE: `gateway-test-${port}`,
      TRUST_PROXY: 'loopback',
      ...env,
    },
    timeoutMs,
  );
}

/** A name no other test (or run) uses. */
export function unique(prefix: string): string {
  return `${prefix}${randomBytes(4).toString('hex')}`;
}

const ipBase = `10.${Math.floor(Math.random() * 256)}.${Math.floor(Math.random() * 256)}`;
let ipSeq = 0;

/**
 * A fresh client address for `X-Forwarded-For` (the test gateways trust loopback proxies):
 * the per-address login counters and rate limit of one test never touch another's.
 */
export function testIp(): string {
  ipSeq = (ipSeq % 254) + 1;
  return `${ipBase}.${ipSeq}`;
}

export interface Reply<T = any> {
  status: number;
  body: T;
  headers: Headers;
  ms: number;
}

export interface ErrorBody {
  statusCode: number;
  error: string;
  message: string;
  code?: string;
  details: { path: string; message: string }[];
}

export class Api {
  constructor(
    readonly baseUrl: string,
    readonly token?: string,
  ) {}

  as(token: string): Api {
    return new Api(this.baseUrl, token);
  }

  async request<T = any>(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<Reply<T>> {
    const started = Date.now();
    const res = await fetch(`${this.baseUrl}${path}`, {
      method,
      headers: {
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...(this.token ? { authorization: `Bearer ${this.token}` } : {}),
        ...headers,
      },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
    const text = await res.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : null;
    } catch {
      /* not JSON: keep the text */
    }
    return { status: res.status, body: parsed as T, headers: res.headers, ms: Date.now() - started };
  }

  get<T = any>(path: string, headers?: Record<string, string>) {
    return this.request<T>('GET', path, undefined, headers);
  }

  post<T = any>(path: string, body?: unknown, headers?: Record<string, string>) {
    return this.request<T>('POST', path, body ?? {}, headers);
  }

  patch<T = any>(path: string, body: unknown, headers?: Record<string, string>) {
    return this.request<T>('PATCH', path, body, headers);
  }

  put<T = any>(path: string, body: unknown, headers?: Record<string, string>) {
    return this.request<T>('PUT', path, body, headers);
  }

  /** Each login comes from a fresh address unless `headers` names one. */
  async login(username: string, password: string, headers: Record<string, string> = {}): Promise<Reply> {
    return this.post('/api/v1/auth/login', { username, password }, { 'x-forwarded-for': testIp(), ...headers });
  }

  /** Logs in and returns a client carrying the token; fails loudly otherwise. */
  async session(username: string, password: string): Promise<Api> {
    const r = await this.login(username, password);
    if (r.status !== 200) throw new Error(`login of ${username} failed: ${r.status} ${JSON.stringify(r.body)}`);
    return this.as(r.body.accessToken as string);
  }
}

/** The contract's error body (CONTRACT.md, "HTTP"). */
export function isErrorBody(body: unknown, status: number): body is ErrorBody {
  const b = body as ErrorBody;
  return (
    !!b &&
    b.statusCode === status &&
    typeof b.error === 'string' &&
    typeof b.message === 'string' &&
    Array.isArray(b.details) &&
    b.details.every((d) => typeof d.path === 'string' && typeof d.message === 'string')
  );
}

const agencyAdmins = new Map<string, Promise<Api>>();

/** The first administrators' passwords in tests: as opened by the operator, then as they set it. */
const FIRST_ADMIN_PASSWORD = { opened: 'Pembukaan-Instansi-2026', own: 'Admin-Instansi-Uji-2026' };

/**
 * An administrator of `agencyCode` for a test file: `admin` itself for its agency (61), else
 * the agency's first administrator `adm.<code>`, whom the installation's operator (`admin`)
 * opens through the API when no file has yet (files share one database and run one at a
 * time); a later file finds it opened (409 AGENCY_HAS_ADMIN) and logs in. It changes its
 * temporary password once, so every file logs in with the same one.
 */
export function agencyAdmin(gatewayUrl: string, agencyCode: string): Promise<Api> {
  let p = agencyAdmins.get(agencyCode);
  if (!p) {
    p = (async () => {
      const anon = new Api(gatewayUrl);
      const operator = await anon.session('admin', testAdminPassword());
      if (agencyCode === '61') return operator;
      const username = firstAdminOf(agencyCode);
      const opened = await operator.post('/api/v1/users', {
        username,
        displayName: `Admin ${agencyCode}`,
        password: FIRST_ADMIN_PASSWORD.opened,
        agencyCode,
        roles: ['ADMIN'],
      });
      if (opened.status === 201) {
        const first = await anon.session(username, FIRST_ADMIN_PASSWORD.opened);
        const changed = await first.post('/api/v1/auth/change-password', {
          currentPassword: FIRST_ADMIN_PASSWORD.opened,
          newPassword: FIRST_ADMIN_PASSWORD.own,
        });
        if (changed.status !== 204)
          throw new Error(`${username} could not set its password: ${changed.status} ${JSON.stringify(changed.body)}`);
      } else if (opened.status !== 409 || opened.body.code !== 'AGENCY_HAS_ADMIN') {
        throw new Error(`the operator could not open ${username}: ${opened.status} ${JSON.stringify(opened.body)}`);
      }
      return anon.session(username, FIRST_ADMIN_PASSWORD.own);
    })();
    agencyAdmins.set(agencyCode, p);
  }
  return p;
}

/** The password agencyAdmin's administrator of `agencyCode` logs in with (to log in through a page). */
export function agencyAdminPassword(agencyCode: string): string {
  return agencyCode === '61' ? testAdminPassword() : FIRST_ADMIN_PASSWORD.own;
}

/** The username agencyAdmin gives an agency's first administrator. */
function firstAdminOf(agencyCode: string): string {
  return `adm.${agencyCode.toLowerCase()}`;
}

/**
 * Opens a staff account through `POST /api/v1/users` and, as its user would first, replaces
 * the temporary password the admin gave with `body.password` (a temporary password opens
 * nothing else: 403 PASSWORD_CHANGE_REQUIRED). Answers the creation's reply.
 */
export async function openAccount(
  admin: Api,
  body: { username: string; password: string } & Record<string, unknown>,
  headers: Record<string, string> = {},
): Promise<Reply> {
  const temporary = `Sementara-${randomBytes(6).toString('hex')}`;
  const created = await admin.post('/api/v1/users', { ...body, password: temporary }, headers);
  if (created.status !== 201) return created;
  const first = await new Api(admin.baseUrl).session(body.username, temporary);
  const changed = await first.post('/api/v1/auth/change-password', { currentPassword: temporary, newPassword: body.password });
  if (changed.status !== 204)
    throw new Error(`${body.username} could not set its password: ${changed.status} ${JSON.stringify(changed.body)}`);
  return created;
}
