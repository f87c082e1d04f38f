/** Staff roles an agency's admin gives; a user has one or more, always within one agency. */
export const ROLES = ['FRONT_OFFICE', 'VERIFIER', 'HEAD', 'FINANCE', 'WAREHOUSE', 'COMPLAINT_OFFICER', 'ADMIN'] as const;
export type Role = (typeof ROLES)[number];

/**
 * The installation's operator: opens an agency's first administrator and handles what
 * belongs to no agency (rejected messages naming none). Held by the first administrator,
 * `admin`, created at bootstrap; never given or taken through the API, so it is not in ROLES.
 */
export const OPERATOR = 'OPERATOR';
export type AnyRole = Role | typeof OPERATOR;
