import type { PipeTransform } from '@nestjs/common';
import { DomainError } from '#platform';

/** A path parameter that must match a pattern; a mismatch is a 400 naming it. */
function patternParam(path: string, re: RegExp, message: string): PipeTransform<string, string> {
  return {
    transform(value: string): string {
      if (typeof value !== 'string' || !re.test(value)) throw DomainError.validation([{ path, message }]);
      return value;
    },
  };
}

export const agencyParam = () =>
  patternParam('agencyCode', /^\d{2}(\.\d{2})?(\.[A-Z]{2,10})?$/, 'agencyCode must be an agency code like 33.04');
export const serviceCodeParam = (path = 'code') =>
  patternParam(path, /^[A-Z][A-Z0-9_]{1,39}$/, `${path} must be an upper-case service code like SANTUNAN_ANAK`);
export const yearParam = () => ({
  transform(value: string): number {
    if (!/^\d{4}$/.test(value) || Number(value) < 2000 || Number(value) > 2100)
      throw DomainError.validation([{ path: 'year', message: 'year must be a year between 2000 and 2100' }]);
    return Number(value);
  },
});
export const dateParam = () => patternParam('date', /^\d{4}-\d{2}-\d{2}$/, 'date must be a date YYYY-MM-DD');
export const ticketParam = () =>
  patternParam(
    'ticketNumber',
    /^[A-Z][A-Z0-9_]{1,39}-[0-9A-Z.]{2,12}-\d{4}-\d{6}$/,
    'ticketNumber must look like SANTUNAN_ANAK-33.04-2026-000123',
  );
