import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { ApplicationReceivedEvent, Subjects, durableOf } from '#contracts';
import { Consume, OutboxService, type BatchItem, type AfterCommitHooks } from '#messaging';
import { AssessOpenedCasesWorker } from '../assess-case/assess-opened-cases.worker.js';
import { fromStandard } from '../../domain/eligibility.js';
import { RulesRepository } from '../../rules/rules.repository.js';
import { CaseRepository } from '../case.repository.js';

const durable = durableOf('verification', Subjects.intakeApplicationReceived);

/** Intake registered an application: open its verification case (once, whatever the redeliveries). */
@Injectable()
export class ApplicationReceivedConsumer {
  constructor(
    private readonly cases: CaseRepository,
    private readonly rules: RulesRepository,
    private readonly outbox: OutboxService,
    private readonly assessor: AssessOpenedCasesWorker,
  ) {}

  @Consume({ durable, subject: Subjects.intakeApplicationReceived, schema: ApplicationReceivedEvent, batch: true, concurrency: 2 })
  async handle(items: BatchItem<ApplicationReceivedEvent>[], manager: EntityManager, tx: AfterCommitHooks): Promise<void> {
    // a standard whose lifecycle skips verification (intake says so) gets no case
    const registered = items.filter((i) => i.event.status === 'REGISTERED' && i.event.requiresVerification !== false);
    if (!registered.length) return;
    const opened = await this.cases.open(
      manager,
      registered.map(({ event: e }) => ({
        applicationId: e.applicationId,
        ticketNumber: e.ticketNumber,
        agencyCode: e.agencyCode ?? 'UNKNOWN',
        serviceCode: e.serviceCode ?? 'UNKNOWN',
        dueAt: e.dueAt,
        standardVersion: e.standardVersion ?? null,
      })),
    );
    // A service verification has no settings for yet (a standard an admin created): its standard's
    // seed words become the agency's first version, once. Afterwards only the versioned settings count.
    for (const { event: e } of registered) {
      if (!e.eligibility || !e.agencyCode || !e.serviceCode) continue;
      const seed = { fieldStages: [], ...fromStandard(e.eligibility) };
      await this.rules.seedFirstVersion(manager, e.agencyCode, e.serviceCode, seed, `standard:${e.serviceCode}:v${e.standardVersion ?? 1}`);
    }
    const byApp = new Map(registered.map((i) => [i.event.applicationId, i]));
    await this.outbox.enqueueMany(
      manager,
      opened.map((c) => ({
        subject: Subjects.verificationCaseOpened,
        cause: byApp.get(c.application_id)!.ctx.cause,
        payload: { caseId: c.id, applicationId: c.application_id, agencyCode: c.agency_code },
      })),
    );
    // the new cases are visible once this batch commits: assess them then (the assessor's poll would find them anyway)
    if (opened.length) tx.afterCommit(() => this.assessor.kick());
  }
}
