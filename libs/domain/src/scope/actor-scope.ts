import { AGENCIES, agencyCovers } from '../agencies.js';
import { OPERATOR } from '../roles.js';

/** Who acts: an agency and roles (the gateway's `Actor` carries these and more). */
export interface ScopedActor {
  agencyCode: string;
  roles: readonly string[];
}

/**
 * Seeing is not changing (README, "Security"). A user sees their own agency's data and, in a
 * province's Dinas Sosial, its regencies'; a user changes only their own agency's data. No
 * act is delegated from a province to its regencies: applications, standards, calendars,
 * eligibility settings, registry snapshots, cases and field tasks, accounts and rejected
 * messages of a regency are changed by the regency (UU 23/2014 gives it the competence).
 * A province's own settings that its regencies inherit (eligibility rules, when a regency
 * has none of its own) are the province's data, changed by the province.
 */

/** Whether `actor` may see data of agency `owner`: its own, and a province's regencies'. */
export function covers(actor: ScopedActor, owner: string): boolean {
  return agencyCovers(actor.agencyCode, owner);
}

/** Whether `actor` may change data of agency `owner`: its own agency's only. */
export function canChange(actor: ScopedActor, owner: string): boolean {
  return actor.agencyCode === owner;
}

/** Whether `actor` holds at least one of `roles`. */
export function hasRole(actor: ScopedActor, ...roles: readonly string[]): boolean {
  return roles.some((r) => actor.roles.includes(r));
}

/** Whether `actor` is the installation's operator (see OPERATOR). */
export function isOperator(actor: ScopedActor): boolean {
  return actor.roles.includes(OPERATOR);
}

/** Codes of the agencies whose data `actor` may see. */
export function visibleAgencies(actor: ScopedActor): string[] {
  return AGENCIES.filter((a) => covers(actor, a.code)).map((a) => a.code);
}
