import type { Actor } from '#contracts';
import { AGENCIES, agencyCovers } from '#domain';
import { IntakeError, IntakeErrorCode } from '../applications/intake.error.js';

/** Agencies whose data the actor may see: their own, and a province's regencies (not its bureaus). */
export function coveredAgencies(actor: Actor): string[] {
  return AGENCIES.filter((a) => agencyCovers(actor.agencyCode, a.code)).map((a) => a.code);
}

/** 403 unless the actor's agency covers `agencyCode`. */
export function assertCovers(actor: Actor, agencyCode: string, what = 'this agency'): void {
  if (!agencyCovers(actor.agencyCode, agencyCode)) {
    throw new IntakeError(IntakeErrorCode.OutsideAgency, `Agency ${actor.agencyCode} cannot act on ${what} (${agencyCode})`);
  }
}

/** 403 unless the actor holds one of the roles (the gateway checks too; intake does not rely on it). */
export function assertRole(actor: Actor, ...roles: string[]): void {
  if (!roles.some((r) => actor.roles.includes(r))) {
    throw new IntakeError(IntakeErrorCode.RoleRequired, `This requires one of the roles: ${roles.join(', ')}`);
  }
}
