import { Injectable } from '@nestjs/common';
import { localDateIn } from '#domain';

/** The time zone the agencies count their days in (WIB). */
export const LOCAL_TIME_ZONE = 'Asia/Jakarta';

/** Disbursement's one clock: "now", and a moment's local date (never a hand-written offset). */
@Injectable()
export class Clock {
  now(): Date {
    return new Date();
  }

  /** `YYYY-MM-DD` of a moment in WIB. */
  localDate(at: Date): string {
    return localDateIn(at, LOCAL_TIME_ZONE);
  }
}
