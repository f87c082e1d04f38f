import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { DataSource } from 'typeorm';
import {
  CalendarDayRequest,
  Rpc,
  validatePayload,
  type Actor,
  type CalendarChangeView,
  type CalendarDayView,
  type CalendarYearView,
} from '#contracts';
import { findAgency, isIsoDate } from '#domain';
import { DomainError, requireCanChange, requireCovers, requireRole } from '#platform';
import { IntakeError, IntakeErrorCode } from '../../applications/intake.error.js';
import { CalendarService } from '../calendar.service.js';
import { timeZoneOf } from '../time-zone.js';

function checkYear(year: unknown): number {
  const y = Number(year);
  if (!Number.isInteger(y) || y < 2000 || y > 2100)
    throw new IntakeError(IntakeErrorCode.InvalidCalendarDay, 'year must be between 2000 and 2100', [
      { path: 'year', message: 'year must be a year between 2000 and 2100' },
    ]);
  return y;
}

interface DayRow {
  agency_code: string;
  date: string;
  kind: CalendarDayView['kind'];
  name: string;
  source: CalendarDayView['source'];
  created_by: string | null;
  created_at: Date;
}

const toView = (r: DayRow): CalendarDayView => ({
  agencyCode: r.agency_code,
  date: r.date,
  kind: r.kind,
  name: r.name,
  source: r.source,
  createdBy: r.created_by,
  createdAt: r.created_at.toISOString(),
});

/**
 * `GET/POST/DELETE /api/v1/calendar/{year}/days`: an agency's non-working days of a year. The
 * national holidays are seeded; an admin adds the year's cuti bersama (and corrects a
 * holiday the government moved). Every change is kept in `calendar_changes` (who, when, what).
 */
@Controller()
export class MaintainCalendarMessageController {
  constructor(
    private readonly ds: DataSource,
    private readonly calendars: CalendarService,
  ) {}

  /** The agency asked about (the actor's own by default): seen for reading, changed for a change. */
  private agencyOf(actor: Actor, agencyCode: string | undefined, act: 'see' | 'change'): string {
    const code = agencyCode ?? actor.agencyCode;
    if (!findAgency(code))
      throw new IntakeError(IntakeErrorCode.InvalidCalendarDay, `No agency ${code}`, [
        { path: 'agencyCode', message: `agencyCode ${code} is not an agency of this installation` },
      ]);
    if (act === 'change') requireCanChange(actor, code, 'its calendar');
    else requireCovers(actor, code, 'its calendar');
    return code;
  }

  @MessagePattern(Rpc.intake.getCalendar)
  async get(@Payload() body: { actor: Actor; year: number; agencyCode?: string }): Promise<CalendarYearView> {
    const year = checkYear(body.year);
    const agencyCode = this.agencyOf(body.actor, body.agencyCode, 'see');
    await this.calendars.ensureSeeded(this.ds.manager, agencyCode, year);
    const rows: DayRow[] = await this.ds.query(
      `SELECT "agency_code", "date"::text AS "date", "kind", "name", "source", "created_by", "created_at"
         FROM "intake"."non_working_days" WHERE "agency_code" = $1 AND "date" BETWEEN make_date($2, 1, 1) AND make_date($2, 12, 31)
        ORDER BY "date"`,
      [agencyCode, year],
    );
    const cal = await this.calendars.calendarFor(agencyCode);
    let workingDayCount = 0;
    for (let d = new Date(Date.UTC(year, 0, 1)); d.getUTCFullYear() === year; d.setUTCDate(d.getUTCDate() + 1)) {
      if (cal.isWorkingDay(d.toISOString().slice(0, 10))) workingDayCount++;
    }
    return { agencyCode, year, timeZone: timeZoneOf(agencyCode), days: rows.map(toView), workingDayCount };
  }

  @MessagePattern(Rpc.intake.addCalendarDay)
  async add(@Payload() payload: { actor: Actor; year: number; body: unknown }): Promise<CalendarDayView> {
    requireRole(payload.actor, 'ADMIN');
    const year = checkYear(payload.year);
    const v = await validatePayload(CalendarDayRequest, payload.body);
    if (!v.ok) throw DomainError.validation(v.errors);
    const day = v.value;
    if (!isIsoDate(day.date))
      throw new IntakeError(IntakeErrorCode.InvalidCalendarDay, `${day.date} is not a date`, [
        { path: 'date', message: `date ${day.date} is not a calendar date` },
      ]);
    if (Number(day.date.slice(0, 4)) !== year)
      throw new IntakeError(IntakeErrorCode.InvalidCalendarDay, `${day.date} is not in ${year}`, [
        { path: 'date', message: `date must be in ${year}` },
      ]);
    const agencyCode = this.agencyOf(payload.actor, day.agencyCode, 'change');
    const rows: DayRow[] = await this.ds.transaction(async (m) => {
      // seed the year first: the admin's day must not be shadowed by (or shadow) a later seeding
      await this.calendars.ensureSeeded(m, agencyCode, year);
      const inserted: DayRow[] = await m.query(
        `INSERT INTO "intake"."non_working_days" ("agency_code", "date", "kind", "name", "source", "created_by")
         VALUES ($1, $2::date, $3, $4, 'ADMIN', $5) ON CONFLICT ("agency_code", "date") DO NOTHING
         RETURNING "agency_code", "date"::text AS "date", "kind", "name", "source", "created_by", "created_at"`,
        [agencyCode, day.date, day.kind, day.name.trim(), payload.actor.username],
      );
      if (inserted.length) {
        await m.query(
          `INSERT INTO "intake"."calendar_changes" ("agency_code", "date", "action", "kind", "name", "actor") VALUES ($1, $2::date, 'ADDED', $3, $4, $5)`,
          [agencyCode, day.date, day.kind, day.name.trim(), payload.actor.username],
        );
      }
      return inserted;
    });
    if (!rows.length) {
      throw new IntakeError(
        IntakeErrorCode.CalendarDayExists,
        `${day.date} is already a non-working day of agency ${agencyCode}: remove it first to change it`,
        [{ path: 'date', message: `date ${day.date} is already in the calendar` }],
      );
    }
    this.calendars.invalidate(agencyCode);
    return toView(rows[0]);
  }

  @MessagePattern(Rpc.intake.removeCalendarDay)
  async remove(
    @Payload() payload: { actor: Actor; year: number; date: string; agencyCode?: string },
  ): Promise<{ removed: CalendarDayView }> {
    requireRole(payload.actor, 'ADMIN');
    const year = checkYear(payload.year);
    if (!isIsoDate(payload.date) || Number(payload.date.slice(0, 4)) !== year) {
      throw new IntakeError(IntakeErrorCode.InvalidCalendarDay, `${payload.date} is not a date of ${year}`, [
        { path: 'date', message: `date must be a date YYYY-MM-DD in ${year}` },
      ]);
    }
    const agencyCode = this.agencyOf(payload.actor, payload.agencyCode, 'change');
    const rows: DayRow[] = await this.ds.transaction(async (m) => {
      await this.calendars.ensureSeeded(m, agencyCode, year);
      // TypeORM answers a DELETE … RETURNING with [rows, count]
      const [deleted]: [DayRow[], number] = await m.query(
        `DELETE FROM "intake"."non_working_days" WHERE "agency_code" = $1 AND "date" = $2::date
         RETURNING "agency_code", "date"::text AS "date", "kind", "name", "source", "created_by", "created_at"`,
        [agencyCode, payload.date],
      );
      if (deleted.length) {
        await m.query(
          `INSERT INTO "intake"."calendar_changes" ("agency_code", "date", "action", "kind", "name", "actor") VALUES ($1, $2::date, 'REMOVED', $3, $4, $5)`,
          [agencyCode, payload.date, deleted[0].kind, deleted[0].name, payload.actor.username],
        );
      }
      return deleted;
    });
    if (!rows.length)
      throw new IntakeError(IntakeErrorCode.CalendarDayNotFound, `${payload.date} is not a non-working day of agency ${agencyCode}`);
    this.calendars.invalidate(agencyCode);
    return { removed: toView(rows[0]) };
  }

  @MessagePattern(Rpc.intake.listCalendarChanges)
  async changes(@Payload() body: { actor: Actor; year: number; agencyCode?: string }): Promise<{ items: CalendarChangeView[] }> {
    requireRole(body.actor, 'ADMIN');
    const year = checkYear(body.year);
    const agencyCode = this.agencyOf(body.actor, body.agencyCode, 'see');
    const rows: Array<{
      at: Date;
      actor: string;
      action: 'ADDED' | 'REMOVED';
      agency_code: string;
      date: string;
      kind: string;
      name: string;
    }> = await this.ds.query(
      `SELECT "at", "actor", "action", "agency_code", "date"::text AS "date", "kind", "name" FROM "intake"."calendar_changes"
        WHERE "agency_code" = $1 AND "date" BETWEEN make_date($2, 1, 1) AND make_date($2, 12, 31) ORDER BY "id" DESC`,
      [agencyCode, year],
    );
    return {
      items: rows.map((r) => ({
        at: r.at.toISOString(),
        actor: r.actor,
        action: r.action,
        agencyCode: r.agency_code,
        date: r.date,
        kind: r.kind,
        name: r.name,
      })),
    };
  }
}
