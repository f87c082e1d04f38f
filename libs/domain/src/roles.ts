/** Staff roles; a user has one or more, always within one agency. */
export const ROLES = ['FRONT_OFFICE', 'VERIFIER', 'HEAD', 'FINANCE', 'WAREHOUSE', 'COMPLAINT_OFFICER', 'ADMIN'] as const;
export type Role = (typeof ROLES)[number];
