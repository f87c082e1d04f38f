import { describe, expect, it } from '@jest/globals';
import {
  DEFAULT_SYSTEM_LIMITS,
  EXT_SYSTEM,
  FINANCE_LOCAL_SYSTEM,
  checkOutsideSystem,
  contractSubject,
  deliverSubject,
  dropBucketOf,
  fromAnySystem,
  internalSubject,
  publisherOf,
  speaksFor,
  systemDurable,
} from './outside-systems.js';
import { Subjects } from './subjects.js';

describe('the subject scheme of outside systems', () => {
  it('maps a contract subject to the publisher’s subject inside Sigap and back', () => {
    expect(internalSubject(Subjects.extApplicationSubmitted, 'slrt-1')).toBe('sigap.from.slrt-1.application.submitted.v1');
    expect(internalSubject(Subjects.extFinanceDisbursementSettled, 'bpkad')).toBe('sigap.from.bpkad.finance.disbursement.settled.v1');
    expect(fromAnySystem(Subjects.extApplicationSubmitted)).toBe('sigap.from.*.application.submitted.v1');
    expect(publisherOf('sigap.from.slrt-1.application.submitted.v1')).toBe('slrt-1');
    expect(publisherOf(Subjects.intakeApplicationReceived)).toBeNull();
    expect(contractSubject('sigap.from.bpkad.finance.disbursement.settled.v1')).toBe(Subjects.extFinanceDisbursementSettled);
    expect(contractSubject(Subjects.rejected)).toBe(Subjects.rejected);
    expect(() => internalSubject(Subjects.intakeApplicationReceived, 'x')).toThrow(/not an inbound contract subject/);
  });

  it('names a system’s durables, deliver subjects and drop bucket', () => {
    expect(systemDurable('bpkad', Subjects.disbursementRequested)).toBe('out_bpkad_disbursement_requested_v1');
    expect(systemDurable('slrt-1', Subjects.intakeApplicationStatusChanged)).toBe('out_slrt-1_intake_application_status_changed_v1');
    expect(deliverSubject('bpkad', Subjects.disbursementRequested)).toBe('sigap.deliver.bpkad.disbursement.requested.v1');
    expect(dropBucketOf('ext')).toBe('sigap_registry_drops');
    expect(dropBucketOf('kemensos')).toBe('sigap_drops_kemensos');
  });
});

describe('a declaration of an outside system', () => {
  const ok = {
    name: 'slrt-banjarnegara',
    agencies: ['33.04'],
    publishes: [Subjects.extApplicationSubmitted],
    reads: [Subjects.rejected],
    limits: DEFAULT_SYSTEM_LIMITS,
  };

  it('is accepted when every rule holds', () => {
    expect(checkOutsideSystem(ok)).toEqual([]);
    expect(checkOutsideSystem(EXT_SYSTEM)).toEqual([]);
    expect(checkOutsideSystem(FINANCE_LOCAL_SYSTEM)).toEqual([]);
  });

  it('names each field that breaks a rule', () => {
    const paths = (x: object) => checkOutsideSystem({ ...ok, ...x }).map((e) => e.path);
    expect(paths({ name: 'Has_Underscore' })).toEqual(['name']);
    expect(paths({ name: 'sigap' })).toEqual(['name']);
    expect(paths({ agencies: [] })).toEqual(['agencies']);
    expect(paths({ agencies: ['33-04'] })).toEqual(['agencies']);
    expect(paths({ publishes: [Subjects.intakeApplicationReceived] })).toEqual(['publishes']);
    expect(paths({ reads: ['sigap.rejected.detail'] })).toEqual(['reads']);
    expect(paths({ reads: [Subjects.verificationCaseOpened] })).toEqual(['reads']);
    expect(paths({ publishes: [], reads: [] })).toEqual(['publishes']);
    expect(paths({ limits: { ...DEFAULT_SYSTEM_LIMITS, maxPayloadBytes: 1000 } })).toEqual(['limits.maxPayloadBytes']);
    expect(paths({ limits: { ...DEFAULT_SYSTEM_LIMITS, maxConnections: 0 } })).toEqual(['limits.maxConnections']);
  });

  it('keeps ext to what CONTRACT.md grants: neither the payout requests nor settlements', () => {
    expect(EXT_SYSTEM.reads).not.toContain(Subjects.disbursementRequested);
    expect(EXT_SYSTEM.publishes).not.toContain(Subjects.extFinanceDisbursementSettled);
    expect(EXT_SYSTEM.reads).not.toContain('sigap.rejected.detail');
    expect(FINANCE_LOCAL_SYSTEM.reads).toContain(Subjects.disbursementRequested);
  });

  it('speaks for its agencies, or for every one with *', () => {
    expect(speaksFor({ agencies: ['33.04'] }, '33.04')).toBe(true);
    expect(speaksFor({ agencies: ['33.04'] }, '61.71')).toBe(false);
    expect(speaksFor({ agencies: ['61'] }, '61.71')).toBe(false);
    expect(speaksFor({ agencies: ['*'] }, '61.71')).toBe(true);
  });
});
