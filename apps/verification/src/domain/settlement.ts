/**
 * A verifier's settlement of a rule that came out NEEDS_REVIEW: PASSED or FAILED, with a reason.
 * It holds as long as the rule still needs review; when a later assessment (a new registry
 * snapshot) answers the rule PASSED or FAILED by itself, that answer counts and the settlement
 * no longer applies.
 */
import type { RuleOutcome } from '#contracts';
import type { RuleResult } from './eligibility.js';

export type SettledOutcome = Extract<RuleOutcome, 'PASSED' | 'FAILED'>;

export interface Settlement {
  rule: string;
  outcome: SettledOutcome;
  reason: string;
  settledBy: string;
}

/** The rule results with the settlements applied to the rules that still need review. */
export function applySettlements(results: RuleResult[], settlements: Settlement[]): RuleResult[] {
  return results.map((r) => {
    const s = settlements.find((x) => x.rule === r.rule);
    if (!s || r.outcome !== 'NEEDS_REVIEW') return r;
    return { ...r, outcome: s.outcome, message: settledMessage(r.message, s) };
  });
}

/** The rule's message once settled: what the evaluation said, then who settled it how and why. */
export function settledMessage(message: string, s: Pick<Settlement, 'outcome' | 'reason' | 'settledBy'>): string {
  return `${message} — settled ${s.outcome} by ${s.settledBy}: ${s.reason}`;
}
