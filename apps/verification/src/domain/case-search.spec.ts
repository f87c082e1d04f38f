import { describe, expect, it } from '@jest/globals';
import { likePattern, parseCaseQuery } from './case-search.js';

describe('parseCaseQuery: one search box for ticket, name, place and NIK', () => {
  it('reads 16 digits as a NIK, to be matched whole', () => {
    expect(parseCaseQuery(' 3304015102880001 ')).toEqual({ nik: '3304015102880001' });
    expect(parseCaseQuery('3304 0151 0288 0001')).toEqual({ nik: '3304015102880001' });
  });

  it('reads a part of a NIK as a text, which no NIK matches (the NIK is never searched in part)', () => {
    expect(parseCaseQuery('330401510288')).toEqual({ text: '330401510288', like: '%330401510288%', ticketLike: '%330401510288%' });
  });

  it('lets a ticket typed with spaces find the one with underscores', () => {
    expect(parseCaseQuery('SANTUNAN ANAK-33.04')).toMatchObject({ ticketLike: '%SANTUNAN\\_ANAK-33.04%' });
  });

  it('takes a typed % or _ literally, and an empty box as no filter', () => {
    expect(likePattern('50%_x')).toBe('%50\\%\\_x%');
    expect(parseCaseQuery('   ')).toBeNull();
    expect(parseCaseQuery(undefined)).toBeNull();
  });
});
