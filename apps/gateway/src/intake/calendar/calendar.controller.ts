import { Body, Controller, Delete, Get, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiCreatedResponse, ApiHeader, ApiOkResponse, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { IsOptional, Matches } from 'class-validator';
import { CalendarDayRequest, Rpc, type Actor, type CalendarChangeView, type CalendarDayView, type CalendarYearView } from '#contracts';
import { CurrentActor } from '../../common/auth/actor.decorator.js';
import { Roles } from '../../common/auth/roles.decorator.js';
import { ServiceClient } from '#messaging';
import { dateParam, yearParam } from '../../common/http/params.js';

const STAFF = ['FRONT_OFFICE', 'VERIFIER', 'HEAD', 'FINANCE', 'WAREHOUSE', 'COMPLAINT_OFFICER', 'ADMIN'] as const;

export class CalendarAgencyQuery {
  @IsOptional() @Matches(/^\d{2}(\.\d{2})?(\.[A-Z]{2,10})?$/, { message: 'agencyCode must be an agency code like 33.04' })
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
  constructor(private readonly services: ServiceClient) {}

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
  add(@CurrentActor() actor: Actor, @Param('year', yearParam()) year: number, @Body() body: CalendarDayRequest): Promise<CalendarDayView> {
    return this.services.call(Rpc.intake.addCalendarDay, { actor, year, body });
  }

  @Delete('days/:date')
  @Roles('ADMIN')
  @ApiQuery({ name: 'agencyCode', required: false })
  @ApiOperation({ summary: 'Remove a non-working day (audited): it becomes a working day again if it is Monday–Friday' })
  @ApiOkResponse({ description: '{ removed: CalendarDayView }' })
  remove(@CurrentActor() actor: Actor, @Param('year', yearParam()) year: number, @Param('date', dateParam()) date: string, @Query() q: CalendarAgencyQuery): Promise<{ removed: CalendarDayView }> {
    return this.services.call(Rpc.intake.removeCalendarDay, { actor, year, date, agencyCode: q.agencyCode });
  }

  @Get('changes')
  @Roles('ADMIN')
  @ApiQuery({ name: 'agencyCode', required: false })
  @ApiOperation({ summary: "Who changed the agency's calendar of that year, when and how, newest first" })
  changes(@CurrentActor() actor: Actor, @Param('year', yearParam()) year: number, @Query() q: CalendarAgencyQuery): Promise<{ items: CalendarChangeView[] }> {
    return this.services.call(Rpc.intake.listCalendarChanges, { actor, year, agencyCode: q.agencyCode });
  }
}
