import { describe, expect, it } from '@jest/globals';
import { ceilingRefusal, fiscalYearOf, fits, remaining } from './budget.js';

describe('budget line rules', () => {
  const line = { ceiling: 45_000_000n, committed: 44_000_000n };

  it('leaves ceiling − committed for a new commitment, exactly, beyond a double', () => {
    expect(remaining(line)).toBe(1_000_000n);
    expect(remaining({ ceiling: 9_007_199_254_740_993n, committed: 1n })).toBe(9_007_199_254_740_992n);
    expect(remaining({ ceiling: 5n, committed: 5n })).toBe(0n);
  });

  it('fits the last rupiah and not one more', () => {
    expect(fits(line, 1_000_000n)).toBe(true);
    expect(fits(line, 1_000_001n)).toBe(false);
    expect(fits(line, -1n)).toBe(false);
  });

  it('refuses a ceiling below what is committed, and accepts one equal to it', () => {
    expect(ceilingRefusal(line, 43_999_999n)).toMatch(/below what is already committed \(44000000\)/);
    expect(ceilingRefusal(line, 44_000_000n)).toBeNull();
    expect(ceilingRefusal(line, -1n)).toMatch(/negative/);
  });

  it('counts the fiscal year in Western Indonesia Time', () => {
    expect(fiscalYearOf(new Date('2026-12-31T17:30:00Z'))).toBe(2027);
    expect(fiscalYearOf(new Date('2026-12-31T16:59:00Z'))).toBe(2026);
  });
});
