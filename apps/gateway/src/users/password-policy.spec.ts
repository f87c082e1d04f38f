import { describe, expect, it } from '@jest/globals';
import { passwordProblems } from './password-policy.js';

describe('passwordProblems', () => {
  it('accepts a long enough password unrelated to the username', () => {
    expect(passwordProblems('correct horse battery', 'siti')).toEqual([]);
  });
  it('refuses short ones, the username inside, and one repeated character', () => {
    expect(passwordProblems('short', 'siti').map((p) => p.message)).toEqual(['password must be at least 10 characters long']);
    expect(passwordProblems('xxSITI2026xx', 'siti')[0].message).toBe('password must not contain the username');
    expect(passwordProblems('aaaaaaaaaaaa', 'siti')[0].message).toBe('password must not be one character repeated');
    expect(passwordProblems('short', 'siti', 'newPassword')[0].path).toBe('newPassword');
  });
});
