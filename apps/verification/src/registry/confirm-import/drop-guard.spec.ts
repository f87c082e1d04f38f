import { describe, expect, it } from '@jest/globals';
import { dropPercent, needsConfirmation } from './drop-guard.js';

describe('registry import drop guard', () => {
  it('holds an import whose accepted rows fall by more than the share, and only then', () => {
    // the default share, 20%: 1000 → 800 is a fall of exactly 20% (allowed), 799 is more
    expect(needsConfirmation(1000, 800, 20)).toBe(false);
    expect(needsConfirmation(1000, 799, 20)).toBe(true);
    expect(needsConfirmation(1000, 0, 20)).toBe(true);
    expect(needsConfirmation(1000, 1500, 20)).toBe(false);
    // 0 holds any fall, 100 none
    expect(needsConfirmation(1000, 999, 0)).toBe(true);
    expect(needsConfirmation(1000, 1000, 0)).toBe(false);
    expect(needsConfirmation(1000, 0, 100)).toBe(false);
    // a fractional share
    expect(needsConfirmation(10_000, 8_749, 12.5)).toBe(true);
    expect(needsConfirmation(10_000, 8_750, 12.5)).toBe(false);
  });

  it('never holds an agency’s first snapshot, nor one replacing an empty snapshot', () => {
    expect(needsConfirmation(null, 0, 20)).toBe(false);
    expect(needsConfirmation(0, 10, 20)).toBe(false);
  });

  it('says how far the rows fell, in percent', () => {
    expect(dropPercent(1000, 300)).toBe(70);
    expect(dropPercent(3, 2)).toBe(33.33);
    expect(dropPercent(1000, 1200)).toBe(0);
    expect(dropPercent(0, 5)).toBe(0);
  });
});
