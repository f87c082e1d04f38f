/**
 * The decision on a case, as a pure function of its rules and its field stages: a stage that
 * found the applicant not eligible rejects at once (the first one, in the stages' order); else
 * the next waiting stage opens; once every stage answered, a FAILED rule rejects; a rule still
 * NEEDS_REVIEW waits for a verifier's settlement when no field stage looked at the applicant;
 * otherwise the case is verified.
 */
import type { RuleOutcome } from '#contracts';
import { publicRejection, stageName, type Bilingual } from './public-reasons.js';

export type StageStatus = 'WAITING' | 'OPEN' | 'DONE' | 'CANCELLED';

export interface StageState {
  taskId: string;
  stage: string;
  position: number;
  status: StageStatus;
  /** the answering visit's recommendation, once DONE */
  recommendation?: 'ELIGIBLE' | 'NOT_ELIGIBLE' | null;
  findings?: string | null;
  /** what the officer wrote for the citizen, if anything */
  publicReason?: string | null;
}

export interface RuleState {
  rule: string;
  outcome: RuleOutcome;
  message: string;
}

export type Decision =
  | { kind: 'REJECT'; reason: string; publicReason: Bilingual }
  | { kind: 'OPEN_STAGE'; taskId: string; stage: string }
  | { kind: 'VERIFY'; reason: string }
  | { kind: 'WAIT'; for: 'FIELD_STAGE' | 'NEEDS_REVIEW'; rules?: string[] };

/** What happens next to a case, given its rules (settlements already applied) and its stages. */
export function decide(input: { rules: RuleState[]; stages: StageState[] }): Decision {
  const stages = [...input.stages].filter((s) => s.status !== 'CANCELLED').sort((a, b) => a.position - b.position);
  const refused = stages.find((s) => s.status === 'DONE' && s.recommendation === 'NOT_ELIGIBLE');
  if (refused) {
    const name = stageName(refused.stage);
    const own = refused.publicReason?.trim();
    return {
      kind: 'REJECT',
      reason: `${name.id}: ${refused.findings ?? ''}`.trim(),
      publicReason: own
        ? { id: own, en: own }
        : {
            id: `Hasil ${name.id} menyatakan permohonan belum memenuhi syarat.`,
            en: `The ${name.en} found that the application does not meet the requirements.`,
          },
    };
  }
  if (stages.some((s) => s.status === 'OPEN')) return { kind: 'WAIT', for: 'FIELD_STAGE' };
  const next = stages.find((s) => s.status === 'WAITING');
  if (next) return { kind: 'OPEN_STAGE', taskId: next.taskId, stage: next.stage };

  const failed = input.rules.filter((r) => r.outcome === 'FAILED');
  if (failed.length)
    return { kind: 'REJECT', reason: failed.map((f) => f.message).join('; '), publicReason: publicRejection(failed.map((f) => f.rule)) };
  const review = input.rules.filter((r) => r.outcome === 'NEEDS_REVIEW').map((r) => r.rule);
  if (review.length && !stages.length) return { kind: 'WAIT', for: 'NEEDS_REVIEW', rules: review };
  if (stages.length) {
    // a rule that needed review was looked at by the stages that found the applicant eligible
    return {
      kind: 'VERIFY',
      reason: `Every verification stage found the applicant eligible${review.length ? `; reviewed in the field: ${review.join(', ')}` : ''}`,
    };
  }
  return { kind: 'VERIFY', reason: 'Every rule passed (settled by a verifier where it needed review); the standard has no field stage' };
}
