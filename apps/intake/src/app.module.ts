import { Module } from '@nestjs/common';
import { MESSAGING_MIGRATIONS, MessagingModule } from '#messaging';
import { DatabaseModule } from '#persistence';
import { PlatformModule } from '#platform';
import { Application, ApplicationHistory } from './applications/application.entity.js';
import { ApplicationsModule } from './applications/applications.module.js';
import { CalendarChangeRow, NonWorkingDayRow } from './calendar/non-working-day.entity.js';
import { Standard, StandardVersion } from './catalog/standard.entity.js';
import { ClockModule } from './config/clock.module.js';
import { CreateApplications1764200000000 } from './migrations/1764200000000-create-applications.js';
import { CatalogLifecycleCalendar1764300000000 } from './migrations/1764300000000-catalog-lifecycle-calendar.js';
import { DisbursementLifecycle1766400000000 } from './migrations/1766400000000-disbursement-lifecycle.js';
import { FilingIdempotency1766001000000 } from './migrations/1766001000000-filing-idempotency.js';
import { BeneficiaryNikIndex1766500000000 } from './migrations/1766500000000-beneficiary-nik-index.js';

@Module({
  imports: [
    PlatformModule.forService('intake'),
    DatabaseModule.forService({
      schema: 'intake',
      entities: [Application, ApplicationHistory, Standard, StandardVersion, NonWorkingDayRow, CalendarChangeRow],
      migrations: [
        ...MESSAGING_MIGRATIONS,
        CreateApplications1764200000000,
        CatalogLifecycleCalendar1764300000000,
        FilingIdempotency1766001000000,
        DisbursementLifecycle1766400000000,
        BeneficiaryNikIndex1766500000000,
      ],
    }),
    MessagingModule.forService('intake'),
    ClockModule,
    ApplicationsModule,
  ],
})
export class IntakeModule {}
