import { Module } from '@nestjs/common';
import { ConfirmImportMessageController } from './confirm-import/confirm-import.message.controller.js';
import { ConfirmImportService } from './confirm-import/confirm-import.service.js';
import { CreateImportHandler } from './import-registry/create-import.handler.js';
import { ImportFinishedAnnouncer } from './import-registry/import-finished.announcer.js';
import { ImportRegistryMessageController } from './import-registry/import-registry.message.controller.js';
import { RegistryImportWorker } from './import-registry/import-worker.js';
import { SnapshotPublishedConsumer } from './import-registry/snapshot-published.consumer.js';
import { RegistryLookupMessageController } from './lookup/registry-lookup.message.controller.js';
import { RegistrySettingsMessageController } from './registry-settings/registry-settings.message.controller.js';
import { RegistrySettingsRepository } from './registry-settings/registry-settings.repository.js';
import { RegistryDb } from './registry-db.js';
import { RegistryStore } from './registry-store.js';
import { RegistryRepository } from './registry.repository.js';
import { SnapshotEvents } from './snapshot-events.js';
import { RegistrySnapshotsMessageController } from './snapshots/registry-snapshots.message.controller.js';

/** The registry (DTSEN, formerly DTKS): imports, snapshots, lookups. */
@Module({
  controllers: [
    ImportRegistryMessageController,
    ConfirmImportMessageController,
    RegistrySettingsMessageController,
    RegistrySnapshotsMessageController,
    RegistryLookupMessageController,
  ],
  providers: [
    RegistryDb,
    RegistryStore,
    RegistryRepository,
    SnapshotEvents,
    CreateImportHandler,
    RegistryImportWorker,
    ImportFinishedAnnouncer,
    SnapshotPublishedConsumer,
    ConfirmImportService,
    RegistrySettingsRepository,
  ],
  exports: [RegistryRepository, SnapshotEvents],
})
export class RegistryModule {}
