import { SetMetadata } from '@nestjs/common';

export const IS_PUBLIC = 'sigap:public';

/** Opens a route to callers without a token (login, public status pages). */
export const Public = () => SetMetadata(IS_PUBLIC, true);

export const ALLOWS_TEMPORARY_PASSWORD = 'sigap:allows-temporary-password';

/**
 * The one route a session with a temporary password (set by a reset, or the generated first
 * one) may use: changing it. Every other route answers 403 PASSWORD_CHANGE_REQUIRED.
 */
export const AllowsTemporaryPassword = () => SetMetadata(ALLOWS_TEMPORARY_PASSWORD, true);
