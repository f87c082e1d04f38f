// The one way the dashboard talks to the gateway: `/api/v1`, JSON, the bearer token of the
// session, an `Idempotency-Key` on every write, and the contract's error shape turned into
// an `ApiError`. A 401 on an authenticated call ends the session (see auth.tsx).

export const API_BASE = '/api/v1';

export interface FieldError {
  path: string;
  message: string;
}

/** The gateway's error body (CONTRACT.md): `{ statusCode, error, message, details }`. */
export interface ApiErrorBody {
  statusCode?: number;
  error?: string;
  message?: string | string[];
  code?: string;
  details?: FieldError[];
}

/** A refused or failed call; `status` 0 means the gateway could not be reached. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly body: ApiErrorBody | null,
  ) {
    super(messageOf(body) ?? `HTTP ${status}`);
    this.name = 'ApiError';
  }

  /** The API's own message, if it sent one. */
  get apiMessage(): string | undefined {
    return messageOf(this.body);
  }

  get details(): FieldError[] {
    return Array.isArray(this.body?.details) ? this.body.details.filter((d) => d && typeof d.message === 'string') : [];
  }
}

function messageOf(body: ApiErrorBody | null): string | undefined {
  if (!body) return undefined;
  if (Array.isArray(body.message)) return body.message.join('; ');
  return typeof body.message === 'string' && body.message ? body.message : undefined;
}

interface ApiHooks {
  getToken: () => string | null;
  onUnauthorized: () => void;
}

let hooks: ApiHooks = { getToken: () => null, onUnauthorized: () => {} };

/** Set by the session (auth.tsx): where the token comes from and what a 401 does. */
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
  /** false for the login call: no token is sent and a 401 is the caller's to show */
  auth?: boolean;
}

function withQuery(path: string, query?: Query): string {
  if (!query) return path;
  const qs = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (v !== undefined && v !== null && v !== '') qs.set(k, String(v));
  const s = qs.toString();
  return s ? `${path}?${s}` : path;
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
    if (e instanceof DOMException && e.name === 'AbortError') throw e;
    throw new ApiError(0, null);
  }

  const text = await res.text();
  let data: unknown = undefined;
  if (text) {
    try {
      data = JSON.parse(text);
    } catch {
      data = undefined;
    }
  }
  if (!res.ok) {
    if (res.status === 401 && auth && token) hooks.onUnauthorized();
    const body = data && typeof data === 'object' ? (data as ApiErrorBody) : null;
    throw new ApiError(res.status, body);
  }
  return data as T;
}

export const api = {
  get: <T>(path: string, query?: Query, signal?: AbortSignal) => request<T>('GET', path, { query, signal }),
  post: <T>(path: string, body?: unknown, opts: Omit<RequestOptions, 'body'> = {}) => request<T>('POST', path, { ...opts, body: body ?? {} }),
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

// --- What the gateway answers (only the fields the dashboard reads) ---

export interface SessionUser {
  id: string;
  username: string;
  displayName: string;
  agencyCode: string;
  roles: string[];
  /** set for a new account or after an admin reset: the user should choose a password */
  mustChangePassword?: boolean;
}

export interface LoginResponse {
  accessToken: string;
  expiresIn: number;
  user: SessionUser;
}

export interface Agency {
  code: string;
  name: string;
  areaCode: string;
  level: string;
}

export interface ConsumerStatus {
  durable: string;
  stream: string;
  pending: number;
  ackPending: number;
  redelivered: number;
}

export interface ServiceStatus {
  service: string;
  instance?: string;
  healthy: boolean;
  checks?: Record<string, unknown>;
  outboxBacklog?: number | null;
  consumers?: ConsumerStatus[];
  uptimeSeconds?: number | null;
  error?: string;
}

export interface SystemStatus {
  services: ServiceStatus[];
}

export interface StaffUser extends SessionUser {
  disabled?: boolean;
  mustChangePassword?: boolean;
  createdAt?: string;
  updatedAt?: string;
  lastLoginAt?: string | null;
}

export interface AuditEntry {
  id: string;
  actor?: unknown;
  action?: unknown;
  target?: unknown;
  at?: string;
  [k: string]: unknown;
}

export interface RejectedMessage {
  id: string;
  eventId?: string | null;
  subject?: string;
  errors?: FieldError[];
  reason?: string | null;
  consumer?: string | null;
  payload?: unknown;
  rejectedAt?: string;
  replayCount?: number;
  lastReplayedAt?: string | null;
  lastReplayedBy?: string | null;
}
