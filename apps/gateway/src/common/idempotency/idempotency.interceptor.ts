import { HttpStatus, Injectable, Logger, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { catchError, from, mergeMap, type Observable, throwError } from 'rxjs';
import { DomainError } from '#platform';
import type { AuthenticatedRequest } from '../auth/actor.decorator.js';
import { GatewayError, GatewayErrorCode } from '../errors/gateway-error.js';
import { PrecomputedResponse } from '../errors/http-exception.filter.js';
import { IdempotencyStore } from './idempotency.service.js';
import { isValidIdempotencyKey, requestHash } from './request-hash.js';
import { SEARCH_REQUEST } from './search-request.decorator.js';

const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
/** Nest's metadata key of `@HttpCode()` (HTTP_CODE_METADATA in @nestjs/common/constants) */
const HTTP_CODE_METADATA = '__httpCode__';

/**
 * `Idempotency-Key` on writes (CONTRACT.md): the same key with the same body answers the first
 * answer (status and body) without running the handler again; with another body, 422; while
 * the first is still running, 409. Keys belong to the user who sent them and last 24 h. A
 * request that fails stores nothing, so it may be retried with the same key. Anonymous
 * requests (login) are not covered: a shared anonymous key space would replay one caller's
 * answer to another; nor are searches (`@SearchRequest()`), whose answers hold personal data.
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  private readonly log = new Logger('idempotency');

  constructor(
    private readonly store: IdempotencyStore,
    private readonly reflector: Reflector,
  ) {}

  async intercept(ctx: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    if (ctx.getType() !== 'http') return next.handle();
    const req = ctx.switchToHttp().getRequest<AuthenticatedRequest>();
    const header = req.headers['idempotency-key'];
    if (!WRITES.has(req.method) || header === undefined || !req.actor) return next.handle();
    if (this.reflector.get<boolean | undefined>(SEARCH_REQUEST, ctx.getHandler())) return next.handle();
    const key = Array.isArray(header) ? header[0] : header;
    if (!isValidIdempotencyKey(key)) {
      throw DomainError.validation([{ path: 'Idempotency-Key', message: 'Idempotency-Key must be 1–255 visible ASCII characters' }]);
    }
    const userId = req.actor.userId;
    const path = req.originalUrl ?? req.url;
    const claim = await this.store.claim(userId, key, req.method, path, requestHash(req.method, path, req.body));
    switch (claim.kind) {
      case 'mismatch':
        throw new GatewayError(
          'UNPROCESSABLE',
          GatewayErrorCode.IDEMPOTENCY_KEY_REUSED,
          'This Idempotency-Key was used with another request: use a new key for a new request',
        );
      case 'in-progress':
        throw new GatewayError(
          'CONFLICT',
          GatewayErrorCode.IDEMPOTENCY_IN_PROGRESS,
          'A request with this Idempotency-Key is still running: retry in a moment',
        );
      case 'replay':
        throw new PrecomputedResponse(claim.statusCode, claim.body, { 'Idempotent-Replayed': 'true' });
      case 'claimed':
        break;
    }
    const status =
      this.reflector.get<number | undefined>(HTTP_CODE_METADATA, ctx.getHandler()) ??
      (req.method === 'POST' ? HttpStatus.CREATED : HttpStatus.OK);
    return next.handle().pipe(
      // store the answer before sending it: a retry arriving right after must find it
      mergeMap((body: unknown) => from(this.store.complete(userId, key, status, body).then(() => body))),
      catchError((err: unknown) =>
        from(
          this.store.release(userId, key).catch((e: unknown) => this.log.error({ err: e }, 'could not release an idempotency key')),
        ).pipe(mergeMap(() => throwError(() => err))),
      ),
    );
  }
}
