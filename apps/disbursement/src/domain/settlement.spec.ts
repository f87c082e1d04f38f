import { describe, expect, it } from '@jest/globals';
import { planSettlement, type RequestLineState } from './settlement.js';

const A = '00000000-0000-4000-8000-00000000000a';
const B = '00000000-0000-4000-8000-00000000000b';
const C = '00000000-0000-4000-8000-00000000000c';
const open: RequestLineState[] = [A, B, C].map((applicationId) => ({ applicationId, status: 'REQUESTED' }));

describe('planning a settlement', () => {
  it('pays every open line of a whole-request settlement, with its SP2D', () => {
    const p = planSettlement(open, { requestId: 'r', status: 'PAID', sp2dNumber: 'SP2D-1/2026' });
    expect(p).toEqual({
      ok: true,
      unchanged: 0,
      changes: [A, B, C].map((applicationId) => ({ applicationId, to: 'PAID', sp2dNumber: 'SP2D-1/2026', reason: null })),
    });
  });

  it('settles only the recipients it names, each with its own outcome and reason', () => {
    const p = planSettlement(open, {
      requestId: 'r',
      status: 'PAID',
      sp2dNumber: 'SP2D-2',
      reason: 'rekening tidak aktif',
      recipients: [
        { applicationId: A, status: 'PAID' },
        { applicationId: B, status: 'REJECTED', reason: 'nomor rekening salah' },
      ],
    });
    expect(p.ok && p.changes).toEqual([
      { applicationId: A, to: 'PAID', sp2dNumber: 'SP2D-2', reason: null },
      { applicationId: B, to: 'REJECTED', sp2dNumber: null, reason: 'nomor rekening salah' },
    ]);
  });

  it('changes nothing the second time (the same settlement under a new eventId)', () => {
    const settled: RequestLineState[] = [
      { applicationId: A, status: 'PAID' },
      { applicationId: B, status: 'REJECTED' },
      { applicationId: C, status: 'REQUESTED' },
    ];
    const again = planSettlement(settled, {
      requestId: 'r',
      status: 'PAID',
      sp2dNumber: 'x',
      recipients: [
        { applicationId: A, status: 'PAID' },
        { applicationId: B, status: 'REJECTED' },
      ],
    });
    expect(again).toEqual({ ok: true, changes: [], unchanged: 2 });
    const whole = planSettlement([{ applicationId: A, status: 'PAID' }], { requestId: 'r', status: 'PAID', sp2dNumber: 'x' });
    expect(whole).toEqual({ ok: true, changes: [], unchanged: 1 });
  });

  it('refuses a recipient not in the request, one named twice, a paid line turned rejected, a payment without SP2D', () => {
    const p = planSettlement(open, {
      requestId: 'r',
      status: 'PAID',
      sp2dNumber: 'x',
      recipients: [
        { applicationId: A, status: 'PAID' },
        { applicationId: A, status: 'PAID' },
        { applicationId: '00000000-0000-4000-8000-0000000000ff', status: 'PAID' },
      ],
    });
    expect(p.ok).toBe(false);
    expect(!p.ok && p.errors.map((e) => e.path)).toEqual(['recipients[1].applicationId', 'recipients[2].applicationId']);
    const flip = planSettlement([{ applicationId: A, status: 'PAID' }], {
      requestId: 'r',
      status: 'REJECTED',
      recipients: [{ applicationId: A, status: 'REJECTED' }],
    });
    expect(!flip.ok && flip.errors[0].message).toMatch(/already PAID .* cannot become REJECTED/);
    const noSp2d = planSettlement(open, { requestId: 'r', status: 'PAID' });
    expect(!noSp2d.ok && noSp2d.errors).toEqual([{ path: 'sp2dNumber', message: 'sp2dNumber is required when a recipient is PAID' }]);
  });
});
