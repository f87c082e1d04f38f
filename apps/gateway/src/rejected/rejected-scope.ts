import type { Actor } from '#contracts';
import { findAgency } from '#domain';
import { coveredAgencies } from '../users/agency-scope.js';

/**
 * SQL condition (alias `r`) limiting rejected messages to the admin's agencies: by the
 * payload's `agencyCode` (or `regencyCode`); a message naming no agency is shown to every admin.
 * Returns the condition and its parameters.
 */
export function rejectedScope(actor: Actor): { sql: string; params: Record<string, unknown> } {
  const agency = findAgency(actor.agencyCode);
  const prefixes = agency?.level === 'PROVINCE' ? [`${agency.areaCode}.%`] : [];
  const code = `COALESCE(r.payload->>'agencyCode', r.payload->>'regencyCode')`;
  const sql = `(jsonb_typeof(r.payload) IS DISTINCT FROM 'object' OR ${code} IS NULL OR ${code} IN (:...scopeCovered)${prefixes.length ? ` OR ${code} LIKE ANY(:scopePrefixes)` : ''})`;
  return { sql, params: { scopeCovered: coveredAgencies(actor), scopePrefixes: prefixes } };
}
