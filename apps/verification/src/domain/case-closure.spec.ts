import { describe, expect, it } from '@jest/globals';
import { closesCase, closureReason } from './case-closure.js';

describe('which application statuses close its verification case', () => {
  it('closes on a withdrawal, a rejection or a return by intake', () => {
    expect(closesCase({ to: 'WITHDRAWN', actor: 'staff' })).toBe(true);
    expect(closesCase({ to: 'REJECTED', actor: 'staff' })).toBe(true);
    expect(closesCase({ to: 'RETURNED', actor: 'staff' })).toBe(true);
  });

  it('closes on any other status verification did not set', () => {
    expect(closesCase({ to: 'CLOSED', actor: 'system:intake' })).toBe(true);
    expect(closesCase({ to: 'VERIFIED', actor: 'staff' })).toBe(true);
  });

  it("does not close on verification's own path or its own decision", () => {
    expect(closesCase({ to: 'REGISTERED', actor: 'staff' })).toBe(false);
    expect(closesCase({ to: 'IN_VERIFICATION', actor: 'system:verification' })).toBe(false);
    expect(closesCase({ to: 'REJECTED', actor: 'system:verification' })).toBe(false);
    expect(closesCase({ to: 'VERIFIED', actor: 'system:verification' })).toBe(false);
  });

  it('says why in both languages', () => {
    expect(closureReason('WITHDRAWN')).toEqual({
      id: 'permohonan dicabut oleh pemohon',
      en: 'the application was withdrawn by the applicant',
    });
    expect(closureReason('ARCHIVED').id).toContain('ARCHIVED');
  });
});
