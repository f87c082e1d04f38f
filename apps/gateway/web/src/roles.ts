// The staff roles come from the domain library, so the dashboard never drifts from the server.
import { ROLES, type Role } from '../../../../libs/domain/src/roles.ts';
import type { MessageKey } from './i18n';

export { ROLES, type Role };

/** The i18n key of a role's label ("Petugas Front Office" / "Front office officer"). */
export function roleLabelKey(role: string): MessageKey | undefined {
  return (ROLES as readonly string[]).includes(role) ? (`role.${role}` as MessageKey) : undefined;
}

/** The gateway's minimum password length (apps/gateway/src/users/password-policy.ts). */
export const MIN_PASSWORD = 10;

/** The gateway's username rule: lower-case letters, digits, dot, dash or underscore, starting with a letter. */
export const USERNAME = /^[a-z][a-z0-9._-]{2,63}$/;

export function hasRole(roles: readonly string[] | undefined, wanted: readonly Role[] | undefined): boolean {
  if (!wanted || wanted.length === 0) return true;
  return !!roles && wanted.some((r) => roles.includes(r));
}
