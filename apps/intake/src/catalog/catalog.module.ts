import { Module } from '@nestjs/common';
import { CatalogService } from './catalog.service.js';
import { EditStandardMessageController } from './edit-standard/edit-standard.message.controller.js';
import { ListStandardsMessageController } from './list-standards/list-standards.message.controller.js';

/** The service catalog (standar pelayanan) as versioned data per agency. */
@Module({
  controllers: [ListStandardsMessageController, EditStandardMessageController],
  providers: [CatalogService],
  exports: [CatalogService],
})
export class CatalogModule {}
