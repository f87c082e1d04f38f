import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { Actor } from '#contracts';

/** What the JWT guard attaches to the request. */
export interface AuthenticatedRequest {
  actor?: Actor;
  ip?: string;
  headers: Record<string, string | string[] | undefined>;
  method: string;
  originalUrl?: string;
  url: string;
  body?: unknown;
}

/** The authenticated caller (`Actor` of #contracts): who, of which agency, with which roles. */
export const CurrentActor = createParamDecorator((_data: unknown, ctx: ExecutionContext): Actor => {
  const actor = ctx.switchToHttp().getRequest<AuthenticatedRequest>().actor;
  if (!actor) throw new Error('CurrentActor used on a route without an authenticated caller');
  return actor;
});

/** The caller's address, as Express resolved it (honours `TRUST_PROXY`). */
export const ClientIp = createParamDecorator(
  (_data: unknown, ctx: ExecutionContext): string => ctx.switchToHttp().getRequest<AuthenticatedRequest>().ip ?? 'unknown',
);
