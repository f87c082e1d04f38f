/**
 * Duplicate detection, pure: other cases of the same person (or, where the standard says one
 * per household, the same KK) for the same service, and national programmes in the registry
 * that exclude the service.
 */
import type { DuplicateView } from '#contracts';
import type { EligibilitySettings, RegistryHit } from './eligibility.js';

/** The statuses of a case that is still being verified. */
export const OPEN_STATUSES = ['AWAITING_ASSESSMENT', 'IN_FIELD_VERIFICATION'];

/** Another case of the same service that shares the person or the household. */
export interface OtherCase {
  id: string;
  applicationId: string;
  ticketNumber: string | null;
  status: string;
  /** when disbursement paid its recipient (sigap.disbursement.recipient.paid.v1), if it did */
  paidAt: Date | null;
  /** the beneficiary's NIK, else the applicant's */
  person: string;
  kk: string | null;
  openedAt: Date;
}

export interface DuplicateInput {
  serviceCode: string;
  /** the person the case is about: the beneficiary's NIK, else the applicant's */
  person: string;
  kk: string;
  settings: Pick<EligibilitySettings, 'onePerHousehold' | 'notInPrograms'>;
  others: OtherCase[];
  registry: { applicant?: RegistryHit; beneficiary?: RegistryHit };
  /** the first instant of the current fiscal year (1 January, local time) */
  fiscalYearStart: Date;
}

export function findDuplicates(input: DuplicateInput): DuplicateView[] {
  const { serviceCode, person, settings: s, fiscalYearStart: fy } = input;
  const out: DuplicateView[] = [];
  for (const o of input.others) {
    const ref = { caseId: o.id, applicationId: o.applicationId, ticketNumber: o.ticketNumber };
    const name = o.ticketNumber ?? o.applicationId;
    const paidThisYear = !!o.paidAt && o.paidAt >= fy;
    if (o.person === person) {
      if (paidThisYear) {
        out.push({ kind: 'PAID_THIS_YEAR', other: ref, message: `Already paid by ${serviceCode} this fiscal year (${name})` });
      } else if (!o.paidAt && (OPEN_STATUSES.includes(o.status) || o.status === 'VERIFIED')) {
        out.push({ kind: 'OPEN_CASE_SAME_SERVICE', other: ref, message: `Another open application for ${serviceCode}: ${name}` });
      }
    } else if (
      s.onePerHousehold &&
      o.kk === input.kk &&
      o.status !== 'REJECTED' &&
      o.status !== 'CLOSED' &&
      (o.openedAt >= fy || paidThisYear)
    ) {
      out.push({
        kind: 'SAME_HOUSEHOLD',
        other: ref,
        message: `The household (KK) already has an application for ${serviceCode} this fiscal year: ${name}`,
      });
    }
  }
  for (const h of [input.registry.beneficiary, input.registry.applicant]) {
    for (const p of h?.programs ?? []) {
      if (s.notInPrograms?.includes(p) && !out.some((d) => d.kind === 'NATIONAL_PROGRAMME' && d.other.programme === p)) {
        out.push({
          kind: 'NATIONAL_PROGRAMME',
          other: { programme: p, snapshotId: h!.snapshotId, row: h!.row },
          message: `Already on ${p}, a national programme that excludes this service (DTSEN row ${h!.row})`,
        });
      }
    }
  }
  return out;
}
