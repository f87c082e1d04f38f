import { Module } from '@nestjs/common';
import { CreateMessagingTables1764100000000, MessagingModule } from '#messaging';
import { DatabaseModule } from '#persistence';
import { PlatformModule } from '#platform';
import { Application, ApplicationHistory } from './applications/application.entity.js';
import { ApplicationsModule } from './applications/applications.module.js';
import { CreateApplications1764200000000 } from './migrations/1764200000000-create-applications.js';

@Module({
  imports: [
    PlatformModule.forService('intake'),
    DatabaseModule.forService({
      schema: 'intake',
      entities: [Application, ApplicationHistory],
      migrations: [CreateMessagingTables1764100000000, CreateApplications1764200000000],
    }),
    MessagingModule.forService('intake'),
    ApplicationsModule,
  ],
})
export class IntakeModule {}
