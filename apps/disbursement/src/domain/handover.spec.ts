import { describe, expect, it } from '@jest/globals';
import { bastNumber, checkHandoverTime, handoverDigest, handoverFacts, handoverRefusal } from './handover.js';

const body = {
  handedOverAt: '2026-12-10T09:15:00+07:00',
  place: ' Kantor Kelurahan Purworejo ',
  receivedBy: 'Sarni',
  signatureRef: 'bast/2026/ttd-001.png',
  photoRef: 'bast/2026/foto-001.jpg',
};

describe('handover (BAST) rules', () => {
  it('hands over a PAID recipient only, saying what any other one is', () => {
    expect(handoverRefusal('PAID')).toBeNull();
    expect(handoverRefusal('REQUESTED')).toMatch(/^is REQUESTED/);
    expect(handoverRefusal('PENDING')).toMatch(/^is PENDING/);
    expect(handoverRefusal('FAILED')).toMatch(/^is FAILED/);
    expect(handoverRefusal('NOT_PAID')).toMatch(/^is NOT_PAID/);
  });

  it('takes the same moment in another offset, or with other spaces, as the same handover', () => {
    const a = handoverDigest(handoverFacts(body));
    expect(handoverDigest(handoverFacts({ ...body, handedOverAt: '2026-12-10T02:15:00Z', place: 'Kantor Kelurahan Purworejo' }))).toBe(a);
    expect(handoverDigest(handoverFacts({ ...body, note: '' }))).toBe(a);
    expect(handoverDigest(handoverFacts({ ...body, receivedBy: 'Karto' }))).not.toBe(a);
    expect(handoverDigest(handoverFacts({ ...body, handedOverAt: '2026-12-10T09:16:00+07:00' }))).not.toBe(a);
  });

  it('keeps a representative’s relation only for a representative', () => {
    expect(handoverFacts({ ...body, representative: true, representativeRelation: ' anak kandung ' })).toMatchObject({
      representative: true,
      representativeRelation: 'anak kandung',
    });
    expect(handoverFacts({ ...body, representativeRelation: null })).toMatchObject({ representative: false, representativeRelation: null });
  });

  it('refuses a time in the future or before the decree (in WIB)', () => {
    const now = new Date('2026-12-10T03:00:00Z');
    expect(checkHandoverTime('2026-12-10T10:04:00+07:00', now, '2026-12-01')).toEqual([]);
    expect(checkHandoverTime('2026-12-10T10:06:00+07:00', now, '2026-12-01')).toEqual([
      { path: 'handedOverAt', message: 'must not be in the future' },
    ]);
    expect(checkHandoverTime('2026-12-01T00:00:00+07:00', now, '2026-12-01')).toEqual([]);
    expect(checkHandoverTime('2026-11-30T23:59:00+07:00', now, '2026-12-01')).toEqual([
      { path: 'handedOverAt', message: "must not be before the decree's date (2026-12-01)" },
    ]);
  });

  it('numbers a BAST by agency and year', () => {
    expect(bastNumber('35.75', 2026, 17)).toBe('BAST/35.75/2026/000017');
  });
});
