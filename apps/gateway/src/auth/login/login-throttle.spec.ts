import { describe, expect, it } from '@jest/globals';
import { failureDelayMs, LoginThrottle } from './login-throttle.service.js';

describe('failed-login delay', () => {
  const settings = { base: 250, max: 10_000 };

  it('waits nothing within the free failures, then doubles from the base', () => {
    expect([0, 1, 2, 3, 4, 5, 6].map((n) => failureDelayMs(n, 3, settings))).toEqual([0, 0, 0, 0, 250, 500, 1000]);
  });

  it('never waits longer than the maximum, however many failures (nobody is locked out)', () => {
    expect(failureDelayMs(30, 3, settings)).toBe(10_000);
    expect(failureDelayMs(1_000_000, 0, settings)).toBe(10_000);
    expect(failureDelayMs(50, 0, { base: 250, max: 1500 })).toBe(1500);
    expect(failureDelayMs(5, 0, { base: 0, max: 1500 })).toBe(0);
  });

  it('counts usernames case-insensitively', () => {
    expect(LoginThrottle.userKey('  Admin ')).toBe(LoginThrottle.userKey('admin'));
  });
});
