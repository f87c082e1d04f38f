import { SERVICE_NAMES, type Actor } from '#contracts';
import { AGENCIES, findAgency, isOperator, visibleAgencies, type Agency } from '#domain';

/** Provinces' Dinas Sosial: a regency of theirs that is not an agency of the installation is theirs. */
const PROVINCES = AGENCIES.filter((a) => a.level === 'PROVINCE' && !a.bureau);
const REGENCY_CODE = /^(\d{2})\.\d{2}$/;

/**
 * The agency a rejected message belongs to: the one its payload names (`agencyCode`, or
 * `regencyCode` for a disaster or a distribution report). A regency that is not an agency of
 * the installation belongs to its province's Dinas Sosial. Null when the payload names no
 * agency of the installation (not an object, no code, an unknown code): such a message is
 * the operator's alone.
 */
export function rejectedOwner(payload: unknown): string | null {
  return ownerOfCode(namedAgencyCode(payload));
}

/** The agency code a payload names (`agencyCode`, else `regencyCode`), as stored in the row's `agency_code`. */
export function namedAgencyCode(payload: unknown): string | null {
  if (!payload || typeof payload !== 'object' || Array.isArray(payload)) return null;
  const p = payload as Record<string, unknown>;
  const code = typeof p.agencyCode === 'string' ? p.agencyCode : typeof p.regencyCode === 'string' ? p.regencyCode : null;
  return code === null ? null : code.replace(/\0/g, '').slice(0, 40);
}

/** The agency a stored code belongs to (the row's `agency_code`). */
export function ownerOfCode(code: string | null): string | null {
  if (code === null) return null;
  if (findAgency(code)) return code;
  const province = REGENCY_CODE.exec(code)?.[1];
  return PROVINCES.find((a) => a.areaCode === province)?.code ?? null;
}

/**
 * Subjects of Sigap's own services (`sigap.<service>.…`): a replay sends their stored message,
 * never a corrected one, so no admin can forge a service's event. Told by the context token,
 * so inbound subjects in either form (`sigap.ext.…`, `sigap.from.<system>.…`) are not internal,
 * and services to come (disbursement, logistics, complaints) are, from the topology.
 */
export function isInternalSubject(subject: string): boolean {
  const [root, context] = subject.split('.');
  return root === 'sigap' && (SERVICE_NAMES as string[]).includes(context);
}

function regencyPattern(provinces: Agency[]): string | null {
  return provinces.length ? `^(${provinces.map((a) => a.areaCode).join('|')})\\.[0-9]{2}$` : null;
}

/**
 * SQL condition (alias `r`) limiting rejected messages to those the admin may see: of the
 * agencies they see (SQL twin of rejectedOwner), and for the operator also those of no agency.
 */
export function rejectedScope(actor: Actor): { sql: string; params: Record<string, unknown> } {
  // the code the payload named, kept in its own column so a purged payload keeps its readers
  const code = 'r.agency_code';
  // never an empty IN list: an account of an agency no longer in the installation sees nothing
  const visible = visibleAgencies(actor).length ? visibleAgencies(actor) : [''];
  const ownRegencies = regencyPattern(PROVINCES.filter((a) => visible.includes(a.code)));
  const seen = [`${code} IN (:...scopeVisible)`];
  if (ownRegencies) seen.push(`${code} ~ :scopeOwnRegencies`);
  if (isOperator(actor)) {
    const anyRegency = regencyPattern(PROVINCES);
    seen.push(`${code} IS NULL OR NOT (${code} IN (:...scopeAll)${anyRegency ? ` OR ${code} ~ :scopeAnyRegency` : ''})`);
    return {
      sql: `(${seen.join(' OR ')})`,
      params: {
        scopeVisible: visible,
        scopeOwnRegencies: ownRegencies,
        scopeAll: AGENCIES.map((a) => a.code),
        scopeAnyRegency: anyRegency,
      },
    };
  }
  return { sql: `(${seen.join(' OR ')})`, params: { scopeVisible: visible, scopeOwnRegencies: ownRegencies } };
}
