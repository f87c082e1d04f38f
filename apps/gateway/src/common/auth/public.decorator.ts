import { SetMetadata } from '@nestjs/common';

export const IS_PUBLIC = 'sigap:public';

/** Opens a route to callers without a token (login, public status pages). */
export const Public = () => SetMetadata(IS_PUBLIC, true);
