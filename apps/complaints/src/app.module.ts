import { Module } from '@nestjs/common';
import { MESSAGING_MIGRATIONS, MessagingModule } from '#messaging';
import { DatabaseModule } from '#persistence';
import { PlatformModule } from '#platform';

/**
 * Complaints: its schema, outbox and inbox, health and metrics. Its use cases arrive with their
 * issues; meanwhile its durable consumers keep what is published for it.
 */
@Module({
  imports: [
    PlatformModule.forService('complaints'),
    DatabaseModule.forService({ schema: 'complaints', entities: [], migrations: [...MESSAGING_MIGRATIONS] }),
    MessagingModule.forService('complaints'),
  ],
})
export class ComplaintsModule {}
