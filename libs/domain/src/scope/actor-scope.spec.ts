import { describe, expect, it } from '@jest/globals';
import { canChange, covers, hasRole, isOperator, visibleAgencies, type ScopedActor } from './actor-scope.js';

const of = (agencyCode: string, ...roles: string[]): ScopedActor => ({ agencyCode, roles });

describe('covers (may see)', () => {
  it('an agency sees its own data', () => {
    for (const a of ['61', '61.71', '33.04', '61.BKS', '19']) expect(covers(of(a), a)).toBe(true);
  });

  it("a province's Dinas Sosial sees its regencies, not another province's", () => {
    expect(covers(of('61'), '61.71')).toBe(true);
    expect(covers(of('61'), '33.04')).toBe(false);
    expect(covers(of('19'), '61.71')).toBe(false);
  });

  it('a regency sees neither its province nor another regency', () => {
    expect(covers(of('61.71'), '61')).toBe(false);
    expect(covers(of('61.71'), '33.04')).toBe(false);
  });

  it('the bureau 61.BKS and the Dinas Sosial 61 do not see each other, and the bureau sees no regency', () => {
    expect(covers(of('61'), '61.BKS')).toBe(false);
    expect(covers(of('61.BKS'), '61')).toBe(false);
    expect(covers(of('61.BKS'), '61.71')).toBe(false);
  });

  it('lists the agencies an actor sees', () => {
    expect(visibleAgencies(of('61'))).toEqual(['61', '61.71']);
    expect(visibleAgencies(of('61.BKS'))).toEqual(['61.BKS']);
    expect(visibleAgencies(of('33.04'))).toEqual(['33.04']);
  });
});

describe('canChange (may change)', () => {
  it('an agency changes its own data', () => {
    for (const a of ['61', '61.71', '61.BKS']) expect(canChange(of(a, 'ADMIN'), a)).toBe(true);
  });

  it("a province sees its regency's data but does not change it: nothing is delegated", () => {
    expect(covers(of('61', 'ADMIN'), '61.71')).toBe(true);
    expect(canChange(of('61', 'ADMIN'), '61.71')).toBe(false);
  });

  it('neither does the operator: it changes its own agency only', () => {
    expect(canChange(of('61', 'ADMIN', 'OPERATOR'), '61.71')).toBe(false);
    expect(canChange(of('61', 'ADMIN', 'OPERATOR'), '33.04')).toBe(false);
    expect(canChange(of('61', 'ADMIN', 'OPERATOR'), '61')).toBe(true);
  });

  it('nobody changes what they cannot see', () => {
    for (const viewer of ['61', '61.71', '61.BKS', '33.04', '19']) {
      for (const owner of ['61', '61.71', '61.BKS', '33.04', '19', '35.75']) {
        if (canChange(of(viewer), owner)) expect(covers(of(viewer), owner)).toBe(true);
      }
    }
  });
});

describe('roles', () => {
  it('hasRole needs one of the roles', () => {
    expect(hasRole(of('61', 'HEAD'), 'HEAD', 'ADMIN')).toBe(true);
    expect(hasRole(of('61', 'VERIFIER'), 'HEAD', 'ADMIN')).toBe(false);
    expect(hasRole(of('61'), 'HEAD')).toBe(false);
  });

  it('isOperator is the OPERATOR role, not ADMIN', () => {
    expect(isOperator(of('61', 'ADMIN', 'OPERATOR'))).toBe(true);
    expect(isOperator(of('61', 'ADMIN'))).toBe(false);
  });
});
