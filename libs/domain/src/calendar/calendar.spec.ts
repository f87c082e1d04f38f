import { describe, expect, it } from '@jest/globals';
import { WorkingCalendar, formatDeadline, seedNonWorkingDays, type NonWorkingDay } from './calendar.js';

// Expected dates below were read off a 2026/2027 wall calendar and the SKB 3 Menteri list, not
// computed: 2026-01-01 is a Thursday, 2026-03-13 a Friday, 2026-12-30 a Wednesday.
const wib = (local: string) => new Date(`${local}+07:00`);
/** the end of a local day in WIB: 23:59:59.999+07:00 */
const endOfDayWib = (date: string) => new Date(`${date}T23:59:59.999+07:00`);

const cal2026 = new WorkingCalendar(seedNonWorkingDays(2026));
/** 2026 plus New Year 2027, the only 2027 holiday these tests rely on */
const calTo2027 = new WorkingCalendar([
  ...seedNonWorkingDays(2026),
  { date: '2027-01-01', kind: 'NATIONAL_HOLIDAY', name: 'Tahun Baru 2027 Masehi' },
]);

describe('seedNonWorkingDays(2026): the official list (SKB 3 Menteri)', () => {
  const days = seedNonWorkingDays(2026);
  const holidays = days.filter((d) => d.kind === 'NATIONAL_HOLIDAY');
  const cuti = days.filter((d) => d.kind === 'CUTI_BERSAMA');

  it('has the 17 national holidays on their official dates', () => {
    expect(holidays.map((d) => d.date)).toEqual([
      '2026-01-01', // Tahun Baru Masehi
      '2026-01-16', // Isra Mikraj
      '2026-02-17', // Imlek
      '2026-03-19', // Nyepi
      '2026-03-21', // Idul Fitri
      '2026-03-22', // Idul Fitri
      '2026-04-03', // Wafat Yesus Kristus
      '2026-04-05', // Paskah
      '2026-05-01', // Hari Buruh
      '2026-05-14', // Kenaikan Yesus Kristus
      '2026-05-27', // Idul Adha
      '2026-05-31', // Waisak
      '2026-06-01', // Hari Lahir Pancasila
      '2026-06-16', // 1 Muharam
      '2026-08-17', // Proklamasi
      '2026-08-25', // Maulid Nabi
      '2026-12-25', // Natal
    ]);
  });

  it('has the 8 cuti bersama', () => {
    expect(cuti.map((d) => d.date)).toEqual([
      '2026-02-16',
      '2026-03-18',
      '2026-03-20',
      '2026-03-23',
      '2026-03-24',
      '2026-05-15',
      '2026-05-28',
      '2026-12-24',
    ]);
  });

  it('names 16 Jan Isra Mikraj, not "Maulid Nabi" as date-holidays does; Maulid Nabi is 25 Aug', () => {
    expect(days.find((d) => d.date === '2026-01-16')?.name).toMatch(/Isra Mikraj/);
    expect(days.find((d) => d.date === '2026-01-16')?.name).not.toMatch(/Maulid/);
    expect(days.filter((d) => /Maulid/.test(d.name)).map((d) => d.date)).toEqual(['2026-08-25']);
  });

  it('has Idul Fitri on 21–22 Mar, and 20 Mar (the package’s Idul Fitri) as cuti bersama', () => {
    expect(days.filter((d) => /Idul Fitri/.test(d.name) && d.kind === 'NATIONAL_HOLIDAY').map((d) => d.date)).toEqual([
      '2026-03-21',
      '2026-03-22',
    ]);
    expect(days.find((d) => d.date === '2026-03-20')).toMatchObject({ kind: 'CUTI_BERSAMA' });
  });
});

describe('seedNonWorkingDays for a year without an official list (from date-holidays)', () => {
  const days2027 = seedNonWorkingDays(2027);

  it('has the fixed-date holidays and no cuti bersama', () => {
    const dates = days2027.map((d) => d.date);
    for (const d of ['2027-01-01', '2027-05-01', '2027-06-01', '2027-08-17', '2027-12-25']) expect(dates).toContain(d);
    expect(days2027.filter((d) => d.kind === 'CUTI_BERSAMA')).toEqual([]);
  });

  it('takes the Islamic holidays’ calendar date despite the package’s -0600 offset, and names 27 Rajab Isra Mikraj', () => {
    // the package: Isra Mikraj 2027-01-05 "00:00:00 -0600"; its instant is 2027-01-04T11:00Z
    expect(days2027.find((d) => d.date === '2027-01-05')?.name).toMatch(/Isra Mikraj/);
    expect(days2027.find((d) => d.date === '2027-01-04')).toBeUndefined();
  });

  it('adds Easter Sunday (28 Mar 2027), which the package lacks', () => {
    expect(days2027.find((d) => d.date === '2027-03-28')?.name).toMatch(/Paskah/);
  });

  it('has one entry per date', () => {
    const dates = days2027.map((d) => `${d.date}|${d.kind}`);
    expect(new Set(dates).size).toBe(dates.length);
  });
});

describe('WorkingCalendar.isWorkingDay / nonWorkingDay', () => {
  it('weekends, holidays and cuti bersama are not working days', () => {
    expect(cal2026.isWorkingDay('2026-03-13')).toBe(true); // Friday
    expect(cal2026.isWorkingDay('2026-03-14')).toBe(false); // Saturday
    expect(cal2026.isWorkingDay('2026-03-15')).toBe(false); // Sunday
    expect(cal2026.isWorkingDay('2026-03-16')).toBe(true); // Monday
    expect(cal2026.isWorkingDay('2026-03-18')).toBe(false); // cuti bersama Nyepi
    expect(cal2026.isWorkingDay('2026-03-19')).toBe(false); // Nyepi
    expect(cal2026.isWorkingDay('2026-12-24')).toBe(false); // cuti bersama Natal
    expect(cal2026.isWorkingDay('2026-12-25')).toBe(false); // Natal
    expect(cal2026.isWorkingDay('2026-12-28')).toBe(true); // Monday
  });

  it('says which day it is', () => {
    expect(cal2026.nonWorkingDay('2026-08-17')).toMatchObject({ kind: 'NATIONAL_HOLIDAY', name: 'Proklamasi Kemerdekaan' });
    expect(cal2026.nonWorkingDay('2026-03-24')).toMatchObject({ kind: 'CUTI_BERSAMA' });
    expect(cal2026.nonWorkingDay('2026-03-14')).toBeUndefined(); // a plain Saturday
  });

  it('prefers the national holiday when a cuti bersama is given for the same date', () => {
    const c = new WorkingCalendar([
      { date: '2026-08-17', kind: 'CUTI_BERSAMA', name: 'x' },
      { date: '2026-08-17', kind: 'NATIONAL_HOLIDAY', name: 'Proklamasi Kemerdekaan' },
    ]);
    expect(c.nonWorkingDay('2026-08-17')?.kind).toBe('NATIONAL_HOLIDAY');
  });

  it('refuses what is not a date', () => {
    expect(() => cal2026.isWorkingDay('2026-02-30')).toThrow(RangeError);
    expect(() => cal2026.isWorkingDay('17-08-2026')).toThrow(RangeError);
    expect(() => new WorkingCalendar([{ date: '2026-13-01', kind: 'NATIONAL_HOLIDAY', name: 'x' }])).toThrow(RangeError);
    expect(() => new WorkingCalendar([], { timeZone: 'Asia/Nowhere' })).toThrow(RangeError);
  });
});

describe('WorkingCalendar.addDeadline: WORKING_DAYS', () => {
  const wd = (amount: number) => ({ amount, unit: 'WORKING_DAYS' as const });

  it('filed on a Friday with 1 working day: due at the end of Monday', () => {
    expect(cal2026.addDeadline(wib('2026-02-06T15:30:00'), wd(1))).toEqual(endOfDayWib('2026-02-09'));
  });

  it('filed on a Saturday or Sunday: counts from Monday, which is day 1', () => {
    expect(cal2026.addDeadline(wib('2026-02-07T09:00:00'), wd(1))).toEqual(endOfDayWib('2026-02-09'));
    expect(cal2026.addDeadline(wib('2026-02-08T09:00:00'), wd(2))).toEqual(endOfDayWib('2026-02-10'));
  });

  it('5 working days from a Monday: the end of the next Monday', () => {
    expect(cal2026.addDeadline(wib('2026-02-02T08:00:00'), wd(5))).toEqual(endOfDayWib('2026-02-09'));
  });

  it('skips Imlek with its cuti bersama (Mon 16 + Tue 17 Feb)', () => {
    // Fri 13 Feb + 3: Wed 18, Thu 19, Fri 20
    expect(cal2026.addDeadline(wib('2026-02-13T10:00:00'), wd(3))).toEqual(endOfDayWib('2026-02-20'));
  });

  it('skips Nyepi and Idul Fitri with their cuti bersama (18–24 Mar)', () => {
    // Fri 13 Mar + 5: Mon 16, Tue 17, then 18 (cuti) 19 (Nyepi) 20 (cuti) 21–22 (Idul Fitri,
    // weekend) 23–24 (cuti), then Wed 25, Thu 26, Fri 27
    expect(cal2026.addDeadline(wib('2026-03-13T10:00:00'), wd(5))).toEqual(endOfDayWib('2026-03-27'));
    // Tue 17 Mar + 1: the next working day is Wed 25 Mar
    expect(cal2026.addDeadline(wib('2026-03-17T16:00:00'), wd(1))).toEqual(endOfDayWib('2026-03-25'));
  });

  it('filed on a holiday: counts from the next working day the same way', () => {
    // Thu 19 Mar (Nyepi) + 1 → Wed 25 Mar
    expect(cal2026.addDeadline(wib('2026-03-19T10:00:00'), wd(1))).toEqual(endOfDayWib('2026-03-25'));
    // Mon 17 Aug (Proklamasi) + 1 → Tue 18 Aug
    expect(cal2026.addDeadline(wib('2026-08-17T10:00:00'), wd(1))).toEqual(endOfDayWib('2026-08-18'));
  });

  it('skips Christmas with its cuti bersama (Thu 24 + Fri 25 Dec)', () => {
    // Wed 23 Dec + 1 → Mon 28 Dec
    expect(cal2026.addDeadline(wib('2026-12-23T10:00:00'), wd(1))).toEqual(endOfDayWib('2026-12-28'));
  });

  it('crosses the year boundary: 30 Dec 2026 + 5 working days, New Year 2027 skipped → Thu 7 Jan 2027', () => {
    // Thu 31 Dec, (Fri 1 Jan holiday), Mon 4, Tue 5, Wed 6, Thu 7 Jan
    expect(calTo2027.addDeadline(wib('2026-12-30T14:00:00'), wd(5))).toEqual(endOfDayWib('2027-01-07'));
  });

  it('uses the local date in WIB: 30 Dec 2026 23:30 WIB is 16:30 UTC the same day, 31 Dec 00:30 WIB is still 30 Dec in UTC', () => {
    expect(calTo2027.addDeadline(new Date('2026-12-30T16:30:00Z'), wd(1))).toEqual(endOfDayWib('2026-12-31'));
    // 31 Dec 00:30 WIB: the local date is 31 Dec (UTC still says 30 Dec) → next working day Mon 4 Jan
    expect(calTo2027.addDeadline(new Date('2026-12-30T17:30:00Z'), wd(1))).toEqual(endOfDayWib('2027-01-04'));
  });

  it('0 working days: the end of the filing day', () => {
    expect(cal2026.addDeadline(wib('2026-02-06T15:30:00'), wd(0))).toEqual(endOfDayWib('2026-02-06'));
  });

  it('counts in the agency’s zone: WIT (Jayapura, +09:00) ends its day two hours before WIB', () => {
    const wit = new WorkingCalendar(seedNonWorkingDays(2026), { timeZone: 'Asia/Jayapura' });
    // Fri 6 Feb 23:30 WIB is already Sat 7 Feb 01:30 WIT → + 1 working day → Mon 9 Feb, end in WIT
    expect(wit.addDeadline(wib('2026-02-06T23:30:00'), wd(1))).toEqual(new Date('2026-02-09T23:59:59.999+09:00'));
    expect(cal2026.addDeadline(wib('2026-02-06T23:30:00'), wd(1))).toEqual(endOfDayWib('2026-02-09'));
    const wita = new WorkingCalendar([], { timeZone: 'Asia/Makassar' });
    expect(wita.addDeadline(new Date('2026-02-09T01:00:00Z'), wd(1))).toEqual(new Date('2026-02-10T23:59:59.999+08:00'));
  });

  it('refuses a fractional or negative number of days', () => {
    expect(() => cal2026.addDeadline(wib('2026-02-06T10:00:00'), wd(1.5))).toThrow(RangeError);
    expect(() => cal2026.addDeadline(wib('2026-02-06T10:00:00'), wd(-1))).toThrow(RangeError);
    expect(() => cal2026.addDeadline(new Date('nope'), wd(1))).toThrow(RangeError);
  });
});

describe('WorkingCalendar.addDeadline: MINUTES and HOURS run on the clock', () => {
  it("AUDIENSI's urgent walk-in, 30 minutes, on a Sunday and on a holiday too", () => {
    expect(cal2026.addDeadline(wib('2026-03-15T10:45:00'), { amount: 30, unit: 'MINUTES' })).toEqual(wib('2026-03-15T11:15:00'));
    expect(cal2026.addDeadline(wib('2026-08-17T23:50:00'), { amount: 30, unit: 'MINUTES' })).toEqual(wib('2026-08-18T00:20:00'));
  });

  it('hours cross nights, weekends and the year end', () => {
    expect(cal2026.addDeadline(wib('2026-02-06T16:00:00'), { amount: 24, unit: 'HOURS' })).toEqual(wib('2026-02-07T16:00:00'));
    expect(calTo2027.addDeadline(wib('2026-12-31T20:00:00'), { amount: 6, unit: 'HOURS' })).toEqual(wib('2027-01-01T02:00:00'));
    expect(cal2026.addDeadline(wib('2026-02-06T16:00:00'), { amount: 1.5, unit: 'HOURS' })).toEqual(wib('2026-02-06T17:30:00'));
  });
});

describe('WorkingCalendar.addDeadline: CALENDAR_DAYS and MONTHS end at the end of the local day', () => {
  it('14 calendar days, weekends and holidays included', () => {
    expect(cal2026.addDeadline(wib('2026-03-13T10:00:00'), { amount: 14, unit: 'CALENDAR_DAYS' })).toEqual(endOfDayWib('2026-03-27'));
    expect(cal2026.addDeadline(wib('2026-12-20T10:00:00'), { amount: 14, unit: 'CALENDAR_DAYS' })).toEqual(endOfDayWib('2027-01-03'));
  });

  it('months, the day clamped to the month end', () => {
    expect(cal2026.addDeadline(wib('2026-01-31T10:00:00'), { amount: 1, unit: 'MONTHS' })).toEqual(endOfDayWib('2026-02-28'));
    expect(cal2026.addDeadline(wib('2027-12-31T10:00:00'), { amount: 2, unit: 'MONTHS' })).toEqual(endOfDayWib('2028-02-29')); // leap year
    expect(cal2026.addDeadline(wib('2026-03-31T10:00:00'), { amount: 3, unit: 'MONTHS' })).toEqual(endOfDayWib('2026-06-30'));
    expect(cal2026.addDeadline(wib('2026-11-15T10:00:00'), { amount: 3, unit: 'MONTHS' })).toEqual(endOfDayWib('2027-02-15'));
    expect(cal2026.addDeadline(wib('2026-05-10T10:00:00'), { amount: 12, unit: 'MONTHS' })).toEqual(endOfDayWib('2027-05-10'));
  });
});

describe('WorkingCalendar.timeLeft', () => {
  it('counts working days left, a part day as its fraction, weekends as nothing', () => {
    // Fri 6 Feb 12:00 WIB → due end of Tue 10 Feb: half of Friday + Monday + Tuesday
    const left = cal2026.timeLeft(wib('2026-02-06T12:00:00'), endOfDayWib('2026-02-10'));
    expect(left.overdue).toBe(false);
    expect(left.milliseconds).toBe(4 * 86_400_000 + 12 * 3_600_000 - 1);
    expect(left.workingDays).toBeCloseTo(2.5, 6);
  });

  it('is 0 working days over the Idul Fitri break', () => {
    // Sat 21 Mar 00:00 → Tue 24 Mar end: weekend, holidays and cuti bersama only
    expect(cal2026.timeLeft(wib('2026-03-21T00:00:00'), endOfDayWib('2026-03-24')).workingDays).toBe(0);
  });

  it('is negative when overdue', () => {
    // due at the end of Fri 6 Feb; now Tue 10 Feb 06:00: Mon whole + a quarter of Tue
    const left = cal2026.timeLeft(wib('2026-02-10T06:00:00'), endOfDayWib('2026-02-06'));
    expect(left.overdue).toBe(true);
    expect(left.milliseconds).toBe(-(3 * 86_400_000 + 6 * 3_600_000 + 1));
    expect(left.workingDays).toBeCloseTo(-1.25, 6);
  });

  it('counts minutes of a clock deadline', () => {
    const left = cal2026.timeLeft(wib('2026-02-09T10:00:00'), wib('2026-02-09T10:30:00'));
    expect(left).toEqual({ overdue: false, milliseconds: 1_800_000, workingDays: 30 / 1440 });
  });
});

describe('WorkingCalendar.localDate', () => {
  it('is the date in the calendar’s zone', () => {
    expect(cal2026.localDate(new Date('2026-12-31T17:00:00Z'))).toBe('2027-01-01'); // midnight WIB
    expect(cal2026.localDate(new Date('2026-12-31T16:59:59.999Z'))).toBe('2026-12-31');
    expect(new WorkingCalendar([], { timeZone: 'Asia/Jayapura' }).localDate(new Date('2026-12-31T15:00:00Z'))).toBe('2027-01-01');
  });
});

describe('formatDeadline', () => {
  it('in Bahasa Indonesia and English', () => {
    expect(formatDeadline({ amount: 5, unit: 'WORKING_DAYS' }, 'id')).toBe('5 hari kerja');
    expect(formatDeadline({ amount: 5, unit: 'WORKING_DAYS' }, 'en')).toBe('5 working days');
    expect(formatDeadline({ amount: 1, unit: 'WORKING_DAYS' }, 'en')).toBe('1 working day');
    expect(formatDeadline({ amount: 3, unit: 'MONTHS' }, 'id')).toBe('3 bulan');
    expect(formatDeadline({ amount: 30, unit: 'MINUTES' }, 'id')).toBe('30 menit');
    expect(formatDeadline({ amount: 1, unit: 'HOURS' }, 'en')).toBe('1 hour');
    expect(formatDeadline({ amount: 1.5, unit: 'HOURS' }, 'id')).toBe('1,5 jam');
    expect(formatDeadline({ amount: 14, unit: 'CALENDAR_DAYS' }, 'id')).toBe('14 hari kalender');
    expect(formatDeadline({ amount: 14, unit: 'CALENDAR_DAYS' }, 'en')).toBe('14 calendar days');
  });
});

// a compile-time check that the seed's shape is the calendar's input
const _typed: NonWorkingDay[] = seedNonWorkingDays(2026);
void _typed;
