import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ListRejectedController } from './list-rejected/list-rejected.controller.js';
import { PurgeRejectedPayloadsService } from './purge-rejected/purge-rejected-payloads.service.js';
import { RecordRejectedHandler } from './record-rejected/record-rejected.handler.js';
import { RejectedMessageEntity } from './rejected-message.entity.js';
import { ReplayRejectedController } from './replay-rejected/replay-rejected.controller.js';
import { ReplayRejectedService } from './replay-rejected/replay-rejected.service.js';

/** Messages refused by any consumer (`sigap.rejected.detail`): kept, listed and replayed by admins, their payloads purged after the retention period. */
@Module({
  imports: [TypeOrmModule.forFeature([RejectedMessageEntity])],
  controllers: [ListRejectedController, ReplayRejectedController],
  providers: [RecordRejectedHandler, ReplayRejectedService, PurgeRejectedPayloadsService],
  exports: [PurgeRejectedPayloadsService],
})
export class RejectedModule {}
