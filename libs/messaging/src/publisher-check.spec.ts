import { describe, expect, it } from '@jest/globals';
import { DEFAULT_SYSTEM_LIMITS, Subjects, type OutsideSystem } from '#contracts';
import { checkPublisher, type Declarations } from './publisher-check.js';

const slrt: OutsideSystem = {
  name: 'slrt',
  agencies: ['33.04'],
  publishes: [Subjects.extApplicationSubmitted, Subjects.extDisasterDeclared],
  reads: [],
  limits: DEFAULT_SYSTEM_LIMITS,
};
const finance: OutsideSystem = {
  name: 'bpkad',
  agencies: ['33.04'],
  publishes: [Subjects.extFinanceDisbursementSettled],
  reads: [],
  limits: DEFAULT_SYSTEM_LIMITS,
};
const known: Declarations = new Map<string, OutsideSystem | null>([
  ['slrt', slrt],
  ['bpkad', finance],
  ['gone', null],
]);

describe('who published an inbound event, and for which agency', () => {
  it('passes an event for an agency its publisher speaks for, with the publisher as its source', () => {
    expect(checkPublisher('sigap.from.slrt.application.submitted.v1', { agencyCode: '33.04' }, known)).toEqual({
      source: { system: 'slrt', agencies: ['33.04'] },
    });
  });

  it('refuses one for another agency, naming the field the subject carries the agency in', () => {
    expect(checkPublisher('sigap.from.slrt.application.submitted.v1', { agencyCode: '61.71' }, known).errors).toEqual([
      { path: 'agencyCode', message: 'slrt does not speak for agency 61.71 (it speaks for 33.04)' },
    ]);
    expect(checkPublisher('sigap.from.slrt.disaster.declared.v1', { regencyCode: '61.71' }, known).errors?.[0].path).toBe('regencyCode');
  });

  it('refuses an event of a system that is not (or no longer) declared, or on a subject it may not publish', () => {
    expect(checkPublisher('sigap.from.gone.application.submitted.v1', { agencyCode: '33.04' }, known).errors).toEqual([
      { path: 'agencyCode', message: 'gone is not a declared outside system (or was removed): it speaks for no agency' },
    ]);
    expect(checkPublisher('sigap.from.nobody.finance.disbursement.settled.v1', {}, known).errors?.[0].path).toBe('');
    expect(checkPublisher('sigap.from.slrt.finance.disbursement.settled.v1', {}, known).errors).toEqual([
      { path: '', message: `slrt may not publish ${Subjects.extFinanceDisbursementSettled}` },
    ]);
  });

  it('leaves a settlement (no agency field) to its handler, with its publisher’s agencies', () => {
    expect(checkPublisher('sigap.from.bpkad.finance.disbursement.settled.v1', { requestId: 'x' }, known)).toEqual({
      source: { system: 'bpkad', agencies: ['33.04'] },
    });
  });

  it('asks nothing of Sigap’s own events', () => {
    expect(checkPublisher(Subjects.intakeApplicationReceived, {}, new Map())).toEqual({});
  });
});
