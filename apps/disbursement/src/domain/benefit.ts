/**
 * The benefit amount of a service standard, per target group where it differs: a typed setting
 * of the standard in intake (versioned with it, no invented default). Disbursement reads it from
 * the standard's view (`Rpc.intake.getStandard`). Pure: no I/O.
 *
 * Read shapes, most specific first (the standard's view is intake's, so this reader accepts
 * what intake publishes and says clearly when nothing is set):
 * - `benefit: { amount?: "1500000", byTargetGroup?: { LANSIA: "300000" } }`
 * - `benefit: { amounts: [{ targetGroup: "LANSIA" | null, amount: "300000" }] }`
 * - `targetGroups: [{ code: "LANSIA", benefitAmount: "300000" }]`, and `benefitAmount: "1500000"`
 */
const RUPIAH = /^(0|[1-9]\d{0,17})$/;

export type BenefitLookup = { ok: true; amount: bigint } | { ok: false; reason: string };

function rupiah(v: unknown): bigint | null {
  if (typeof v === 'string' && RUPIAH.test(v)) return BigInt(v);
  if (typeof v === 'bigint' && v >= 0n) return v;
  // a number is accepted only as a safe whole number (intake keeps strings; never a float on the path)
  if (typeof v === 'number' && Number.isSafeInteger(v) && v >= 0) return BigInt(v);
  return null;
}

/** The amount the standard gives a recipient of `targetGroup` (null: none), or why there is none. */
export function benefitAmountOf(standard: Record<string, any>, targetGroup: string | null): BenefitLookup {
  const b = standard?.benefit;
  const candidates: unknown[] = [];
  if (b && typeof b === 'object') {
    if (targetGroup && b.byTargetGroup && typeof b.byTargetGroup === 'object') candidates.push(b.byTargetGroup[targetGroup]);
    if (Array.isArray(b.amounts)) {
      if (targetGroup) candidates.push(b.amounts.find((a: any) => a?.targetGroup === targetGroup)?.amount);
      candidates.push(b.amounts.find((a: any) => a?.targetGroup == null)?.amount);
    }
    candidates.push(b.amount);
  }
  if (targetGroup && Array.isArray(standard?.targetGroups)) {
    candidates.push(standard.targetGroups.find((t: any) => t?.code === targetGroup)?.benefitAmount);
  }
  candidates.push(standard?.benefitAmount);
  for (const c of candidates) {
    if (c === undefined || c === null || c === '') continue;
    const amount = rupiah(c);
    if (amount === null) return { ok: false, reason: `the benefit amount of ${standard?.code ?? 'the standard'} is not whole Rupiah` };
    if (amount === 0n) return { ok: false, reason: `the benefit amount of ${standard?.code ?? 'the standard'}${targetGroup ? ` for ${targetGroup}` : ''} is 0` };
    return { ok: true, amount };
  }
  return {
    ok: false,
    reason: `${standard?.code ?? 'the standard'} of agency ${standard?.agencyCode ?? '?'} has no benefit amount${targetGroup ? ` for target group ${targetGroup}` : ''}: `
      + 'the agency admin sets it in the standard (catalog) before a proposal can be made',
  };
}
