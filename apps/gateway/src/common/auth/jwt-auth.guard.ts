import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { HealthController, MetricsController } from '#platform';
import { TokenService } from '../../auth/token.service.js';
import { UserDirectory } from '../../users/user-directory.service.js';
import { GatewayError, GatewayErrorCode } from '../errors/gateway-error.js';
import type { AuthenticatedRequest } from './actor.decorator.js';
import { ALLOWS_TEMPORARY_PASSWORD, IS_PUBLIC } from './public.decorator.js';

/** Operators' endpoints of #platform, outside `/api/v1`, open like on every other service. */
const PLATFORM_CONTROLLERS: unknown[] = [HealthController, MetricsController];

/**
 * Every route needs a valid bearer token unless it is `@Public()`. The token's user is
 * looked up (briefly cached), so disabling an account or changing its password or roles
 * takes effect at once rather than when the token expires. An account with a temporary
 * password (`mustChangePassword`) may only change it: every other route answers 403
 * PASSWORD_CHANGE_REQUIRED; a public route treats its token as absent (anyone reaches it anyway).
 */
@Injectable()
export class JwtAuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly tokens: TokenService,
    private readonly users: UserDirectory,
  ) {}

  async canActivate(ctx: ExecutionContext): Promise<boolean> {
    if (ctx.getType() !== 'http') return true;
    if (PLATFORM_CONTROLLERS.includes(ctx.getClass())) return true;
    const isPublic = this.reflector.getAllAndOverride<boolean | undefined>(IS_PUBLIC, [ctx.getHandler(), ctx.getClass()]);
    const req = ctx.switchToHttp().getRequest<AuthenticatedRequest>();
    const header = req.headers.authorization;
    const token = typeof header === 'string' && /^Bearer\s+/i.test(header) ? header.replace(/^Bearer\s+/i, '').trim() : null;
    if (!token) {
      if (isPublic) return true;
      throw new GatewayError('UNAUTHORIZED', GatewayErrorCode.TOKEN_MISSING, 'A bearer token is required: log in at /api/v1/auth/login');
    }
    let user;
    try {
      const claims = await this.tokens.verify(token);
      user = await this.users.findActive(claims.sub, claims.pwv);
      if (!user) throw new Error('account disabled or removed');
      // a token issued before the password last changed (or was reset) is no longer valid
      if (claims.pwv !== user.passwordChangedAt.getTime()) throw new Error('password changed since the token was issued');
    } catch {
      if (isPublic) return true;
      throw new GatewayError('UNAUTHORIZED', GatewayErrorCode.TOKEN_INVALID, 'The token is invalid or expired: log in again');
    }
    if (user.mustChangePassword && !this.reflector.get<boolean | undefined>(ALLOWS_TEMPORARY_PASSWORD, ctx.getHandler())) {
      if (isPublic) return true;
      throw new GatewayError(
        'FORBIDDEN',
        GatewayErrorCode.PASSWORD_CHANGE_REQUIRED,
        'This password is temporary: change it first (POST /api/v1/auth/change-password)',
        [{ path: 'password', message: 'a temporary password must be changed before anything else' }],
      );
    }
    req.actor = { userId: user.id, username: user.username, agencyCode: user.agencyCode, roles: [...user.roles] };
    return true;
  }
}
