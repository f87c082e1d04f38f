import { Catch, HttpException, Logger, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import { STATUS_CODES } from 'node:http';
import type { RpcErrorBody } from '#contracts';
import { DomainError } from '#platform';
import { GatewayError } from './gateway-error.js';

/** A finished answer an interceptor hands back without running the handler (idempotent replay). */
export class PrecomputedResponse {
  constructor(
    readonly status: number,
    readonly body: unknown,
    readonly headers: Record<string, string> = {},
  ) {}
}

const HTTP_KIND_CODES: Record<number, string> = {
  400: 'BAD_REQUEST',
  401: 'UNAUTHORIZED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  405: 'METHOD_NOT_ALLOWED',
  409: 'CONFLICT',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  422: 'UNPROCESSABLE',
  429: 'TOO_MANY_REQUESTS',
  503: 'SERVICE_UNAVAILABLE',
};

/**
 * Maps anything thrown to the contract's error body (CONTRACT.md, "HTTP"):
 * `{ statusCode, error, message, code, details: [{ path, message }] }`.
 * Nest's own HttpExceptions (unknown route, throttler, body parser) are reshaped too, and
 * anything unexpected becomes a 500 whose cause is logged, never sent.
 */
export function toErrorBody(err: unknown): RpcErrorBody {
  if (err instanceof DomainError) return err.toBody();
  if (err instanceof HttpException) {
    const status = err.getStatus();
    const res = err.getResponse();
    let message = err.message;
    if (typeof res === 'string') message = res;
    else if (res && typeof res === 'object' && 'message' in res) {
      const m = (res as { message: unknown }).message;
      message = Array.isArray(m) ? m.join('; ') : String(m);
    }
    if (status === 404 && /^Cannot [A-Z]+ /.test(message)) message = `No route ${message.slice('Cannot '.length)}`;
    return {
      statusCode: status,
      error: STATUS_CODES[status] ?? 'Error',
      message,
      code: status === 404 ? 'ROUTE_NOT_FOUND' : (HTTP_KIND_CODES[status] ?? `HTTP_${status}`),
      details: [],
    };
  }
  // errors of the body parser (malformed JSON, too large) carry an HTTP status of their own
  const e = err as { status?: unknown; statusCode?: unknown; type?: unknown; message?: unknown } | null;
  const status = Number(e?.status ?? e?.statusCode);
  if (e && typeof e.type === 'string' && status >= 400 && status < 500) {
    const message = e.type === 'entity.parse.failed' ? 'The request body is not valid JSON' : String(e.message ?? 'Bad request');
    return {
      statusCode: status,
      error: STATUS_CODES[status] ?? 'Error',
      message,
      code: HTTP_KIND_CODES[status] ?? `HTTP_${status}`,
      details: [],
    };
  }
  return { statusCode: 500, error: 'Internal Server Error', message: 'An unexpected error occurred', code: 'INTERNAL', details: [] };
}

type Res = { status(code: number): Res; setHeader(name: string, value: string): void; json(body: unknown): void; headersSent?: boolean };

@Catch()
export class HttpErrorFilter implements ExceptionFilter {
  private readonly log = new Logger('http');

  catch(err: unknown, host: ArgumentsHost): void {
    if (host.getType() !== 'http') throw err;
    const res = host.switchToHttp().getResponse<Res>();
    if (res.headersSent) return;
    if (err instanceof PrecomputedResponse) {
      for (const [k, v] of Object.entries(err.headers)) res.setHeader(k, v);
      res.status(err.status).json(err.body);
      return;
    }
    const body = toErrorBody(err);
    if (body.statusCode >= 500 && !(err instanceof DomainError)) this.log.error({ err }, 'request failed');
    if (err instanceof GatewayError && err.retryAfterSeconds) res.setHeader('Retry-After', String(err.retryAfterSeconds));
    res.status(body.statusCode).json(body);
  }
}

/** Express error middleware for what fails before Nest's pipeline (the body parser). */
export function expressErrorHandler(err: unknown, _req: unknown, res: Res, next: (err?: unknown) => void): void {
  if (res.headersSent) return next(err);
  const body = toErrorBody(err);
  res.status(body.statusCode).json(body);
}

/**
 * JSON 404 for paths under `/api` that are neither the API (`/api/v1`, whose unknown routes
 * Nest answers through HttpErrorFilter) nor the docs; registered before Nest's routes, so it
 * passes those on. Other paths belong to the dashboard.
 */
export function apiNotFoundHandler(req: { method: string; path: string; originalUrl: string }, res: Res, next: () => void): void {
  if (/^\/(v1|docs)(\/|-|$)/.test(req.path)) return next();
  res.status(404).json({
    statusCode: 404,
    error: 'Not Found',
    message: `No route ${req.method} ${req.originalUrl.split('?')[0]}`,
    code: 'ROUTE_NOT_FOUND',
    details: [],
  });
}
