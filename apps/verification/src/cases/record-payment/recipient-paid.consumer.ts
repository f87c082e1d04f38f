import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { RecipientPaidEvent, Subjects, durableOf } from '#contracts';
import { Consume, type BatchItem } from '#messaging';
import { CaseRepository } from '../case.repository.js';

const durable = durableOf('verification', Subjects.disbursementRecipientPaid);

/**
 * Disbursement paid a recipient (`sigap.disbursement.recipient.paid.v1`): the application's case
 * is marked paid, for the "already paid by this service this fiscal year" duplicate check. Only
 * disbursement says who was paid: it alone knows which requests exist (the finance office's
 * settlements it checks against its own requests).
 */
@Injectable()
export class RecipientPaidConsumer {
  constructor(private readonly cases: CaseRepository) {}

  @Consume({ durable, subject: Subjects.disbursementRecipientPaid, schema: RecipientPaidEvent, batch: true })
  async handle(items: BatchItem<RecipientPaidEvent>[], manager: EntityManager): Promise<void> {
    await this.cases.markPaid(
      manager,
      items.map(({ event }) => ({ applicationId: event.applicationId, at: event.paidAt })),
    );
  }
}
