// The staff roles come from the domain library, so the dashboard never drifts from the server.
import { ROLES, type Role } from '@domain/roles';
import type { LabelMap } from './i18n/I18n';

export { ROLES, type Role };

/** The role's label ("Petugas Front Office" / "Front office officer"). */
export const ROLE_LABEL: LabelMap<Role> = {
  FRONT_OFFICE: 'role.FRONT_OFFICE',
  VERIFIER: 'role.VERIFIER',
  HEAD: 'role.HEAD',
  FINANCE: 'role.FINANCE',
  WAREHOUSE: 'role.WAREHOUSE',
  COMPLAINT_OFFICER: 'role.COMPLAINT_OFFICER',
  ADMIN: 'role.ADMIN',
};

/** The gateway's minimum password length (apps/gateway/src/users/password-policy.ts). */
export const MIN_PASSWORD = 10;

/** The gateway's username rule: lower-case letters, digits, dot, dash or underscore, starting with a letter. */
export const USERNAME = /^[a-z][a-z0-9._-]{2,63}$/;

/** who files applications at the front office (the gateway's POST /applications allows these) */
export const FILING: readonly Role[] = ['FRONT_OFFICE', 'ADMIN'];
/** who reads verification cases and field tasks (the gateway's routes allow these) */
export const VERIFYING: readonly Role[] = ['VERIFIER', 'HEAD', 'ADMIN'];
export const ADMIN_ONLY: readonly Role[] = ['ADMIN'];

export function hasRole(roles: readonly string[] | undefined, wanted: readonly Role[] | undefined): boolean {
  if (!wanted || wanted.length === 0) return true;
  return !!roles && wanted.some((r) => roles.includes(r));
}
