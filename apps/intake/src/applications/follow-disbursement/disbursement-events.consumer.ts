import { Injectable, Logger } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import {
  DecreeIssuedEvent,
  ProposalReturnedEvent,
  ProposalSubmittedEvent,
  RecipientFailedEvent,
  RecipientHandedOverEvent,
  RecipientPaidEvent,
  Subjects,
  durableOf,
} from '#contracts';
import { Consume, type BatchItem, type Causation } from '#messaging';
import type { NewFact } from './disbursement-progress.repository.js';
import { DisbursementProgressService } from './disbursement-progress.service.js';

const durable = (subject: string) => durableOf('intake', subject);

type Item<T> = BatchItem<T>;

/**
 * Disbursement's events about applications (libs/contracts events/disbursement): each becomes
 * facts (disbursement-progress.ts), and the applications move to where their facts put them.
 * A proposal or decree comes in parts of at most 2,000 applications; each part stands alone.
 * Redelivered events stop at the inbox; the same fact under a new eventId adds nothing (its
 * key is the proposal and time, the decree, the decree number or the BAST number).
 */
@Injectable()
export class DisbursementEventsConsumer {
  private readonly log = new Logger('disbursement-events');

  constructor(private readonly progress: DisbursementProgressService) {}

  private async follow<T>(
    items: Item<T>[],
    manager: EntityManager,
    source: string,
    factsOf: (e: T) => Omit<NewFact, 'eventId'>[],
  ): Promise<void> {
    const facts: NewFact[] = [];
    const causes = new Map<string, Causation>();
    for (const { event, ctx } of items) {
      for (const f of factsOf(event)) {
        facts.push({ ...f, eventId: ctx.eventId });
        causes.set(f.applicationId, ctx.cause);
      }
    }
    await this.progress.follow(manager, facts, causes, source);
  }

  @Consume({
    durable: durable(Subjects.disbursementProposalSubmitted),
    subject: Subjects.disbursementProposalSubmitted,
    schema: ProposalSubmittedEvent,
    batch: true,
  })
  async proposalSubmitted(items: Item<ProposalSubmittedEvent>[], manager: EntityManager): Promise<void> {
    await this.follow(items, manager, 'proposal submitted', (e) =>
      e.applicationIds.map((applicationId) => ({
        applicationId,
        agencyCode: e.agencyCode,
        serviceCode: e.serviceCode,
        kind: 'PROPOSED' as const,
        ref: `${e.proposalId}@${e.submittedAt}`,
        at: e.submittedAt,
        detail: { proposalId: e.proposalId },
      })),
    );
  }

  @Consume({
    durable: durable(Subjects.disbursementProposalReturned),
    subject: Subjects.disbursementProposalReturned,
    schema: ProposalReturnedEvent,
    batch: true,
  })
  async proposalReturned(items: Item<ProposalReturnedEvent>[], manager: EntityManager): Promise<void> {
    await this.follow(items, manager, 'proposal returned', (e) =>
      e.applicationIds.map((applicationId) => ({
        applicationId,
        agencyCode: e.agencyCode,
        serviceCode: e.serviceCode,
        kind: 'RETURNED' as const,
        ref: `${e.proposalId}@${e.returnedAt}`,
        at: e.returnedAt,
        detail: { proposalId: e.proposalId, reason: e.reason ?? null },
      })),
    );
  }

  @Consume({
    durable: durable(Subjects.disbursementDecreeIssued),
    subject: Subjects.disbursementDecreeIssued,
    schema: DecreeIssuedEvent,
    batch: true,
  })
  async decreeIssued(items: Item<DecreeIssuedEvent>[], manager: EntityManager): Promise<void> {
    await this.follow(items, manager, 'decree issued', (e) =>
      e.recipients.map((r) => ({
        applicationId: r.applicationId,
        agencyCode: e.agencyCode,
        serviceCode: e.serviceCode,
        kind: 'DECREED' as const,
        ref: e.decreeId,
        at: e.occurredAt,
        detail: { proposalId: e.proposalId, decreeNumber: e.decreeNumber, decreeDate: e.decreeDate, amount: r.amount },
      })),
    );
  }

  @Consume({
    durable: durable(Subjects.disbursementRecipientPaid),
    subject: Subjects.disbursementRecipientPaid,
    schema: RecipientPaidEvent,
    batch: true,
  })
  async recipientPaid(items: Item<RecipientPaidEvent>[], manager: EntityManager): Promise<void> {
    await this.follow(items, manager, 'recipient paid', (e) => [
      {
        applicationId: e.applicationId,
        agencyCode: e.agencyCode,
        serviceCode: e.serviceCode,
        kind: 'PAID' as const,
        ref: e.decreeNumber,
        at: e.paidAt,
        detail: { decreeNumber: e.decreeNumber, sp2dNumber: e.sp2dNumber ?? null, amount: e.amount },
      },
    ]);
  }

  /** A failure that is not final leaves the application DECREED (corrected, requested again): only a final one is a fact. */
  @Consume({
    durable: durable(Subjects.disbursementRecipientFailed),
    subject: Subjects.disbursementRecipientFailed,
    schema: RecipientFailedEvent,
    batch: true,
  })
  async recipientFailed(items: Item<RecipientFailedEvent>[], manager: EntityManager): Promise<void> {
    const passing = items.filter((i) => !i.event.final).length;
    if (passing) this.log.log(`recipient failed: ${passing} failure(s) to correct and request again; the applications stay DECREED`);
    await this.follow(
      items.filter((i) => i.event.final),
      manager,
      'recipient failed',
      (e) => [
        {
          applicationId: e.applicationId,
          agencyCode: e.agencyCode,
          serviceCode: e.serviceCode,
          kind: 'NOT_PAID' as const,
          ref: e.decreeNumber,
          at: e.failedAt,
          detail: { decreeNumber: e.decreeNumber, reason: e.reason, publicReason: e.publicReason ?? null },
        },
      ],
    );
  }

  @Consume({
    durable: durable(Subjects.disbursementRecipientHandedOver),
    subject: Subjects.disbursementRecipientHandedOver,
    schema: RecipientHandedOverEvent,
    batch: true,
  })
  async recipientHandedOver(items: Item<RecipientHandedOverEvent>[], manager: EntityManager): Promise<void> {
    await this.follow(items, manager, 'recipient handed over', (e) => [
      {
        applicationId: e.applicationId,
        agencyCode: e.agencyCode,
        serviceCode: e.serviceCode,
        kind: 'HANDED_OVER' as const,
        ref: e.bastNumber,
        at: e.handedOverAt,
        detail: { decreeNumber: e.decreeNumber, bastNumber: e.bastNumber, place: e.place ?? null },
      },
    ]);
  }
}
