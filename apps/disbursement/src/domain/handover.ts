import { createHash } from 'node:crypto';
import type { DecreeLineStatus, FieldError, RecordHandoverRequest } from '#contracts';

/** a handover may be dated this far after the service's clock (a field officer's phone a little ahead) */
export const HANDOVER_CLOCK_SKEW_MS = 5 * 60_000;

/** The handover as recorded: the body with its defaults, the time as an instant. */
export interface HandoverFacts {
  handedOverAt: string;
  place: string;
  receivedBy: string;
  representative: boolean;
  representativeRelation: string | null;
  signatureRef: string;
  photoRef: string;
  note: string | null;
}

/** The body normalised: trimmed text, the time as a UTC instant (the same moment in another offset is the same handover). */
export function handoverFacts(b: RecordHandoverRequest): HandoverFacts {
  const text = (s: string | null | undefined) => (s == null || s.trim() === '' ? null : s.trim());
  return {
    handedOverAt: new Date(b.handedOverAt).toISOString(),
    place: b.place.trim(),
    receivedBy: b.receivedBy.trim(),
    representative: b.representative === true,
    representativeRelation: b.representative === true ? text(b.representativeRelation) : null,
    signatureRef: b.signatureRef.trim(),
    photoRef: b.photoRef.trim(),
    note: text(b.note),
  };
}

/** A digest of the facts: the same body sent again is the same handover, answered as the first time. */
export function handoverDigest(f: HandoverFacts): string {
  const ordered = [f.handedOverAt, f.place, f.receivedBy, f.representative, f.representativeRelation, f.signatureRef, f.photoRef, f.note];
  return createHash('sha256').update(JSON.stringify(ordered)).digest('hex');
}

/**
 * Whether the time of a handover can be true: not in the future (beyond the allowed skew), not
 * before the decree that names the recipient.
 */
export function checkHandoverTime(handedOverAt: string, now: Date, decreeDate: string): FieldError[] {
  const at = new Date(handedOverAt).getTime();
  if (at > now.getTime() + HANDOVER_CLOCK_SKEW_MS) return [{ path: 'handedOverAt', message: 'must not be in the future' }];
  // the decree's date in WIB, where the agencies count their days
  if (at < new Date(`${decreeDate}T00:00:00+07:00`).getTime()) {
    return [{ path: 'handedOverAt', message: `must not be before the decree's date (${decreeDate})` }];
  }
  return [];
}

/**
 * Who may be handed over: only a PAID recipient. The standards hand over what the finance office
 * paid (seed 001: the budget disbursed through DPPKAD, then the handover; seed 003: the recipients
 * to Bank Jatim for accounts, the schedule, then the distribution with the lurah), so the money is
 * in the recipient's account when the BAST is signed. Anything else says what the recipient is.
 */
export function handoverRefusal(status: DecreeLineStatus): string | null {
  switch (status) {
    case 'PAID':
      return null;
    case 'PENDING':
      return 'is PENDING: not requested from the finance office yet';
    case 'REQUESTED':
      return 'is REQUESTED: the finance office has not paid yet';
    case 'FAILED':
      return 'is FAILED: the payment was rejected, correct and request it again';
    case 'NOT_PAID':
      return 'is NOT_PAID: given up, it is never handed over';
  }
}

/** The BAST's number: the agency, the year and the agency's count of the year, e.g. `BAST/35.75/2026/000017`. */
export function bastNumber(agencyCode: string, year: number, n: number): string {
  return `BAST/${agencyCode}/${year}/${String(n).padStart(6, '0')}`;
}
