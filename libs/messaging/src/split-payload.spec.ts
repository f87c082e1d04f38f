import { describe, expect, it } from '@jest/globals';
import { splitIntoParts } from './split-payload.js';
import { utf8Bytes } from './event-size.js';

// A decree's disbursement request, shaped as CONTRACT.md's sigap.disbursement.requested.v1.
function decree(n: number) {
  const recipients = Array.from({ length: n }, (_, i) => ({
    applicationId: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
    nik: `3304015102${String(880000 + i).padStart(6, '0')}`,
    name: `Penerima Santunan Anak Nomor ${i} Bin Fulan`,
    amount: String(1_500_000 + (i % 7) * 250_000),
    bankAccount: i % 3 ? null : `0${String(1234567890 + i)}`,
  }));
  const total = recipients.reduce((s, r) => s + BigInt(r.amount), 0n);
  return {
    head: {
      requestId: 'b3c1d9a2-0000-4000-8000-000000000001',
      agencyCode: '33.04',
      decreeNumber: 'SK Bupati 400/123/2026',
      fiscalYear: 2026,
      budgetLine: 'BTT',
      totalAmount: total.toString(),
    },
    recipients,
    total,
  };
}

describe('splitting a large list below the max payload', () => {
  it('splits 20,000 recipients into parts under the limit whose lists and amounts sum to the whole', () => {
    const { head, recipients, total } = decree(20_000);
    const maxBytes = 256 * 1024;
    const reserveBytes = 1024;
    const parts = splitIntoParts({ head, listKey: 'recipients', items: recipients, maxBytes, reserveBytes });
    expect(parts.length).toBeGreaterThan(1);
    // every part fits with the room kept for the envelope, and is numbered 1..n of n
    for (const p of parts) expect(utf8Bytes(JSON.stringify(p))).toBeLessThanOrEqual(maxBytes - reserveBytes);
    expect(parts.map((p) => p.part)).toEqual(Array.from({ length: parts.length }, (_, i) => i + 1));
    expect(parts.every((p) => p.parts === parts.length)).toBe(true);
    // each part repeats the head: the whole decree's totalAmount, its number, its request
    for (const p of parts) expect(p).toMatchObject(head);
    // the parts together are the whole list, in order, each recipient once…
    const joined = parts.flatMap((p) => p.recipients as typeof recipients);
    expect(joined).toEqual(recipients);
    // …so their amounts sum to the decree's total
    expect(joined.reduce((s, r) => s + BigInt(r.amount), 0n)).toBe(total);
    expect(parts.reduce((s, p) => s + (p.recipients as typeof recipients).reduce((t, r) => t + BigInt(r.amount), 0n), 0n).toString()).toBe(
      head.totalAmount,
    );
    // and the parts are reasonably full: no more than one more than the bytes require
    const listBytes = utf8Bytes(JSON.stringify(recipients));
    expect(parts.length).toBeLessThanOrEqual(Math.ceil(listBytes / (maxBytes - reserveBytes - 400)) + 1);
  });

  it('keeps a small list in one part, 1 of 1', () => {
    const { head, recipients } = decree(3);
    const parts = splitIntoParts({ head, listKey: 'recipients', items: recipients, maxBytes: 1024 * 1024 });
    expect(parts).toEqual([{ ...head, part: 1, parts: 1, recipients }]);
  });

  it('gives an empty list one empty part', () => {
    const { head } = decree(0);
    expect(splitIntoParts({ head, listKey: 'recipients', items: [], maxBytes: 4096 })).toEqual([
      { ...head, part: 1, parts: 1, recipients: [] },
    ]);
  });

  it('names an item too large for any part', () => {
    const { head, recipients } = decree(2);
    const huge = { ...recipients[1], name: 'x'.repeat(10_000) };
    expect(() => splitIntoParts({ head, listKey: 'recipients', items: [recipients[0], huge], maxBytes: 8192 })).toThrow(
      /recipients\[1\] is \d+ bytes, more than a part can hold/,
    );
  });

  it('counts multi-byte characters as the bytes they are', () => {
    const { head } = decree(0);
    const items = Array.from({ length: 500 }, (_, i) => ({ name: `Ñoño ${'é'.repeat(50)} ${i}` }));
    const parts = splitIntoParts({ head, listKey: 'recipients', items, maxBytes: 8192, reserveBytes: 256 });
    for (const p of parts) expect(utf8Bytes(JSON.stringify(p))).toBeLessThanOrEqual(8192 - 256);
    expect(parts.flatMap((p) => p.recipients as unknown[])).toEqual(items);
  });
});
