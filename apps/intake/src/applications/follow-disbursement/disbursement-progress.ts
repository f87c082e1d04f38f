/**
 * Where disbursement's events put an application, as a pure function of what intake has heard
 * (the facts), never of the order it heard it in: events come on six durables with no order
 * between them, late, twice, or before verification's decision reached intake.
 *
 * - the handover (BAST) → HANDED_OVER; a final failure → NOT_PAID; a payment → DISBURSING;
 *   a decree → DECREED;
 * - a proposal submitted and not returned since (by the events' own times, so a return that
 *   comes late does not undo a later resubmission) → PROPOSED; every proposal returned → VERIFIED.
 *
 * The application then walks there one step at a time along the lifecycle (a payment heard
 * before its decree: PROPOSED → DECREED → DISBURSING), each step a history entry and a
 * status-changed event. A status behind where the application already is changes nothing.
 */

export type FactKind = 'PROPOSED' | 'RETURNED' | 'DECREED' | 'PAID' | 'NOT_PAID' | 'HANDED_OVER';

export interface ProgressFact {
  kind: FactKind;
  /** the event's own time (submittedAt, returnedAt, decreeDate, paidAt, failedAt, handedOverAt) */
  at: Date;
  /** what the history says: proposalId, decreeNumber, sp2dNumber, bastNumber, reasons */
  detail: Record<string, string | null>;
}

/** The forward path disbursement walks; NOT_PAID leaves it from DECREED or DISBURSING. */
export const DISBURSEMENT_PATH = ['VERIFIED', 'PROPOSED', 'DECREED', 'DISBURSING', 'HANDED_OVER'] as const;
export type ProgressStatus = (typeof DISBURSEMENT_PATH)[number] | 'NOT_PAID';

/** The status the facts put the application in; null when they say nothing yet. */
export function progressTarget(facts: readonly ProgressFact[]): ProgressStatus | null {
  const has = (k: FactKind) => facts.some((f) => f.kind === k);
  if (has('HANDED_OVER')) return 'HANDED_OVER';
  if (has('NOT_PAID')) return 'NOT_PAID';
  if (has('PAID')) return 'DISBURSING';
  if (has('DECREED')) return 'DECREED';
  const latest = new Map<string, { submitted: number; returned: number }>();
  for (const f of facts) {
    if (f.kind !== 'PROPOSED' && f.kind !== 'RETURNED') continue;
    const id = f.detail.proposalId ?? '';
    const e = latest.get(id) ?? { submitted: -Infinity, returned: -Infinity };
    if (f.kind === 'PROPOSED') e.submitted = Math.max(e.submitted, f.at.getTime());
    else e.returned = Math.max(e.returned, f.at.getTime());
    latest.set(id, e);
  }
  if (!latest.size) return null;
  // a return at the same instant as the submission is the later act (the head answers a proposal)
  return [...latest.values()].some((e) => e.submitted > e.returned) ? 'PROPOSED' : 'VERIFIED';
}

/**
 * The statuses to pass through, in order, from `current` to `target`: forward along the path,
 * one step back from PROPOSED to VERIFIED (a returned proposal), to NOT_PAID through DECREED.
 * Empty when the application is already there or beyond, or not on the path (still in
 * verification: it follows once the decision arrives; closed: nothing more happens).
 */
export function stepsTo(current: string, target: ProgressStatus | null): ProgressStatus[] {
  if (!target || current === target) return [];
  const i = DISBURSEMENT_PATH.indexOf(current as never);
  if (i < 0) return [];
  if (target === 'NOT_PAID') {
    if (current === 'HANDED_OVER') return [];
    const decreed = DISBURSEMENT_PATH.indexOf('DECREED');
    return [...DISBURSEMENT_PATH.slice(i + 1, Math.max(i + 1, decreed + 1)), 'NOT_PAID'];
  }
  const j = DISBURSEMENT_PATH.indexOf(target);
  if (j > i) return [...DISBURSEMENT_PATH.slice(i + 1, j + 1)];
  if (current === 'PROPOSED' && target === 'VERIFIED') return ['VERIFIED'];
  return [];
}

/** The latest fact of a kind (the one a step's history entry tells). */
export function latestFact(facts: readonly ProgressFact[], kind: FactKind): ProgressFact | undefined {
  return facts.filter((f) => f.kind === kind).sort((a, b) => b.at.getTime() - a.at.getTime())[0];
}

export interface StepReason {
  /** staff's reason, kept in the history */
  reason: string;
  /** the citizen's: what the status page and status-changed show (no personal data, no staff note) */
  publicReason: string | null;
}

/** Why the application took this step, from the facts (an implied step says what implied it). */
export function stepReason(step: ProgressStatus, facts: readonly ProgressFact[], target: ProgressStatus): StepReason {
  const implied = step !== target ? ` (implied: ${target} was heard first)` : '';
  switch (step) {
    case 'PROPOSED': {
      const f = latestFact(facts, 'PROPOSED') ?? latestFact(facts, 'DECREED');
      return {
        reason: `proposal ${f?.detail.proposalId ?? '?'} submitted${implied}`,
        publicReason: 'Diusulkan sebagai calon penerima bantuan.',
      };
    }
    case 'VERIFIED': {
      const f = latestFact(facts, 'RETURNED');
      const note = f?.detail.reason ? `: ${f.detail.reason}` : '';
      return {
        reason: `proposal ${f?.detail.proposalId ?? '?'} returned by the head${note}`,
        publicReason: 'Usulan dikembalikan untuk ditinjau kembali.',
      };
    }
    case 'DECREED': {
      const f = latestFact(facts, 'DECREED');
      const no =
        f?.detail.decreeNumber ?? latestFact(facts, 'PAID')?.detail.decreeNumber ?? latestFact(facts, 'NOT_PAID')?.detail.decreeNumber;
      const date = f?.detail.decreeDate ? ` tanggal ${f.detail.decreeDate}` : '';
      return {
        reason: `decree ${no ?? '?'}${date} issued${implied}`,
        publicReason: no ? `Ditetapkan sebagai penerima dalam SK Nomor ${no}${date}.` : 'Ditetapkan sebagai penerima.',
      };
    }
    case 'DISBURSING': {
      const f = latestFact(facts, 'PAID');
      return {
        reason: `paid by the finance office${f?.detail.sp2dNumber ? `, SP2D ${f.detail.sp2dNumber}` : ''}${implied}`,
        publicReason: 'Dana bantuan telah dicairkan; menunggu penyaluran.',
      };
    }
    case 'HANDED_OVER': {
      const f = latestFact(facts, 'HANDED_OVER');
      return {
        reason: `handed over, BAST ${f?.detail.bastNumber ?? '?'}`,
        publicReason: 'Bantuan telah diserahkan kepada penerima.',
      };
    }
    case 'NOT_PAID': {
      const f = latestFact(facts, 'NOT_PAID');
      return {
        reason: `cannot be paid: ${f?.detail.reason ?? '?'}`,
        publicReason: f?.detail.publicReason ?? 'Bantuan tidak dapat disalurkan. Silakan menghubungi Dinas Sosial.',
      };
    }
  }
}
