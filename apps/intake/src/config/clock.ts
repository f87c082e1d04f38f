import { Injectable } from '@nestjs/common';
import { localDateIn } from '#domain';
import { intakeConfig } from './intake.config.js';

/**
 * Intake's "now": filing times, due times, the overdue sweep, time left. The real time, unless
 * a test started the process with SIGAP_CLOCK (checked in IntakeConfig: test databases only),
 * in which case it runs on from that instant at the real pace.
 */
@Injectable()
export class Clock {
  private readonly offsetMs: number;

  constructor() {
    const start = intakeConfig().SIGAP_CLOCK;
    this.offsetMs = start ? new Date(start).getTime() - Date.now() : 0;
  }

  now(): Date {
    return new Date(Date.now() + this.offsetMs);
  }

  /** Today's date (YYYY-MM-DD) in a time zone (an agency's: calendar/time-zone.ts), WIB unless told. */
  today(timeZone = 'Asia/Jakarta'): string {
    return localDateIn(this.now(), timeZone);
  }
}
