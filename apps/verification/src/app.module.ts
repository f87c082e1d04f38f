import { Module } from '@nestjs/common';
import { CreateMessagingTables1764100000000, MessagingModule } from '#messaging';
import { DatabaseModule } from '#persistence';
import { PlatformModule } from '#platform';
import { VerificationCase } from './cases/case.entity.js';
import { ApplicationReceivedConsumer } from './cases/open-case/application-received.consumer.js';
import { GetCaseMessageController } from './cases/get-case/get-case.message.controller.js';
import { CreateCases1764200000000 } from './migrations/1764200000000-create-cases.js';

@Module({
  imports: [
    PlatformModule.forService('verification'),
    DatabaseModule.forService({
      schema: 'verification',
      entities: [VerificationCase],
      migrations: [CreateMessagingTables1764100000000, CreateCases1764200000000],
    }),
    MessagingModule.forService('verification'),
  ],
  controllers: [GetCaseMessageController],
  providers: [ApplicationReceivedConsumer],
})
export class VerificationModule {}
