import { describe, expect, it } from '@jest/globals';
import { requireCanChange, requireCovers, requireOperator, requireRole, ScopeError } from './scope.js';

const province = { agencyCode: '61', roles: ['ADMIN'] };

function refusal(fn: () => void): { statusCode: number; code?: string; message: string } {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(ScopeError);
    return (e as ScopeError).toBody();
  }
  throw new Error('expected a refusal');
}

describe('the scope checks', () => {
  it('let a province see its regency but refuse changing it: 403 AGENCY_OUT_OF_SCOPE saying why', () => {
    expect(() => requireCovers(province, '61.71')).not.toThrow();
    const r = refusal(() => requireCanChange(province, '61.71', 'this application'));
    expect(r).toMatchObject({ statusCode: 403, code: 'AGENCY_OUT_OF_SCOPE' });
    expect(r.message).toMatch(/may see but not change this application \(61\.71\)/);
    expect(() => requireCanChange(province, '61')).not.toThrow();
  });

  it('refuse an agency out of sight with the same code', () => {
    expect(refusal(() => requireCovers(province, '33.04'))).toMatchObject({ statusCode: 403, code: 'AGENCY_OUT_OF_SCOPE' });
    expect(refusal(() => requireCanChange(province, '33.04'))).toMatchObject({ statusCode: 403, code: 'AGENCY_OUT_OF_SCOPE' });
  });

  it('name the roles an act needs (ROLE_REQUIRED) and the operator (OPERATOR_REQUIRED)', () => {
    expect(() => requireRole(province, 'HEAD', 'ADMIN')).not.toThrow();
    expect(refusal(() => requireRole(province, 'HEAD'))).toMatchObject({
      statusCode: 403,
      code: 'ROLE_REQUIRED',
      message: 'This requires one of the roles: HEAD',
    });
    expect(refusal(() => requireOperator(province, 'open an agency'))).toMatchObject({ statusCode: 403, code: 'OPERATOR_REQUIRED' });
    expect(() => requireOperator({ agencyCode: '61', roles: ['ADMIN', 'OPERATOR'] }, 'open an agency')).not.toThrow();
  });
});
