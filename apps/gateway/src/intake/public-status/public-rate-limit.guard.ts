import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { GatewayError, GatewayErrorCode } from '../../common/errors/gateway-error.js';

/** requests per minute and client address on the public status page */
export const PUBLIC_STATUS_LIMIT_PER_MINUTE = 60;
const WINDOW_MS = 60_000;
/** addresses remembered at most (a flood of spoofed ones must not grow memory without end) */
const MAX_CLIENTS = 100_000;

/**
 * A light, per-process limit on the citizens' status lookups: enough for a person checking a
 * ticket now and then (and an office behind one address), not for enumerating tickets.
 * Fixed one-minute windows per client address (`req.ip`, which honours TRUST_PROXY).
 */
@Injectable()
export class PublicRateLimitGuard implements CanActivate {
  private readonly windows = new Map<string, { start: number; count: number }>();

  canActivate(ctx: ExecutionContext): boolean {
    const req = ctx.switchToHttp().getRequest<{ ip?: string }>();
    const res = ctx.switchToHttp().getResponse<{ setHeader(n: string, v: string): void }>();
    const ip = req.ip ?? 'unknown';
    const now = Date.now();
    let w = this.windows.get(ip);
    if (!w || now - w.start >= WINDOW_MS) {
      if (this.windows.size >= MAX_CLIENTS) this.prune(now);
      w = { start: now, count: 0 };
      this.windows.set(ip, w);
    }
    w.count++;
    res.setHeader('RateLimit-Limit', String(PUBLIC_STATUS_LIMIT_PER_MINUTE));
    res.setHeader('RateLimit-Remaining', String(Math.max(0, PUBLIC_STATUS_LIMIT_PER_MINUTE - w.count)));
    if (w.count <= PUBLIC_STATUS_LIMIT_PER_MINUTE) return true;
    // the gateway's error codes are its own enum; this one is the status page's
    const err = new GatewayError('TOO_MANY_REQUESTS', 'RATE_LIMITED' as GatewayErrorCode, 'Too many status lookups from this address: try again in a minute');
    err.retryAfterSeconds = Math.max(1, Math.ceil((w.start + WINDOW_MS - now) / 1000));
    throw err;
  }

  private prune(now: number): void {
    for (const [k, w] of this.windows) if (now - w.start >= WINDOW_MS) this.windows.delete(k);
    if (this.windows.size >= MAX_CLIENTS) this.windows.clear();
  }
}
