import { describe, expect, it } from '@jest/globals';
import { nikDistrict, nikOutsideAgency } from './nik-area.js';

describe('where a NIK was issued, against the agency filing it', () => {
  it('reads the district from the first six digits', () => {
    expect(nikDistrict('3304015102880001')).toBe('33.04.01');
  });
  it('a Banjarnegara NIK is inside Banjarnegara, outside Kota Pasuruan', () => {
    expect(nikOutsideAgency('3304015102880001', '33.04')).toBe(false);
    expect(nikOutsideAgency('3304015102880001', '35.75')).toBe(true);
  });
  it("a province covers its regencies' districts, and its bureau the same area", () => {
    expect(nikOutsideAgency('6171015102880001', '61')).toBe(false);
    expect(nikOutsideAgency('6171015102880001', '61.BKS')).toBe(false);
    expect(nikOutsideAgency('1971015102880001', '61')).toBe(true);
  });
});
