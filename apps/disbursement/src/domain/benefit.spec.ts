import { describe, expect, it } from '@jest/globals';
import { benefitAmountOf } from './benefit.js';

describe('the benefit amount of a standard', () => {
  it('is unset with no invented default, and says who sets it', () => {
    const r = benefitAmountOf({ code: 'SANTUNAN_ANAK', agencyCode: '33.04' }, 'ANAK_TERLANTAR');
    expect(r).toEqual({
      ok: false,
      reason: expect.stringContaining('SANTUNAN_ANAK of agency 33.04 has no benefit amount for target group ANAK_TERLANTAR'),
    });
  });

  it('takes the target group’s amount before the standard’s', () => {
    const std = { code: 'BANSOS_REHSOS', benefit: { amount: '500000', byTargetGroup: [{ targetGroup: 'LANSIA', amount: '300000' }] } };
    expect(benefitAmountOf(std, 'LANSIA')).toEqual({ ok: true, amount: 300_000n });
    expect(benefitAmountOf(std, 'WRSE')).toEqual({ ok: true, amount: 500_000n });
    // a group's own amount without a standard-wide one: the others have none
    const groupsOnly = { code: 'X', benefit: { byTargetGroup: [{ targetGroup: 'LANSIA', amount: '1' }] } };
    expect(benefitAmountOf(groupsOnly, 'LANSIA')).toEqual({ ok: true, amount: 1n });
    expect(benefitAmountOf(groupsOnly, 'DISABILITAS').ok).toBe(false);
  });

  it('refuses what is not whole Rupiah and zero rather than round them, and keeps amounts beyond a double exact', () => {
    expect(benefitAmountOf({ benefit: { amount: 1500000.5 as unknown as string } }, null).ok).toBe(false);
    expect(benefitAmountOf({ benefit: { amount: '1500000.50' } }, null).ok).toBe(false);
    expect(benefitAmountOf({ benefit: { amount: '0' } }, null).ok).toBe(false);
    expect(benefitAmountOf({ benefit: { amount: '9007199254740993' } }, null)).toEqual({ ok: true, amount: 9_007_199_254_740_993n });
  });
});
