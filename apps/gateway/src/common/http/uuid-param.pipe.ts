import { ParseUUIDPipe } from '@nestjs/common';
import { DomainError } from '#platform';

/** Parses a UUID path parameter; a malformed one is a 400 naming the parameter. */
export function uuidParam(path = 'id'): ParseUUIDPipe {
  return new ParseUUIDPipe({ exceptionFactory: () => DomainError.validation([{ path, message: `${path} must be a UUID` }]) });
}
