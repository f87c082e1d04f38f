/**
 * The working-day calendar shared by every service: the deadlines of the service standards
 * (standar pelayanan) in minutes, hours, working days, calendar days or months, counted in
 * the agency's time zone (WIB, WITA or WIT) with Intl, no date library.
 */
import { OFFICIAL_CUTI_BERSAMA, OFFICIAL_NATIONAL_HOLIDAYS, packageHolidays } from './holidays-id.js';
import { addDays, addMonthsClamped, isIsoDate, weekday } from './local-date.js';

/** Unit of a service standard's deadline. */
export type DeadlineUnit = 'MINUTES' | 'HOURS' | 'WORKING_DAYS' | 'CALENDAR_DAYS' | 'MONTHS';

/**
 * A deadline as a standard states it ("5 hari kerja", "30 menit", "3 bulan"). The users' rules:
 * - MINUTES and HOURS run on the clock, 24/7, weekends and holidays included (AUDIENSI's
 *   urgent walk-in: 30 minutes).
 * - CALENDAR_DAYS: the end of the local day (23:59:59.999 in the agency's zone) N days after
 *   the start's local date.
 * - MONTHS: the end of the local day N months after the start's local date, the day clamped
 *   to the month's end (31 Jan + 1 month → 28 Feb, or 29 Feb in a leap year).
 * - WORKING_DAYS: the end of the Nth working day counted after the start's local date:
 *   filed on a Friday with 1 working day → due at the end of Monday; filed on a Saturday or a
 *   holiday, counting starts the same way, so the first working day after it is day 1.
 * An amount of 0 means the end of the start's local day (instantly, for MINUTES and HOURS).
 */
export interface Deadline {
  amount: number;
  unit: DeadlineUnit;
}

/** A national holiday (hari libur nasional) or a collective leave day (cuti bersama). */
export type NonWorkingDayKind = 'NATIONAL_HOLIDAY' | 'CUTI_BERSAMA';

/** One non-working day; `date` is a local date, YYYY-MM-DD. */
export interface NonWorkingDay {
  date: string;
  kind: NonWorkingDayKind;
  name: string;
}

/** More working days than any standard asks for: a bound on the counting loop. */
const MAX_DAYS = 3_660;

/**
 * Working days: Monday–Friday minus national holidays and cuti bersama; a time zone per agency
 * (WIB default). The calendar knows only the days it is given: in a year nobody seeded, only
 * weekends are non-working, so seed each year (`seedNonWorkingDays`) before it starts.
 */
export class WorkingCalendar {
  readonly timeZone: string;
  private readonly days = new Map<string, NonWorkingDay>();
  private readonly parts: Intl.DateTimeFormat;
  /** local date → epoch ms of its midnight: Intl is slow, and a queue asks for the same days again and again */
  private readonly midnights = new Map<string, number>();

  constructor(days: NonWorkingDay[], opts?: { timeZone?: string /* IANA, default 'Asia/Jakarta' */ }) {
    this.timeZone = opts?.timeZone ?? 'Asia/Jakarta';
    // throws RangeError on an unknown zone, at construction rather than at the first deadline
    this.parts = new Intl.DateTimeFormat('en-US', {
      timeZone: this.timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    for (const d of days) {
      if (!isIsoDate(d.date)) throw new RangeError(`non-working day ${JSON.stringify(d.date)} is not a date YYYY-MM-DD`);
      const seen = this.days.get(d.date);
      // a national holiday wins over a cuti bersama on the same date: it is the day's reason
      if (!seen || (seen.kind === 'CUTI_BERSAMA' && d.kind === 'NATIONAL_HOLIDAY')) this.days.set(d.date, d);
    }
  }

  /** Whether a local date (YYYY-MM-DD) is Monday–Friday and neither a national holiday nor cuti bersama. */
  isWorkingDay(date: string): boolean {
    assertDate(date);
    const wd = weekday(date);
    return wd !== 0 && wd !== 6 && !this.days.has(date);
  }

  /** The holiday or cuti bersama on a local date, if any (a plain weekend has none). */
  nonWorkingDay(date: string): NonWorkingDay | undefined {
    assertDate(date);
    return this.days.get(date);
  }

  /** The due instant of a deadline started at `start` (rules on `Deadline`). */
  addDeadline(start: Date, deadline: Deadline): Date {
    assertInstant(start, 'start');
    const { amount, unit } = deadline;
    if (!Number.isFinite(amount) || amount < 0) throw new RangeError(`deadline amount must be a non-negative number, got ${amount}`);
    if (unit === 'MINUTES') return new Date(start.getTime() + amount * 60_000);
    if (unit === 'HOURS') return new Date(start.getTime() + amount * 3_600_000);
    if (!Number.isInteger(amount)) throw new RangeError(`a deadline in ${unit} needs a whole number, got ${amount}`);
    const from = this.localDate(start);
    switch (unit) {
      case 'CALENDAR_DAYS':
        return this.endOfLocalDay(addDays(from, amount));
      case 'MONTHS':
        return this.endOfLocalDay(addMonthsClamped(from, amount));
      case 'WORKING_DAYS': {
        if (amount > MAX_DAYS) throw new RangeError(`a deadline of ${amount} working days is beyond any standard`);
        let day = from;
        for (let counted = 0; counted < amount;) {
          day = addDays(day, 1);
          if (this.isWorkingDay(day)) counted++;
        }
        return this.endOfLocalDay(day);
      }
      default:
        throw new RangeError(`unknown deadline unit ${String(unit)}`);
    }
  }

  /**
   * Time left from `now` to `due`, for "time left" displays and the queue's order:
   * `milliseconds` on the clock and `workingDays`, the working time between them in days (a
   * working day counts whole, a part of one its fraction, weekends and holidays nothing), both
   * negative when overdue (`now` after `due`).
   */
  timeLeft(now: Date, due: Date): { overdue: boolean; milliseconds: number; workingDays: number } {
    assertInstant(now, 'now');
    assertInstant(due, 'due');
    const milliseconds = due.getTime() - now.getTime();
    const overdue = milliseconds < 0;
    const [a, b] = overdue ? [due, now] : [now, due];
    let workingDays = 0;
    for (let day = this.localDate(a); ; day = addDays(day, 1)) {
      const dayStart = this.midnight(day);
      if (dayStart >= b.getTime()) break;
      if (this.isWorkingDay(day)) {
        const dayEnd = this.midnight(addDays(day, 1));
        const overlap = Math.min(dayEnd, b.getTime()) - Math.max(dayStart, a.getTime());
        if (overlap > 0) workingDays += overlap / (dayEnd - dayStart);
      }
    }
    return { overdue, milliseconds, workingDays: overdue ? -workingDays : workingDays };
  }

  /** The local date (YYYY-MM-DD) of an instant in the calendar's zone. */
  localDate(instant: Date): string {
    assertInstant(instant, 'instant');
    const p = this.fields(instant.getTime());
    return `${pad(p.year, 4)}-${pad(p.month, 2)}-${pad(p.day, 2)}`;
  }

  /** 00:00:00.000 of a local date in the calendar's zone. */
  startOfLocalDay(date: string): Date {
    assertDate(date);
    return new Date(this.midnight(date));
  }

  /** 23:59:59.999 of a local date in the calendar's zone: when a day-based deadline falls due. */
  endOfLocalDay(date: string): Date {
    assertDate(date);
    return new Date(this.midnight(addDays(date, 1)) - 1);
  }

  private midnight(date: string): number {
    let t = this.midnights.get(date);
    if (t === undefined) {
      if (this.midnights.size >= 20_000) this.midnights.clear();
      t = this.instantOf(date, 0);
      this.midnights.set(date, t);
    }
    return t;
  }

  /** The instant of a wall-clock time on a local date (Indonesia has no DST; this also holds where there is). */
  private instantOf(date: string, msOfDay: number): number {
    const [y, m, d] = date.split('-').map(Number);
    const wall = Date.UTC(y, m - 1, d) + msOfDay;
    let guess = wall - this.offset(wall);
    guess = wall - this.offset(guess);
    return guess;
  }

  /** The zone's offset from UTC at an instant, in ms (WIB: +7 h). */
  private offset(epochMs: number): number {
    const p = this.fields(epochMs);
    const wall = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
    return wall - (epochMs - (((epochMs % 1000) + 1000) % 1000));
  }

  private fields(epochMs: number) {
    const out = { year: 0, month: 0, day: 0, hour: 0, minute: 0, second: 0 };
    for (const part of this.parts.formatToParts(epochMs)) {
      if (part.type in out) out[part.type as keyof typeof out] = Number(part.value);
    }
    return out;
  }
}

/**
 * Indonesia's national holidays of a year from `date-holidays`, corrected with the official list
 * where known (2026: SKB 3 Menteri No. 1497/2025, 2/2025, 5/2025), plus the official cuti bersama
 * of that year when known. For other years: the package's dates (the Islamic ones are
 * astronomical estimates, the government decides later), Isra Mikraj named as such (the package
 * calls it "Maulid Nabi"), Easter Sunday added, no cuti bersama: an admin maintains them.
 * Sorted by date; one entry per date and kind.
 */
export function seedNonWorkingDays(year: number): NonWorkingDay[] {
  if (!Number.isInteger(year) || year < 1970 || year > 2200) throw new RangeError(`year ${year} is out of range`);
  const holidays = OFFICIAL_NATIONAL_HOLIDAYS[year] ?? packageHolidays(year);
  const cuti = OFFICIAL_CUTI_BERSAMA[year] ?? [];
  const days: NonWorkingDay[] = [
    ...holidays.map(([date, name]) => ({ date, kind: 'NATIONAL_HOLIDAY' as const, name })),
    ...cuti.map(([date, name]) => ({ date, kind: 'CUTI_BERSAMA' as const, name })),
  ];
  return days.sort((x, y) => (x.date === y.date ? x.kind.localeCompare(y.kind) : x.date < y.date ? -1 : 1));
}

const UNIT_WORDS: Record<'id' | 'en', Record<DeadlineUnit, [one: string, many: string]>> = {
  id: {
    MINUTES: ['menit', 'menit'],
    HOURS: ['jam', 'jam'],
    WORKING_DAYS: ['hari kerja', 'hari kerja'],
    CALENDAR_DAYS: ['hari kalender', 'hari kalender'],
    MONTHS: ['bulan', 'bulan'],
  },
  en: {
    MINUTES: ['minute', 'minutes'],
    HOURS: ['hour', 'hours'],
    WORKING_DAYS: ['working day', 'working days'],
    CALENDAR_DAYS: ['calendar day', 'calendar days'],
    MONTHS: ['month', 'months'],
  },
};

/** A deadline in words: "5 hari kerja" / "5 working days", "3 bulan", "30 menit", "1 hour"… */
export function formatDeadline(d: Deadline, lang: 'id' | 'en'): string {
  const words = UNIT_WORDS[lang]?.[d.unit];
  if (!words) throw new RangeError(`cannot format a deadline in ${String(d.unit)} for ${String(lang)}`);
  const n = new Intl.NumberFormat(lang === 'id' ? 'id-ID' : 'en-US', { maximumFractionDigits: 2 }).format(d.amount);
  return `${n} ${d.amount === 1 ? words[0] : words[1]}`;
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

function assertDate(date: string): void {
  if (!isIsoDate(date)) throw new RangeError(`${JSON.stringify(date)} is not a date YYYY-MM-DD`);
}

function assertInstant(d: Date, what: string): void {
  if (!(d instanceof Date) || Number.isNaN(d.getTime())) throw new RangeError(`${what} is not a valid instant`);
}
