import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { durableOf, Subjects, VerificationCaseDecidedEvent } from '#contracts';
import { Consume, type BatchItem } from '#messaging';
import { DossierFetcher } from './dossier-fetcher.js';
import { PoolRepository } from './pool.repository.js';

const durable = durableOf('disbursement', Subjects.verificationCaseDecided);

/**
 * `sigap.verification.case.decided.v1`: an application decided VERIFIED enters the pool an
 * officer proposes from (once, whatever the redeliveries). The event carries no person: the
 * recipient's data comes from intake's dossier (DossierFetcher), asked once this batch commits.
 */
@Injectable()
export class CaseDecidedConsumer {
  constructor(
    private readonly pool: PoolRepository,
    private readonly fetcher: DossierFetcher,
  ) {}

  @Consume({ durable, subject: Subjects.verificationCaseDecided, schema: VerificationCaseDecidedEvent, batch: true })
  async handle(items: BatchItem<VerificationCaseDecidedEvent>[], manager: EntityManager): Promise<void> {
    const verified = items.filter((i) => i.event.outcome === 'VERIFIED');
    const admitted = await this.pool.admit(
      manager,
      verified.map(({ event }) => ({
        applicationId: event.applicationId,
        agencyCode: event.agencyCode ?? null,
        // added to the event by a later version of verification; the dossier says it anyway
        serviceCode: (event as { serviceCode?: string }).serviceCode ?? null,
        caseId: event.caseId ?? null,
        at: event.occurredAt,
      })),
    );
    if (admitted) setTimeout(() => this.fetcher.kick(), 50);
  }
}
