import type { FieldError, ScheduleEntryDto } from '#contracts';

/** Minutes after midnight of an `HH:MM` the contract already checked. */
function minutes(t: string): number {
  const [h, m] = t.split(':').map(Number);
  return h * 60 + m;
}

/** Whether `YYYY-MM-DD` is a day of the calendar (2026-02-30 is not). */
export function isCalendarDate(d: string): boolean {
  const at = new Date(`${d}T00:00:00Z`);
  return !Number.isNaN(at.getTime()) && at.toISOString().slice(0, 10) === d;
}

/**
 * The rules of a decree's distribution schedule (jadwal penyaluran), beyond the shape the contract
 * checks: each village once, a real date not before the decree's, the end after the start, and
 * only villages where the decree has recipients (those given up not counted). Every error names
 * its entry and field.
 */
export function checkSchedule(
  entries: Pick<ScheduleEntryDto, 'villageCode' | 'date' | 'startTime' | 'endTime'>[],
  decree: { decreeDate: string; recipientsByVillage: ReadonlyMap<string, number> },
): FieldError[] {
  const errors: FieldError[] = [];
  const seen = new Map<string, number>();
  entries.forEach((e, i) => {
    const at = `entries[${i}]`;
    const first = seen.get(e.villageCode);
    if (first !== undefined)
      errors.push({ path: `${at}.villageCode`, message: `${e.villageCode} is scheduled already in entries[${first}]` });
    else seen.set(e.villageCode, i);
    if (!decree.recipientsByVillage.get(e.villageCode)) {
      errors.push({ path: `${at}.villageCode`, message: `${e.villageCode} has no recipient in this decree` });
    }
    if (!isCalendarDate(e.date)) errors.push({ path: `${at}.date`, message: `${e.date} is not a day of the calendar` });
    else if (e.date < decree.decreeDate) {
      errors.push({ path: `${at}.date`, message: `must not be before the decree's date (${decree.decreeDate})` });
    }
    if (minutes(e.endTime) <= minutes(e.startTime)) {
      errors.push({ path: `${at}.endTime`, message: `must be after startTime (${e.startTime})` });
    }
  });
  return errors;
}

/** The citizen's line for a scheduled village, in Bahasa Indonesia and English (place and time only). */
export function distributionLabel(e: { place: string; date: string; startTime: string; endTime: string }): { id: string; en: string } {
  const when = `${e.date} ${e.startTime}–${e.endTime}`;
  return { id: `Penyaluran: ${e.place}, ${when}`, en: `Distribution: ${e.place}, ${when}` };
}
