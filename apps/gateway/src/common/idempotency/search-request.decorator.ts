import { SetMetadata } from '@nestjs/common';

export const SEARCH_REQUEST = 'sigap:search-request';

/**
 * A POST that changes nothing: a search whose criteria (a name, a NIK) travel in the body to stay
 * out of the URL. `Idempotency-Key` does not apply: its answer holds personal data that the key's
 * table would keep for a day, and asking again is harmless anyway.
 */
export const SearchRequest = () => SetMetadata(SEARCH_REQUEST, true);
