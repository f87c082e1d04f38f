/**
 * The benefit amount of a service standard, read the same way by intake (the standard's view),
 * disbursement (a proposal's amounts, through `Rpc.intake.getStandard`) and the dashboard.
 * Amounts are whole Rupiah as decimal strings; nothing here is a number.
 */
import type { StandardDefinition } from './standard-definition.js';

/** Whether the standard's applications are paid out by disbursement (its lifecycle has disbursement's steps). */
export function paysBenefit(def: Pick<StandardDefinition, 'lifecycle'>): boolean {
  return def.lifecycle.transitions.some((t) => (t.systems ?? []).includes('disbursement'));
}

/**
 * The amount a recipient of this target group is given: the group's own amount, else the
 * standard's; null while it is unset (no default is ever invented: a proposal waits for it).
 */
export function benefitAmountFor(def: Pick<StandardDefinition, 'benefit'>, targetGroup: string | null | undefined): string | null {
  const own = targetGroup ? def.benefit?.byTargetGroup?.find((g) => g.targetGroup === targetGroup)?.amount : undefined;
  return own ?? def.benefit?.amount ?? null;
}

/** The benefit setting as the standard's view shows it. */
export interface BenefitAmountView {
  /** the standard is paid out by disbursement, so its amount must be set before a proposal */
  required: boolean;
  /** every recipient has an amount: the standard's, or their target group's */
  set: boolean;
  /** the standard's amount (whole Rupiah), null when unset */
  amount: string | null;
  /** amounts of target groups that differ */
  byTargetGroup: Array<{ targetGroup: string; amount: string }>;
  /** target groups (or `"*"` for a standard without groups) that have no amount yet */
  unset: string[];
}

export function benefitAmountView(def: Pick<StandardDefinition, 'benefit' | 'lifecycle' | 'targetGroups'>): BenefitAmountView {
  const groups = def.targetGroups.map((g) => g.code);
  const unset = groups.length ? groups.filter((g) => benefitAmountFor(def, g) === null) : def.benefit?.amount ? [] : ['*'];
  return {
    required: paysBenefit(def),
    set: unset.length === 0,
    amount: def.benefit?.amount ?? null,
    byTargetGroup: (def.benefit?.byTargetGroup ?? []).map((g) => ({ targetGroup: g.targetGroup, amount: g.amount })),
    unset,
  };
}
