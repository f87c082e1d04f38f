import { describe, expect, it } from '@jest/globals';
import { fromAnySystem } from './outside-systems.js';
import { Subjects } from './subjects.js';
import { SERVICES, durableOf } from './topology.js';

describe('durableOf', () => {
  it('finds a durable by what it reads, whatever its place in the list', () => {
    expect(durableOf('verification', Subjects.intakeApplicationReceived)).toBe('verification_application_received');
    expect(durableOf('intake', fromAnySystem(Subjects.extApplicationSubmitted))).toBe('intake_ext_application_submitted');
    const reversed = [...SERVICES.verification.consumers].reverse();
    const original = SERVICES.verification.consumers;
    try {
      SERVICES.verification.consumers = reversed;
      expect(durableOf('verification', Subjects.intakeApplicationReceived)).toBe('verification_application_received');
    } finally {
      SERVICES.verification.consumers = original;
    }
  });

  it('refuses a subject the service has no consumer for, naming both', () => {
    expect(() => durableOf('gateway', Subjects.intakeApplicationReceived)).toThrow(/gateway .*sigap\.intake\.application\.received/);
  });
});
