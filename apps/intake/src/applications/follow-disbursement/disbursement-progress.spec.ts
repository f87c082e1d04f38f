import { describe, expect, it } from '@jest/globals';
import { progressTarget, stepReason, stepsTo, type ProgressFact } from './disbursement-progress.js';

const at = (s: string) => new Date(`2026-11-${s}T09:00:00+07:00`);
const proposed = (id: string, day: string): ProgressFact => ({ kind: 'PROPOSED', at: at(day), detail: { proposalId: id } });
const returned = (id: string, day: string): ProgressFact => ({
  kind: 'RETURNED',
  at: at(day),
  detail: { proposalId: id, reason: 'kurang lengkap' },
});

describe('progressTarget', () => {
  it('says nothing without facts', () => expect(progressTarget([])).toBeNull());

  it('ranks handover over a final failure over payment over decree over proposal', () => {
    const decreed: ProgressFact = { kind: 'DECREED', at: at('10'), detail: { decreeNumber: '1/2026' } };
    const paid: ProgressFact = { kind: 'PAID', at: at('12'), detail: {} };
    const failed: ProgressFact = { kind: 'NOT_PAID', at: at('13'), detail: {} };
    const bast: ProgressFact = { kind: 'HANDED_OVER', at: at('14'), detail: {} };
    expect(progressTarget([proposed('p', '01'), decreed])).toBe('DECREED');
    expect(progressTarget([paid])).toBe('DISBURSING');
    expect(progressTarget([paid, failed])).toBe('NOT_PAID');
    expect(progressTarget([bast, failed, paid])).toBe('HANDED_OVER');
  });

  it('reads proposals by their own times, whatever order they were heard in', () => {
    expect(progressTarget([proposed('p1', '01')])).toBe('PROPOSED');
    expect(progressTarget([returned('p1', '02'), proposed('p1', '01')])).toBe('VERIFIED');
    // resubmitted after the return: a late return changes nothing
    expect(progressTarget([proposed('p1', '01'), proposed('p1', '03'), returned('p1', '02')])).toBe('PROPOSED');
    // another proposal after the first was returned
    expect(progressTarget([proposed('p1', '01'), returned('p1', '02'), proposed('p2', '03')])).toBe('PROPOSED');
    expect(progressTarget([proposed('p2', '03'), returned('p1', '02')])).toBe('PROPOSED');
  });
});

describe('stepsTo', () => {
  it('walks forward one step at a time, implying the steps not heard yet', () => {
    expect(stepsTo('VERIFIED', 'PROPOSED')).toEqual(['PROPOSED']);
    expect(stepsTo('PROPOSED', 'DISBURSING')).toEqual(['DECREED', 'DISBURSING']);
    expect(stepsTo('VERIFIED', 'HANDED_OVER')).toEqual(['PROPOSED', 'DECREED', 'DISBURSING', 'HANDED_OVER']);
  });

  it('goes back only from PROPOSED to VERIFIED', () => {
    expect(stepsTo('PROPOSED', 'VERIFIED')).toEqual(['VERIFIED']);
    expect(stepsTo('DECREED', 'VERIFIED')).toEqual([]);
    expect(stepsTo('DISBURSING', 'DECREED')).toEqual([]);
  });

  it('reaches NOT_PAID through the decree', () => {
    expect(stepsTo('VERIFIED', 'NOT_PAID')).toEqual(['PROPOSED', 'DECREED', 'NOT_PAID']);
    expect(stepsTo('DECREED', 'NOT_PAID')).toEqual(['NOT_PAID']);
    expect(stepsTo('DISBURSING', 'NOT_PAID')).toEqual(['NOT_PAID']);
  });

  it('leaves alone an application still in verification or already closed', () => {
    expect(stepsTo('IN_VERIFICATION', 'DECREED')).toEqual([]);
    expect(stepsTo('WITHDRAWN', 'PROPOSED')).toEqual([]);
    expect(stepsTo('HANDED_OVER', 'NOT_PAID')).toEqual([]);
    expect(stepsTo('NOT_PAID', 'HANDED_OVER')).toEqual([]);
  });
});

describe('stepReason', () => {
  it('gives the citizen the decree number but never the head’s or the finance office’s note', () => {
    const facts: ProgressFact[] = [
      { kind: 'DECREED', at: at('10'), detail: { decreeNumber: '460/12/2026', decreeDate: '2026-11-10' } },
      {
        kind: 'NOT_PAID',
        at: at('12'),
        detail: { reason: 'rekening ditutup, NIK 3575…', publicReason: null, decreeNumber: '460/12/2026' },
      },
    ];
    expect(stepReason('DECREED', facts, 'NOT_PAID').publicReason).toBe(
      'Ditetapkan sebagai penerima dalam SK Nomor 460/12/2026 tanggal 2026-11-10.',
    );
    const notPaid = stepReason('NOT_PAID', facts, 'NOT_PAID');
    expect(notPaid.reason).toContain('rekening ditutup');
    expect(notPaid.publicReason).not.toContain('rekening');
    expect(stepReason('VERIFIED', [returned('p1', '02')], 'VERIFIED').publicReason).not.toContain('kurang lengkap');
  });
});
