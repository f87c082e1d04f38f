import { describe, expect, it } from '@jest/globals';
import { isUuid } from './uuid.js';

describe('isUuid', () => {
  it('accepts a UUID in either case', () => {
    expect(isUuid('0b7f8a4e-5d1c-4a57-9c1e-2f6a1b0c9d11')).toBe(true);
    expect(isUuid('0B7F8A4E-5D1C-4A57-9C1E-2F6A1B0C9D11')).toBe(true);
  });

  it.each([
    ['not-a-uuid'],
    ['-'.repeat(36)],
    ['0b7f8a4e5d1c4a579c1e2f6a1b0c9d11'],
    ['0b7f8a4e-5d1c-4a57-9c1e-2f6a1b0c9d11x'],
    [''],
    [null],
    [42],
  ])('refuses %p', (v) => expect(isUuid(v)).toBe(false));
});
