// The one way the dashboard talks to the gateway: `/api/v1`, JSON, the bearer token of the
// session, an `Idempotency-Key` on every write, and the contract's error shape turned into
// an `ApiError`. A 401 on an authenticated call ends the session (see shared/session.tsx).
import type { FieldError, RpcErrorBody } from '@contracts';

export const API_BASE = '/api/v1';

/** The gateway's error body (CONTRACT.md): `{ statusCode, error, message, code, details }`, as far as it came. */
export type ApiErrorBody = Partial<RpcErrorBody>;

/**
 * A refused or failed call; `status` 0 means the gateway could not be reached. What the user
 * reads comes from `code` (shared/errors), never from the API's own (English) message.
 */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly body: ApiErrorBody | null,
  ) {
    super(`HTTP ${status}${body?.code ? ` ${body.code}` : ''}`);
    this.name = 'ApiError';
  }

  /** the error's code (`USERNAME_TAKEN`), when the API sent one */
  get code(): string | undefined {
    return typeof this.body?.code === 'string' && this.body.code ? this.body.code : undefined;
  }

  /** the broken rules, each with the path of its field (`applicant.nik`) */
  get details(): FieldError[] {
    const d = this.body?.details;
    return Array.isArray(d)
      ? d
          .filter((x): x is FieldError => !!x && typeof x.message === 'string')
          .map((x) => ({ path: String(x.path ?? ''), message: x.message }))
      : [];
  }
}

/** Whether a call was cancelled (a page left, a newer search): nothing to show. */
export function isAbort(e: unknown): boolean {
  return e instanceof DOMException && e.name === 'AbortError';
}

interface ApiHooks {
  getToken: () => string | null;
  onUnauthorized: () => void;
  /** a 403 PASSWORD_CHANGE_REQUIRED: the session's password is temporary and must be changed first */
  onPasswordChangeRequired?: () => void;
}

let hooks: ApiHooks = { getToken: () => null, onUnauthorized: () => {} };

/** Set by the session: where the token comes from and what a 401 does. */
export function configureApi(next: ApiHooks): void {
  hooks = next;
}

/** The session's token and 401 handler, for the calls `request` cannot make (an upload with progress). */
export function sessionHooks(): ApiHooks {
  return hooks;
}

/**
 * A fresh idempotency key. `crypto.randomUUID` exists only in secure contexts (https or
 * localhost); an officer opening the dashboard at http://<lan-address> still gets a v4 UUID.
 */
export function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6] & 0x0f) | 0x40;
  b[8] = (b[8] & 0x3f) | 0x80;
  const h = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

export type Query = Record<string, string | number | boolean | undefined | null>;

export interface RequestOptions {
  query?: Query;
  body?: unknown;
  signal?: AbortSignal;
  /** false for the login call and the public pages: no token is sent and a 401 is the caller's to show */
  auth?: boolean;
}

function withQuery(path: string, query?: Query): string {
  if (!query) return path;
  const qs = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (v !== undefined && v !== null && v !== '') qs.set(k, String(v));
  const s = qs.toString();
  return s ? `${path}?${s}` : path;
}

/** The parsed JSON of a response text, or undefined. */
export function parseBody(text: string): unknown {
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** The error of a refused answer; a 401 of an authenticated call ends the session. */
export function refused(status: number, data: unknown, hadToken: boolean): ApiError {
  if (status === 401 && hadToken) hooks.onUnauthorized();
  if (status === 403 && hadToken && (data as ApiErrorBody | null)?.code === 'PASSWORD_CHANGE_REQUIRED') hooks.onPasswordChangeRequired?.();
  return new ApiError(status, data && typeof data === 'object' ? (data as ApiErrorBody) : null);
}

/** Calls `/api/v1<path>` and returns the parsed JSON (undefined for an empty body). */
export async function request<T>(method: string, path: string, opts: RequestOptions = {}): Promise<T> {
  const auth = opts.auth !== false;
  const headers: Record<string, string> = { Accept: 'application/json' };
  const token = auth ? hooks.getToken() : null;
  if (token) headers.Authorization = `Bearer ${token}`;
  if (method !== 'GET' && method !== 'HEAD') headers['Idempotency-Key'] = newIdempotencyKey();
  if (opts.body !== undefined) headers['Content-Type'] = 'application/json';

  let res: Response;
  try {
    res = await fetch(API_BASE + withQuery(path, opts.query), {
      method,
      headers,
      body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
      signal: opts.signal,
    });
  } catch (e) {
    if (isAbort(e)) throw e;
    throw new ApiError(0, null);
  }
  const data = parseBody(await res.text());
  if (!res.ok) throw refused(res.status, data, !!token);
  return data as T;
}

/** `GET /api/v1<path>` as a file (a visit's photo): the bytes, with the session's token. */
export async function fetchBlob(path: string): Promise<Blob> {
  const token = hooks.getToken();
  let res: Response;
  try {
    res = await fetch(API_BASE + path, { headers: token ? { Authorization: `Bearer ${token}` } : {} });
  } catch (e) {
    if (isAbort(e)) throw e;
    throw new ApiError(0, null);
  }
  if (!res.ok) throw refused(res.status, parseBody(await res.text()), !!token);
  return res.blob();
}

export const api = {
  get: <T>(path: string, query?: Query, signal?: AbortSignal) => request<T>('GET', path, { query, signal }),
  post: <T>(path: string, body?: unknown, opts: Omit<RequestOptions, 'body'> = {}) =>
    request<T>('POST', path, { ...opts, body: body ?? {} }),
  patch: <T>(path: string, body: unknown) => request<T>('PATCH', path, { body }),
  put: <T>(path: string, body: unknown) => request<T>('PUT', path, { body }),
  delete: <T>(path: string, query?: Query) => request<T>('DELETE', path, { query }),
};

/** A list answer as `{ items, total }`, accepting a bare array too. */
export function asPage<T>(data: unknown): { items: T[]; total: number } {
  if (Array.isArray(data)) return { items: data as T[], total: data.length };
  if (data && typeof data === 'object') {
    const o = data as { items?: unknown; total?: unknown };
    const items = Array.isArray(o.items) ? (o.items as T[]) : [];
    return { items, total: typeof o.total === 'number' ? o.total : items.length };
  }
  return { items: [], total: 0 };
}

/** Path segment: `seg\`/x/${id}\`` encodes each interpolated value. */
export function seg(strings: TemplateStringsArray, ...values: (string | number)[]): string {
  return strings.reduce((out, s, i) => out + s + (i < values.length ? encodeURIComponent(String(values[i])) : ''), '');
}
