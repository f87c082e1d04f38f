import { describe, expect, it } from '@jest/globals';
import { allowedType, matchesSignature } from './content-type.js';

describe('a visit file is what it says it is', () => {
  it('takes JPEG, PNG and PDF (with the usual aliases and parameters), nothing else', () => {
    expect(allowedType('image/jpeg')).toBe('image/jpeg');
    expect(allowedType('image/jpg')).toBe('image/jpeg');
    expect(allowedType('IMAGE/PNG')).toBe('image/png');
    expect(allowedType('application/pdf; name=x.pdf')).toBe('application/pdf');
    for (const t of ['text/html', 'image/svg+xml', 'image/gif', 'application/octet-stream', '', undefined])
      expect(allowedType(t)).toBeUndefined();
  });

  it('checks the first bytes against the declared type', () => {
    const jpeg = Buffer.from('ffd8ffe000104a464946', 'hex');
    const png = Buffer.from('89504e470d0a1a0a0000', 'hex');
    const pdf = Buffer.from('%PDF-1.7\n');
    expect(matchesSignature('image/jpeg', jpeg)).toBe(true);
    expect(matchesSignature('image/png', png)).toBe(true);
    expect(matchesSignature('application/pdf', pdf)).toBe(true);
    expect(matchesSignature('image/jpeg', png)).toBe(false);
    expect(matchesSignature('image/png', Buffer.from('<html><script>'))).toBe(false);
    expect(matchesSignature('application/pdf', Buffer.from('%PD'))).toBe(false);
  });
});
