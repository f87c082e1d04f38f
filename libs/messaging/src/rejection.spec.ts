import { describe, expect, it } from '@jest/globals';
import { Subjects, type RejectedMessageDetail } from '#contracts';
import { inboxKeyOf, nameableId, nestsDeeperThan } from './inbound-limits.js';
import { boundedErrors, rejectionEvents } from './rejection.js';

const enc = (s: string) => new TextEncoder().encode(s);

describe('limits on what a consumer reads', () => {
  it('measures nesting without parsing, ignoring brackets inside strings', () => {
    expect(nestsDeeperThan(enc('{"a":[{"b":[1,2]}]}'), 4)).toBe(false);
    expect(nestsDeeperThan(enc('{"a":[{"b":[1,2]}]}'), 3)).toBe(true);
    expect(nestsDeeperThan(enc('{"a":"[[[[[[[[[[\\"[[[[[["}'), 2)).toBe(false);
    expect(nestsDeeperThan(enc('['.repeat(100_000) + ']'.repeat(100_000)), 64)).toBe(true);
    expect(nestsDeeperThan(enc('not json at all'), 64)).toBe(false);
  });

  it('keys an oversized id by its digest, the same each time', () => {
    const long = 'x'.repeat(10_240);
    expect(inboxKeyOf(long)).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(inboxKeyOf(long)).toBe(inboxKeyOf(`${long}`));
    expect(inboxKeyOf('a7c1e7a0-1b1e-4d7a-9a53-1e1b1c9d0f00')).toBe('a7c1e7a0-1b1e-4d7a-9a53-1e1b1c9d0f00');
    expect(nameableId(long)).toBeNull();
    expect(nameableId('id with spaces')).toBeNull();
  });
});

describe('a rejection, as outside systems and the admin see it', () => {
  const detail: RejectedMessageDetail = {
    eventId: 'a7c1e7a0-1b1e-4d7a-9a53-1e1b1c9d0f00',
    subject: Subjects.extApplicationSubmitted,
    errors: [
      { path: 'applicant.nik', message: 'nik must be 16 digits' },
      { path: '3304015102880001', message: 'property 3304015102880001 should not exist' },
    ],
    reason: 'VALIDATION',
    consumer: 'intake_ext_application_submitted',
    payload: { applicant: { nik: '12', name: 'Siti Aminah' } },
    rejectedAt: '2026-11-20T10:15:00+07:00',
    cause: 'x'.repeat(5000),
  };

  it("publishes CONTRACT.md's shape on sigap.rejected, with no value, and the rest on the detail subject", () => {
    const [outside, inside] = rejectionEvents(detail, 1024 * 1024);
    expect(outside.subject).toBe(Subjects.rejected);
    expect(Object.keys(outside.payload).sort()).toEqual(['errors', 'eventId', 'subject']);
    expect(JSON.stringify(outside.payload)).not.toMatch(/Siti|3304015102880001/);
    expect(inside.subject).toBe(Subjects.rejectedDetail);
    expect(inside.payload).toMatchObject({ reason: 'VALIDATION', consumer: 'intake_ext_application_submitted', payload: detail.payload });
    expect((inside.payload as RejectedMessageDetail).cause).toHaveLength(2000);
  });

  it('leaves out of the detail a payload too large to travel, naming where the original is', () => {
    const big = { ...detail, payload: { blob: 'y'.repeat(1_046_000) }, source: { stream: 'SIGAP_EXT', sequence: 42 } };
    const [, inside] = rejectionEvents(big, 1024 * 1024);
    expect(inside.payload).toMatchObject({ payloadOmitted: 'TOO_LARGE', source: { stream: 'SIGAP_EXT', sequence: 42 } });
    expect(inside.payload).not.toHaveProperty('payload');
  });

  it('bounds the errors: count, length, and long digit runs masked', () => {
    const many = Array.from({ length: 120 }, (_, i) => ({ path: `documents[${i}].type`, message: 'type must be one of KTP, KK' }));
    const out = boundedErrors(many);
    expect(out).toHaveLength(51);
    expect(out[50].message).toBe('and 70 more errors');
    expect(boundedErrors([{ path: 'ab.'.repeat(400), message: 'm'.repeat(1000) }])[0]).toEqual({
      path: 'ab.'.repeat(67).slice(0, 200),
      message: 'm'.repeat(300),
    });
    expect(boundedErrors([{ path: 'x', message: 'call 081234567890 now' }])[0].message).toBe('call ************ now');
    // a UUID whose random hex holds a run of digits is an id, not a person's number: it stays whole
    const id = '555dc053-41d1-4ad4-be21-6d31214511a9';
    expect(boundedErrors([{ path: 'x', message: `is not a recipient of request ${id} (NIK 3304015102880001)` }])[0].message).toBe(
      `is not a recipient of request ${id} (NIK ****************)`,
    );
    // keys are the sender's too: one that is not a plain name is hidden, in the path and the message
    expect(boundedErrors([{ path: '3304015102880001', message: 'property 3304015102880001 should not exist' }])[0]).toEqual({
      path: '?',
      message: 'property ? should not exist',
    });
    expect(boundedErrors([{ path: 'applicant.Siti Aminah', message: 'property applicant.Siti Aminah should not exist' }])[0]).toEqual({
      path: 'applicant.?',
      message: 'property applicant.? should not exist',
    });
    expect(boundedErrors([{ path: 'documents[2].type', message: 'type must be one of KTP, KK' }])[0]).toEqual({
      path: 'documents[2].type',
      message: 'type must be one of KTP, KK',
    });
  });

  it('names no id that is not one', () => {
    const [outside] = rejectionEvents({ ...detail, eventId: 'e'.repeat(10_240) }, 1024 * 1024);
    expect((outside.payload as { eventId: unknown }).eventId).toBeNull();
  });
});
