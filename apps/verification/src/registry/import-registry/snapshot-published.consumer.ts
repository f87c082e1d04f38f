import { Injectable, Logger } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { RegistrySnapshotPublishedEvent, SERVICES, Subjects, type RejectedMessageDetail } from '#contracts';
import { Consume, OutboxService, type BatchItem } from '#messaging';
import { RegistryImportService } from './registry-import.service.js';

const durable = SERVICES.verification.consumers.find((c) => c.subject === Subjects.extRegistrySnapshotPublished)!.durable;

/**
 * `sigap.ext.registry.snapshot.published.v1`: a department system put a registry export in the
 * drop bucket and announces it. It is queued like an upload (the import worker is woken once the
 * consumer's transaction commits); an event naming an agency that keeps no registry is rejected.
 */
@Injectable()
export class SnapshotPublishedConsumer {
  private readonly log = new Logger('registry-snapshot-published');

  constructor(
    private readonly imports: RegistryImportService,
    private readonly outbox: OutboxService,
  ) {}

  @Consume({ durable, subject: Subjects.extRegistrySnapshotPublished, schema: RegistrySnapshotPublishedEvent, batch: true })
  async handle(items: BatchItem<RegistrySnapshotPublishedEvent>[], manager: EntityManager): Promise<void> {
    const rejected: RejectedMessageDetail[] = [];
    for (const { event, ctx } of items) {
      const refused = await this.imports.announce(manager, event);
      if (refused) {
        rejected.push({ eventId: event.eventId, subject: Subjects.extRegistrySnapshotPublished, errors: [refused], reason: 'VALIDATION', consumer: durable, payload: event, rejectedAt: new Date().toISOString(), source: ctx.source });
      } else {
        this.log.log(`${event.source} announced a registry snapshot for ${event.agencyCode}: ${event.objectName}`);
      }
    }
    if (rejected.length) await this.outbox.enqueueRejections(manager, rejected);
    // the import row is visible once this transaction commits: wake the worker a moment later (its poll would find it anyway)
    setTimeout(() => this.imports.kick(), 50);
  }
}
