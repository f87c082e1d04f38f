import { describe, expect, it } from '@jest/globals';
import { FILED_AT_MAX_SKEW_MS, filedAt } from './ext/application-submitted.event.js';

describe('filedAt: when the applicant filed', () => {
  const received = new Date('2026-11-20T03:15:00Z');

  it('is occurredAt when earlier than receipt (in any offset), and receipt without one', () => {
    expect(filedAt('2026-11-20T10:00:00+07:00', received)).toEqual(new Date('2026-11-20T03:00:00Z'));
    expect(filedAt(undefined, received)).toBe(received);
  });

  it('counts a clock a little ahead as receipt, and refuses one further in the future', () => {
    expect(filedAt(new Date(received.getTime() + FILED_AT_MAX_SKEW_MS).toISOString(), received)).toBe(received);
    expect(filedAt(new Date(received.getTime() + FILED_AT_MAX_SKEW_MS + 1000).toISOString(), received)).toBeNull();
    expect(filedAt('not a time', received)).toBeNull();
  });
});
