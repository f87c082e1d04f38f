import { Module } from '@nestjs/common';
import { CalendarController } from './calendar/calendar.controller.js';
import { PublicRateLimitGuard } from './public-status/public-rate-limit.guard.js';
import { PublicStatusController } from './public-status/public-status.controller.js';
import { ServicesController } from './services/services.controller.js';

/** The gateway's routes to intake beside /applications (ApplicationsModule): the catalog, the calendar, the public status. */
@Module({
  controllers: [ServicesController, CalendarController, PublicStatusController],
  providers: [PublicRateLimitGuard],
})
export class IntakeModule {}
