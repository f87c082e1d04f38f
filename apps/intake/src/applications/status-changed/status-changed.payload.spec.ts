import { describe, expect, it } from '@jest/globals';
import { publicActor, statusChangedPayload } from './status-changed.payload.js';

describe('the outbound status-changed payload', () => {
  const change = {
    applicationId: '5d0f6f57-5a4e-4c55-9d6b-0a7b2c1f0e11',
    ticketNumber: 'SANTUNAN_ANAK-33.04-2026-000001',
    agencyCode: '33.04',
    serviceCode: 'SANTUNAN_ANAK',
    from: 'IN_VERIFICATION',
    to: 'REJECTED',
    publicReason: 'Hasil Tim Reaksi Cepat (TRC) menyatakan permohonan belum memenuhi syarat.',
    actorName: 'siti.verifikator',
    dueAt: null,
    standardVersion: 1,
  };

  it('carries the public reason as its reason, and names no member of staff', () => {
    const p = statusChangedPayload(change);
    expect(p).toMatchObject({
      reason: change.publicReason,
      publicReason: change.publicReason,
      actor: 'staff',
      from: 'IN_VERIFICATION',
      to: 'REJECTED',
    });
    expect(JSON.stringify(p)).not.toContain('siti.verifikator');
  });

  it('has no reason at all when the change has no public one', () => {
    expect(statusChangedPayload({ ...change, publicReason: null })).toMatchObject({ reason: null, publicReason: null });
  });

  it('keeps the name of a system, not of a person', () => {
    expect(publicActor('system:verification')).toBe('system:verification');
    expect(publicActor('system:slrt-puskesmas-bawang')).toBe('system:slrt-puskesmas-bawang');
    expect(publicActor('budi.fo')).toBe('staff');
  });
});
