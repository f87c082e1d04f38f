import { Injectable } from '@nestjs/common';
import { localDateIn } from '#domain';

/** The time zone the agencies' days and fiscal years are counted in (WIB). */
export const LOCAL_TIME_ZONE = 'Asia/Jakarta';

/**
 * The service's one clock: "now", today's local date and the fiscal year, through libs/domain's
 * local date (never a hand-written offset).
 */
@Injectable()
export class Clock {
  now(): Date {
    return new Date();
  }

  /** `YYYY-MM-DD` in WIB. */
  today(): string {
    return localDateIn(this.now(), LOCAL_TIME_ZONE);
  }

  /** 1 January of the current year in WIB, as an instant: the fiscal year (tahun anggaran) is the calendar year. */
  fiscalYearStart(): Date {
    return new Date(`${this.today().slice(0, 4)}-01-01T00:00:00+07:00`);
  }
}
