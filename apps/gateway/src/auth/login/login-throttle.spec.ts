import { describe, expect, it } from '@jest/globals';
import { failureDelayMs, LoginThrottle } from './login-throttle.service.js';

describe('failed-login delay', () => {
  it('doubles from the base with each failure and caps at 4 s', () => {
    expect([0, 1, 2, 3, 4].map((n) => failureDelayMs(n, 250))).toEqual([0, 250, 500, 1000, 2000]);
    expect(failureDelayMs(10, 250)).toBe(4000);
    expect(failureDelayMs(3, 0)).toBe(0);
  });

  it('counts usernames case-insensitively', () => {
    expect(LoginThrottle.userKey('  Admin ')).toBe(LoginThrottle.userKey('admin'));
  });
});
