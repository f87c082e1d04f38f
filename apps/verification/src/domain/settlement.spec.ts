import { describe, expect, it } from '@jest/globals';
import type { RuleResult } from './eligibility.js';
import { applySettlements } from './settlement.js';

const r = (rule: string, outcome: RuleResult['outcome']): RuleResult => ({ rule, outcome, message: `${rule} says`, evidence: [] });

describe('settling a rule that needs review', () => {
  it("turns a NEEDS_REVIEW rule into the verifier's outcome, keeping the evaluation's words and the reason", () => {
    const out = applySettlements(
      [r('REGISTRY_OR_PMKS', 'NEEDS_REVIEW'), r('TARGET_GROUP', 'PASSED')],
      [{ rule: 'REGISTRY_OR_PMKS', outcome: 'PASSED', reason: 'Ada di data PMKS kelurahan', settledBy: 'budi' }],
    );
    expect(out[0]).toMatchObject({
      outcome: 'PASSED',
      message: 'REGISTRY_OR_PMKS says — settled PASSED by budi: Ada di data PMKS kelurahan',
    });
    expect(out[1]).toEqual(r('TARGET_GROUP', 'PASSED'));
  });

  it('no longer applies once the evaluation answers the rule by itself', () => {
    const out = applySettlements(
      [r('REGISTRY_OR_PMKS', 'FAILED')],
      [{ rule: 'REGISTRY_OR_PMKS', outcome: 'PASSED', reason: 'x', settledBy: 'budi' }],
    );
    expect(out[0].outcome).toBe('FAILED');
  });

  it('settles FAILED too', () => {
    const out = applySettlements(
      [r('NO_DUPLICATE', 'NEEDS_REVIEW')],
      [{ rule: 'NO_DUPLICATE', outcome: 'FAILED', reason: 'Sama orangnya', settledBy: 'sari' }],
    );
    expect(out[0].outcome).toBe('FAILED');
  });
});
