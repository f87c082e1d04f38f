import { Injectable, Logger } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { RegistrySnapshotPublishedEvent, Subjects, dropBucketOf, fromAnySystem, type RejectedMessageDetail, durableOf } from '#contracts';
import { Consume, OutboxService, type BatchItem, type AfterCommitHooks } from '#messaging';
import { CreateImportHandler } from './create-import.handler.js';

const subject = fromAnySystem(Subjects.extRegistrySnapshotPublished);
const durable = durableOf('verification', subject);

/**
 * `sigap.ext.registry.snapshot.published.v1`: an outside system put a registry export in its
 * own drop bucket and announces it. The bucket is the publisher's (as the server routed the
 * event: `ctx.source`), never one the event names. It is queued like an upload (the import
 * worker is woken once the consumer's transaction commits); an event naming an agency that
 * keeps no registry is rejected.
 */
@Injectable()
export class SnapshotPublishedConsumer {
  private readonly log = new Logger('registry-snapshot-published');

  constructor(
    private readonly imports: CreateImportHandler,
    private readonly outbox: OutboxService,
  ) {}

  @Consume({ durable, subject, schema: RegistrySnapshotPublishedEvent, batch: true })
  async handle(items: BatchItem<RegistrySnapshotPublishedEvent>[], manager: EntityManager, tx: AfterCommitHooks): Promise<void> {
    const rejected: RejectedMessageDetail[] = [];
    for (const { event, ctx } of items) {
      // the consumer host admits inbound events only with their publisher
      const system = ctx.source!.system;
      const refused = await this.imports.announce(manager, event, { system, bucket: dropBucketOf(system) });
      if (refused) {
        rejected.push({
          eventId: event.eventId,
          subject: ctx.subject,
          errors: [refused],
          reason: 'VALIDATION',
          consumer: durable,
          payload: event,
          rejectedAt: new Date().toISOString(),
          source: ctx.position,
        });
      } else {
        this.log.log(`${system} (${event.source}) announced a registry snapshot for ${event.agencyCode}: ${event.objectName}`);
      }
    }
    if (rejected.length) await this.outbox.enqueueRejections(manager, rejected);
    // the import row is visible once this transaction commits: wake the worker then (its poll would find it anyway)
    tx.afterCommit(() => this.imports.kick());
  }
}
