import { Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import { catchError, map, of, type Observable } from 'rxjs';
import type { RpcReply } from '#contracts';
import { DomainError, errorBody } from './errors.js';
import { Logger } from '@nestjs/common';

/**
 * Wraps every request-reply answer as `{ ok, data | error }`, so a domain error crosses
 * NATS intact (status, code, field details) instead of being flattened by the transport.
 */
@Injectable()
export class RpcReplyInterceptor implements NestInterceptor {
  private readonly log = new Logger('rpc');

  intercept(ctx: ExecutionContext, next: CallHandler): Observable<unknown> {
    // registered globally, so it sees HTTP too (health, metrics): leave those alone
    if (ctx.getType() !== 'rpc') return next.handle();
    return next.handle().pipe(
      map((data: unknown): RpcReply<unknown> => ({ ok: true, data })),
      catchError((err: unknown) => {
        if (!(err instanceof DomainError))
          this.log.error({ err, pattern: ctx.switchToRpc().getContext()?.getSubject?.() }, 'request failed');
        return of<RpcReply<unknown>>({ ok: false, error: errorBody(err) });
      }),
    );
  }
}
