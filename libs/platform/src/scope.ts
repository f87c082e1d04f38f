import { canChange, covers, hasRole, isOperator, type ScopedActor } from '#domain';
import { DomainError } from './errors.js';

/** Why an actor was refused, the same in every app (gateway, intake, verification, the services to come). */
export enum ScopeErrorCode {
  /** the agency is not the actor's to see, or (seen) not theirs to change */
  AGENCY_OUT_OF_SCOPE = 'AGENCY_OUT_OF_SCOPE',
  /** none of the roles the act needs */
  ROLE_REQUIRED = 'ROLE_REQUIRED',
  /** an installation-level act: the operator's alone */
  OPERATOR_REQUIRED = 'OPERATOR_REQUIRED',
}

/** A refusal by the actor-scope rules: always 403, with one of ScopeErrorCode. */
export class ScopeError extends DomainError {
  constructor(code: ScopeErrorCode, message: string) {
    super('FORBIDDEN', code, message);
  }
}

/** 403 ROLE_REQUIRED unless the actor holds one of `roles`. */
export function requireRole(actor: ScopedActor, ...roles: readonly string[]): void {
  if (!hasRole(actor, ...roles)) throw new ScopeError(ScopeErrorCode.ROLE_REQUIRED, `This requires one of the roles: ${roles.join(', ')}`);
}

/** 403 OPERATOR_REQUIRED unless the actor is the installation's operator. */
export function requireOperator(actor: ScopedActor, what: string): void {
  if (!isOperator(actor)) throw new ScopeError(ScopeErrorCode.OPERATOR_REQUIRED, `Only the installation's operator may ${what}`);
}

/** 403 AGENCY_OUT_OF_SCOPE unless the actor may see data of `agencyCode`. */
export function requireCovers(actor: ScopedActor, agencyCode: string, what = 'this agency'): void {
  if (!covers(actor, agencyCode)) {
    throw new ScopeError(ScopeErrorCode.AGENCY_OUT_OF_SCOPE, `Agency ${actor.agencyCode} cannot see ${what} (${agencyCode})`);
  }
}

/** 403 AGENCY_OUT_OF_SCOPE unless the actor may change data of `agencyCode` (seeing it is not enough). */
export function requireCanChange(actor: ScopedActor, agencyCode: string, what = 'this agency'): void {
  if (canChange(actor, agencyCode)) return;
  const message = covers(actor, agencyCode)
    ? `Agency ${actor.agencyCode} may see but not change ${what} (${agencyCode}): only ${agencyCode} changes its own data`
    : `Agency ${actor.agencyCode} cannot act on ${what} (${agencyCode})`;
  throw new ScopeError(ScopeErrorCode.AGENCY_OUT_OF_SCOPE, message);
}
