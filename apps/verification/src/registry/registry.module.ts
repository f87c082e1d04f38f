import { Module } from '@nestjs/common';
import { ConfirmImportMessageController } from './confirm-import/confirm-import.message.controller.js';
import { ConfirmImportService } from './confirm-import/confirm-import.service.js';
import { RegistrySettingsMessageController } from './registry-settings/registry-settings.message.controller.js';
import { RegistrySettingsRepository } from './registry-settings/registry-settings.repository.js';
import { ImportRegistryMessageController } from './import-registry/import-registry.message.controller.js';
import { RegistryImportService } from './import-registry/registry-import.service.js';
import { SnapshotPublishedConsumer } from './import-registry/snapshot-published.consumer.js';
import { RegistryLookupMessageController } from './lookup/registry-lookup.message.controller.js';
import { RegistryDb } from './registry-db.js';
import { RegistryStore } from './registry-store.js';
import { RegistryConfig, registryConfig } from './registry.config.js';
import { SnapshotEvents } from './snapshot-events.js';
import { RegistrySnapshotsMessageController } from './snapshots/registry-snapshots.message.controller.js';

/** The registry (DTSEN, formerly DTKS): imports, snapshots, lookups. */
@Module({
  controllers: [ImportRegistryMessageController, ConfirmImportMessageController, RegistrySettingsMessageController, RegistrySnapshotsMessageController, RegistryLookupMessageController],
  providers: [{ provide: RegistryConfig, useFactory: registryConfig }, RegistryDb, RegistryStore, SnapshotEvents, RegistryImportService, SnapshotPublishedConsumer, ConfirmImportService, RegistrySettingsRepository],
  exports: [RegistryDb, SnapshotEvents],
})
export class RegistryModule {}
