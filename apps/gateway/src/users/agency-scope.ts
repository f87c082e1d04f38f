import type { Actor } from '#contracts';
import { AGENCIES, agencyCovers } from '#domain';
import { GatewayError, GatewayErrorCode } from '../common/errors/gateway-error.js';

/** Agencies whose data the actor may see and change: their own, and a province's regencies. */
export function coveredAgencies(actor: Actor): string[] {
  return AGENCIES.filter((a) => agencyCovers(actor.agencyCode, a.code)).map((a) => a.code);
}

/** 403 unless the actor's agency covers `agencyCode`. */
export function assertCovers(actor: Actor, agencyCode: string, what = 'this agency'): void {
  if (!agencyCovers(actor.agencyCode, agencyCode)) {
    throw new GatewayError('FORBIDDEN', GatewayErrorCode.AGENCY_OUT_OF_SCOPE, `Agency ${actor.agencyCode} cannot act on ${what} (${agencyCode})`);
  }
}
