import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { AnyRole } from '#domain';
import { requireRole } from '#platform';
import type { AuthenticatedRequest } from './actor.decorator.js';
import { REQUIRED_ROLES } from './roles.decorator.js';

/** Enforces `@Roles(...)`: 403 unless the caller holds one of them. Runs after the JWT guard. */
@Injectable()
export class RolesGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(ctx: ExecutionContext): boolean {
    const roles = this.reflector.getAllAndOverride<AnyRole[] | undefined>(REQUIRED_ROLES, [ctx.getHandler(), ctx.getClass()]);
    if (!roles?.length) return true;
    const actor = ctx.switchToHttp().getRequest<AuthenticatedRequest>().actor;
    requireRole(actor ?? { agencyCode: '', roles: [] }, ...roles);
    return true;
  }
}
