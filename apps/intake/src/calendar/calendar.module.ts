import { Module } from '@nestjs/common';
import { CalendarService } from './calendar.service.js';
import { MaintainCalendarMessageController } from './maintain-calendar/maintain-calendar.message.controller.js';

/** The working-day calendar of each agency: seeded national holidays, cuti bersama by an admin. */
@Module({
  controllers: [MaintainCalendarMessageController],
  providers: [CalendarService],
  exports: [CalendarService],
})
export class CalendarModule {}
