import { Inject, Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { GatewayError, GatewayErrorCode } from '../../common/errors/gateway-error.js';
import { RateLimitStore } from '../../common/rate-limit/rate-limit.store.js';
import { GatewayConfig } from '../../config/gateway.config.js';

const WINDOW_MS = 60_000;

/**
 * A limit on the citizens' status lookups: enough for a person checking a ticket now and then
 * (and an office behind one address), not for enumerating tickets. Fixed one-minute windows
 * per client address (`req.ip`, which honours TRUST_PROXY), counted in Postgres so that the
 * limit holds across gateway replicas and restarts.
 */
@Injectable()
export class PublicRateLimitGuard implements CanActivate {
  constructor(
    private readonly store: RateLimitStore,
    @Inject(GatewayConfig) private readonly cfg: GatewayConfig,
  ) {}

  async canActivate(ctx: ExecutionContext): Promise<boolean> {
    const req = ctx.switchToHttp().getRequest<{ ip?: string }>();
    const res = ctx.switchToHttp().getResponse<{ setHeader(n: string, v: string): void }>();
    const limit = this.cfg.PUBLIC_RATE_LIMIT_PER_MINUTE;
    const { hits, secondsLeft } = await this.store.hit(`public-status:${req.ip ?? 'unknown'}`, WINDOW_MS);
    res.setHeader('RateLimit-Limit', String(limit));
    res.setHeader('RateLimit-Remaining', String(Math.max(0, limit - hits)));
    if (hits <= limit) return true;
    const err = new GatewayError(
      'TOO_MANY_REQUESTS',
      GatewayErrorCode.RATE_LIMITED,
      'Too many status lookups from this address: try again in a minute',
    );
    err.retryAfterSeconds = secondsLeft;
    throw err;
  }
}
