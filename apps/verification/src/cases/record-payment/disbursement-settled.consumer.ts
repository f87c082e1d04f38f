import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { DisbursementSettledEvent, SERVICES, Subjects, fromAnySystem } from '#contracts';
import { Consume, type BatchItem } from '#messaging';
import { CaseRepository } from '../case.repository.js';

const subject = fromAnySystem(Subjects.extFinanceDisbursementSettled);
const durable = SERVICES.verification.consumers.find((c) => c.subject === subject)!.durable;

/**
 * The finance office settled a disbursement: the applications it paid are marked paid on their
 * cases, for the "already paid by this service this fiscal year" duplicate check. Only the
 * per-recipient outcomes name applications; a settlement without them says nothing here.
 */
@Injectable()
export class DisbursementSettledConsumer {
  constructor(private readonly cases: CaseRepository) {}

  @Consume({ durable, subject, schema: DisbursementSettledEvent, batch: true })
  async handle(items: BatchItem<DisbursementSettledEvent>[], manager: EntityManager): Promise<void> {
    const paid = items.flatMap((i) =>
      (i.event.recipients ?? []).filter((r) => r.status === 'PAID').map((r) => ({ applicationId: r.applicationId, at: i.event.paidAt ?? i.event.occurredAt })),
    );
    await this.cases.markPaid(manager, paid);
  }
}
