import { Body, Controller, Delete, Get, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiCreatedResponse, ApiHeader, ApiOkResponse, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { IsOptional, Matches } from 'class-validator';
import { CalendarDayRequest, Rpc, type Actor, type CalendarChangeView, type CalendarDayView, type CalendarYearView } from '#contracts';
import { AuditService } from '../../audit/audit.service.js';
import { ClientIp, CurrentActor } from '../../common/auth/actor.decorator.js';
import { Roles } from '../../common/auth/roles.decorator.js';
import { ServiceClient } from '#messaging';
import { dateParam, yearParam } from '../../common/http/params.js';

const STAFF = ['FRONT_OFFICE', 'VERIFIER', 'HEAD', 'FINANCE', 'WAREHOUSE', 'COMPLAINT_OFFICER', 'ADMIN'] as const;

export class CalendarAgencyQuery {
  @IsOptional()
  @Matches(/^\d{2}(\.\d{2})?(\.[A-Z]{2,10})?$/, { message: 'agencyCode must be an agency code like 33.04' })
  agencyCode?: string;
}

/**
 * An agency's working-day calendar: the national holidays (seeded from the national list)
 * and the collective leave days (cuti bersama) its admins maintain per year. Deadlines in
 * working days skip them.
 */
@ApiTags('calendar')
@ApiBearerAuth()
@Controller('calendar/:year')
export class CalendarController {
  constructor(
    private readonly services: ServiceClient,
    private readonly audit: AuditService,
  ) {}

  @Get('days')
  @Roles(...STAFF)
  @ApiQuery({ name: 'agencyCode', required: false, description: "default: the caller's agency" })
  @ApiOperation({ summary: "The agency's non-working days of a year (weekends aside) and its count of working days" })
  @ApiOkResponse({ description: 'CalendarYearView' })
  get(@CurrentActor() actor: Actor, @Param('year', yearParam()) year: number, @Query() q: CalendarAgencyQuery): Promise<CalendarYearView> {
    return this.services.call(Rpc.intake.getCalendar, { actor, year, agencyCode: q.agencyCode });
  }

  @Post('days')
  @Roles('ADMIN')
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  @ApiBody({ description: '{ date: YYYY-MM-DD, kind: CUTI_BERSAMA | NATIONAL_HOLIDAY, name, agencyCode? }', schema: { type: 'object' } })
  @ApiOperation({ summary: 'Add a non-working day (e.g. a cuti bersama) to the calendar of an agency the admin covers (audited)' })
  @ApiCreatedResponse({ description: 'CalendarDayView' })
  async add(
    @CurrentActor() actor: Actor,
    @Param('year', yearParam()) year: number,
    @Body() body: CalendarDayRequest,
    @ClientIp() ip: string,
  ): Promise<CalendarDayView> {
    const day = await this.services.call<CalendarDayView>(Rpc.intake.addCalendarDay, { actor, year, body });
    await this.audit.record({
      actor,
      action: 'CALENDAR_DAY_ADDED',
      targetType: 'CALENDAR_DAY',
      targetId: day.date,
      targetLabel: day.name,
      agencyCode: day.agencyCode,
      ip,
      after: { date: day.date, kind: day.kind, name: day.name },
    });
    return day;
  }

  @Delete('days/:date')
  @Roles('ADMIN')
  @ApiQuery({ name: 'agencyCode', required: false })
  @ApiOperation({ summary: 'Remove a non-working day (audited): it becomes a working day again if it is Monday–Friday' })
  @ApiOkResponse({ description: '{ removed: CalendarDayView }' })
  async remove(
    @CurrentActor() actor: Actor,
    @Param('year', yearParam()) year: number,
    @Param('date', dateParam()) date: string,
    @Query() q: CalendarAgencyQuery,
    @ClientIp() ip: string,
  ): Promise<{ removed: CalendarDayView }> {
    const r = await this.services.call<{ removed: CalendarDayView }>(Rpc.intake.removeCalendarDay, {
      actor,
      year,
      date,
      agencyCode: q.agencyCode,
    });
    await this.audit.record({
      actor,
      action: 'CALENDAR_DAY_REMOVED',
      targetType: 'CALENDAR_DAY',
      targetId: r.removed.date,
      targetLabel: r.removed.name,
      agencyCode: r.removed.agencyCode,
      ip,
      before: { date: r.removed.date, kind: r.removed.kind, name: r.removed.name },
    });
    return r;
  }

  @Get('changes')
  @Roles('ADMIN')
  @ApiQuery({ name: 'agencyCode', required: false })
  @ApiOperation({ summary: "Who changed the agency's calendar of that year, when and how, newest first" })
  changes(
    @CurrentActor() actor: Actor,
    @Param('year', yearParam()) year: number,
    @Query() q: CalendarAgencyQuery,
  ): Promise<{ items: CalendarChangeView[] }> {
    return this.services.call(Rpc.intake.listCalendarChanges, { actor, year, agencyCode: q.agencyCode });
  }
}
