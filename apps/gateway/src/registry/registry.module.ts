import { Module } from '@nestjs/common';
import { ConfirmImportController } from './confirm-import/confirm-import.controller.js';
import { RegistrySettingsController } from './registry-settings/registry-settings.controller.js';
import { RegistryQueriesController } from './registry-queries/registry-queries.controller.js';
import { RegistryReads } from './registry-queries/registry-reads.service.js';
import { RegistryUploadService } from './upload-registry/registry-upload.service.js';
import { UploadRegistryController } from './upload-registry/upload-registry.controller.js';

/** The registry's HTTP routes (DTSEN, dahulu DTKS): uploads streamed to NATS Object Store, reads answered by verification. */
@Module({
  controllers: [UploadRegistryController, ConfirmImportController, RegistrySettingsController, RegistryQueriesController],
  providers: [RegistryUploadService, RegistryReads],
})
export class RegistryModule {}
