import { describe, expect, it } from '@jest/globals';
import { isInternalSubject, rejectedOwner } from './rejected-scope.js';

describe('rejectedOwner', () => {
  it('is the agency the payload names', () => {
    expect(rejectedOwner({ agencyCode: '33.04' })).toBe('33.04');
    expect(rejectedOwner({ agencyCode: '61.BKS' })).toBe('61.BKS');
    expect(rejectedOwner({ regencyCode: '61.71' })).toBe('61.71');
  });

  it("gives a regency that is not an agency of the installation to its province's Dinas Sosial", () => {
    expect(rejectedOwner({ regencyCode: '61.72' })).toBe('61');
    expect(rejectedOwner({ regencyCode: '19.71' })).toBe('19');
  });

  it('is nobody (the operator) without an object, a code, or a known agency', () => {
    for (const p of [null, 'text', [1], {}, { agencyCode: 42 }, { agencyCode: '99' }, { agencyCode: '34.04' }, { agencyCode: 'x' }]) {
      expect(rejectedOwner(p)).toBeNull();
    }
  });
});

describe('isInternalSubject', () => {
  it("is a Sigap service's own subject, told by the context token", () => {
    for (const s of [
      'sigap.intake.application.received.v1',
      'sigap.verification.case.decided.v1',
      'sigap.disbursement.requested.v1',
      'sigap.logistics.shipment.dispatched.v1',
      'sigap.complaints.complaint.updated.v1',
    ])
      expect(isInternalSubject(s)).toBe(true);
  });

  it('is not an inbound subject, in either form', () => {
    for (const s of ['sigap.ext.application.submitted.v1', 'sigap.from.slrt-bawang.application.submitted.v1', 'other.intake.x']) {
      expect(isInternalSubject(s)).toBe(false);
    }
  });
});
