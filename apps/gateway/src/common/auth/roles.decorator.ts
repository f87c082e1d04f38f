import { SetMetadata } from '@nestjs/common';
import type { AnyRole } from '#domain';

export const REQUIRED_ROLES = 'sigap:roles';

/** The caller needs at least one of these roles. */
export const Roles = (...roles: AnyRole[]) => SetMetadata(REQUIRED_ROLES, roles);
