/**
 * The benefit amount of a service standard, per target group where it differs: a typed setting
 * of the standard in intake (`benefit: { amount, byTargetGroup: [{ targetGroup, amount }] }`,
 * versioned with it, no invented default). Disbursement reads it from the standard's view
 * (`Rpc.intake.getStandard`) with the one reader intake and the dashboard use
 * (`benefitAmountFor`), and says clearly when nothing is set. Pure: no I/O.
 */
import { benefitAmountFor, RUPIAH, type StandardDefinition } from '#contracts';

export type BenefitLookup = { ok: true; amount: bigint } | { ok: false; reason: string };

type StandardLike = Partial<Pick<StandardDefinition, 'benefit'>> & { code?: string; agencyCode?: string };

/** The amount the standard gives a recipient of `targetGroup` (null: none), or why there is none. */
export function benefitAmountOf(standard: StandardLike, targetGroup: string | null): BenefitLookup {
  const name = standard.code ?? 'the standard';
  const found = benefitAmountFor({ benefit: standard.benefit }, targetGroup);
  if (found === null) {
    return {
      ok: false,
      reason:
        `${name} of agency ${standard.agencyCode ?? '?'} has no benefit amount${targetGroup ? ` for target group ${targetGroup}` : ''}: ` +
        'the agency admin sets it in the standard (catalog) before a proposal can be made',
    };
  }
  // whole Rupiah as a string, never a number (intake validates it too: read defensively all the same)
  if (typeof found !== 'string' || !RUPIAH.test(found)) return { ok: false, reason: `the benefit amount of ${name} is not whole Rupiah` };
  if (found === '0') return { ok: false, reason: `the benefit amount of ${name}${targetGroup ? ` for ${targetGroup}` : ''} is 0` };
  return { ok: true, amount: BigInt(found) };
}
