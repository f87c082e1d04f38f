import { describe, expect, it } from '@jest/globals';
import { checkSchedule, distributionLabel, isCalendarDate } from './schedule.js';

describe('distribution schedule rules', () => {
  const decree = {
    decreeDate: '2026-12-01',
    recipientsByVillage: new Map([
      ['35.75.01.1001', 3],
      ['35.75.01.1002', 1],
    ]),
  };
  const entry = { villageCode: '35.75.01.1001', date: '2026-12-10', startTime: '08:00', endTime: '12:00' };

  it('accepts villages of the decree, on or after its date, ending after they start', () => {
    expect(checkSchedule([entry, { ...entry, villageCode: '35.75.01.1002', date: '2026-12-01' }], decree)).toEqual([]);
    expect(checkSchedule([], decree)).toEqual([]);
  });

  it('names the entry and field of each broken rule', () => {
    expect(
      checkSchedule(
        [
          entry,
          { ...entry, date: '2026-11-30' },
          { villageCode: '35.75.02.2001', date: '2026-02-30', startTime: '13:00', endTime: '13:00' },
        ],
        decree,
      ),
    ).toEqual([
      { path: 'entries[1].villageCode', message: '35.75.01.1001 is scheduled already in entries[0]' },
      { path: 'entries[1].date', message: "must not be before the decree's date (2026-12-01)" },
      { path: 'entries[2].villageCode', message: '35.75.02.2001 has no recipient in this decree' },
      { path: 'entries[2].date', message: '2026-02-30 is not a day of the calendar' },
      { path: 'entries[2].endTime', message: 'must be after startTime (13:00)' },
    ]);
  });

  it('refuses a village whose recipients were all given up (counted 0)', () => {
    const errors = checkSchedule([entry], { ...decree, recipientsByVillage: new Map([['35.75.01.1001', 0]]) });
    expect(errors.map((e) => e.path)).toEqual(['entries[0].villageCode']);
  });

  it('knows the days of the calendar', () => {
    expect(isCalendarDate('2028-02-29')).toBe(true);
    expect(isCalendarDate('2026-02-29')).toBe(false);
    expect(isCalendarDate('2026-13-01')).toBe(false);
  });

  it('tells the citizen the place and the time only', () => {
    expect(distributionLabel({ place: 'Kantor Kelurahan Purworejo', date: '2026-12-10', startTime: '08:00', endTime: '12:00' })).toEqual({
      id: 'Penyaluran: Kantor Kelurahan Purworejo, 2026-12-10 08:00–12:00',
      en: 'Distribution: Kantor Kelurahan Purworejo, 2026-12-10 08:00–12:00',
    });
  });
});
