import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { Subjects, durableOf, VerificationCaseDecidedEvent } from '#contracts';
import { Consume, type BatchItem } from '#messaging';
import { Clock } from '../../config/clock.js';
import { DisbursementProgressService } from '../follow-disbursement/disbursement-progress.service.js';
import { TransitionHandler, type TransitionRequest } from '../transition-application/transition.handler.js';

const durable = durableOf('intake', Subjects.verificationCaseDecided);

/**
 * `sigap.verification.case.decided.v1`: verification's outcome moves the application to
 * VERIFIED or REJECTED. The decision may overtake the case-opened event (two consumers, no
 * order between them): an application still REGISTERED first goes to IN_VERIFICATION. And
 * disbursement's events may overtake it too: once VERIFIED, what they said takes effect.
 */
@Injectable()
export class CaseDecidedConsumer {
  constructor(
    private readonly transitions: TransitionHandler,
    private readonly clock: Clock,
    private readonly progress: DisbursementProgressService,
  ) {}

  @Consume({ durable, subject: Subjects.verificationCaseDecided, schema: VerificationCaseDecidedEvent, batch: true })
  async handle(items: BatchItem<VerificationCaseDecidedEvent>[], manager: EntityManager): Promise<void> {
    const actor = { kind: 'system' as const, system: 'verification' };
    const requests: TransitionRequest[] = items.flatMap(({ event, ctx }) => [
      {
        applicationId: event.applicationId,
        to: 'IN_VERIFICATION',
        onlyFrom: ['REGISTERED'],
        actor,
        actorName: 'system:verification',
        reason: 'verification case opened',
        cause: ctx.cause,
      },
      {
        applicationId: event.applicationId,
        to: event.outcome,
        actor,
        actorName: 'system:verification',
        reason: event.reason ?? `verification decided: ${event.outcome}`,
        publicReason: event.publicReason ?? null,
        cause: ctx.cause,
      },
    ]);
    const outcomes = await this.transitions.applyMany(manager, requests, this.clock.now());
    this.transitions.logSkipped('case decided', outcomes);
    // disbursement may have proposed it before this decision reached intake: it follows now
    const verified = outcomes.filter((o) => o.ok && o.to === 'VERIFIED').map((o) => o.applicationId);
    const causes = new Map(items.map(({ event, ctx }) => [event.applicationId, ctx.cause]));
    await this.progress.reconcile(manager, verified, causes, 'case decided');
  }
}
