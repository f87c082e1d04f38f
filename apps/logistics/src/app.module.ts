import { Module } from '@nestjs/common';
import { MESSAGING_MIGRATIONS, MessagingModule } from '#messaging';
import { DatabaseModule } from '#persistence';
import { PlatformModule } from '#platform';

/**
 * Logistics: its schema, outbox and inbox, health and metrics. Its use cases arrive with their
 * issues; meanwhile its durable consumers keep what is published for it.
 */
@Module({
  imports: [
    PlatformModule.forService('logistics'),
    DatabaseModule.forService({ schema: 'logistics', entities: [], migrations: [...MESSAGING_MIGRATIONS] }),
    MessagingModule.forService('logistics'),
  ],
})
export class LogisticsModule {}
