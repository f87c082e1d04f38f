import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { Actor } from '#contracts';

/** The caller on a `@Public()` route: set when a valid token came along, null otherwise. */
export const CurrentActorOptional = createParamDecorator(
  (_data: unknown, ctx: ExecutionContext): Actor | null => ctx.switchToHttp().getRequest<{ actor?: Actor }>().actor ?? null,
);
