import { Injectable } from '@nestjs/common';
import { localDateIn } from '#domain';

/**
 * The gateway's "now", for what it records (a login, a password change, a replay): one source of
 * time per app, as intake's Clock, so a test or a later fake clock changes it in one place.
 */
@Injectable()
export class Clock {
  now(): Date {
    return new Date();
  }

  /** Today's date (YYYY-MM-DD) in a time zone, WIB unless told (libs/domain: no hand-written offsets). */
  today(timeZone = 'Asia/Jakarta'): string {
    return localDateIn(this.now(), timeZone);
  }
}
