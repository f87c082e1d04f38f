import { describe, expect, it } from '@jest/globals';
import { canonicalJson, isValidIdempotencyKey, requestHash } from './request-hash.js';

describe('request hashing for Idempotency-Key', () => {
  it('ignores key order at every level', () => {
    const a = { username: 'siti', roles: ['A', 'B'], nested: { x: 1, y: [{ b: 2, a: 1 }] } };
    const b = { nested: { y: [{ a: 1, b: 2 }], x: 1 }, roles: ['A', 'B'], username: 'siti' };
    expect(canonicalJson(a)).toBe(canonicalJson(b));
    expect(requestHash('POST', '/api/v1/users', a)).toBe(requestHash('post', '/api/v1/users', b));
  });

  it('tells apart a different body, method, path or array order', () => {
    const h = requestHash('POST', '/api/v1/users', { roles: ['A', 'B'] });
    expect(requestHash('POST', '/api/v1/users', { roles: ['B', 'A'] })).not.toBe(h);
    expect(requestHash('PATCH', '/api/v1/users', { roles: ['A', 'B'] })).not.toBe(h);
    expect(requestHash('POST', '/api/v1/users/x', { roles: ['A', 'B'] })).not.toBe(h);
    expect(requestHash('POST', '/api/v1/users', { roles: ['A', 'B'], extra: null })).not.toBe(h);
  });

  it('treats a missing body like an empty one only when both are absent', () => {
    expect(requestHash('POST', '/p', undefined)).toBe(requestHash('POST', '/p', null));
    expect(requestHash('POST', '/p', {})).not.toBe(requestHash('POST', '/p', undefined));
  });

  it('accepts UUIDs and refuses empty, long or non-ASCII keys', () => {
    expect(isValidIdempotencyKey('3f0c5a4e-8a53-4d7e-9b7a-0d6f1f2c9e11')).toBe(true);
    expect(isValidIdempotencyKey('')).toBe(false);
    expect(isValidIdempotencyKey('a'.repeat(256))).toBe(false);
    expect(isValidIdempotencyKey('kunci rahasia')).toBe(false);
  });
});
