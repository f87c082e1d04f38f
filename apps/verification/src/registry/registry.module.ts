import { Module } from '@nestjs/common';
import { ImportRegistryMessageController } from './import-registry/import-registry.message.controller.js';
import { RegistryImportService } from './import-registry/registry-import.service.js';
import { SnapshotPublishedConsumer } from './import-registry/snapshot-published.consumer.js';
import { RegistryLookupMessageController } from './lookup/registry-lookup.message.controller.js';
import { RegistryDb } from './registry-db.js';
import { RegistryStore } from './registry-store.js';
import { SnapshotEvents } from './snapshot-events.js';
import { RegistrySnapshotsMessageController } from './snapshots/registry-snapshots.message.controller.js';

/** The registry (DTSEN, formerly DTKS): imports, snapshots, lookups. */
@Module({
  controllers: [ImportRegistryMessageController, RegistrySnapshotsMessageController, RegistryLookupMessageController],
  providers: [RegistryDb, RegistryStore, SnapshotEvents, RegistryImportService, SnapshotPublishedConsumer],
  exports: [RegistryDb, SnapshotEvents],
})
export class RegistryModule {}
