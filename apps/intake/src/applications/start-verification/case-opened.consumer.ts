import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { Subjects, durableOf, VerificationCaseOpenedEvent } from '#contracts';
import { Consume, type BatchItem } from '#messaging';
import { Clock } from '../../config/clock.js';
import { TransitionHandler } from '../transition-application/transition.handler.js';

const durable = durableOf('intake', Subjects.verificationCaseOpened);

/**
 * Verification opened a case: a REGISTERED application moves to IN_VERIFICATION, where its
 * standard's lifecycle has that step. A late or repeated event, or one for a standard
 * without verification (AUDIENSI), changes nothing.
 */
@Injectable()
export class CaseOpenedConsumer {
  constructor(
    private readonly transitions: TransitionHandler,
    private readonly clock: Clock,
  ) {}

  @Consume({ durable, subject: Subjects.verificationCaseOpened, schema: VerificationCaseOpenedEvent, batch: true })
  async handle(items: BatchItem<VerificationCaseOpenedEvent>[], manager: EntityManager): Promise<void> {
    const outcomes = await this.transitions.applyMany(
      manager,
      items.map(({ event, ctx }) => ({
        applicationId: event.applicationId,
        to: 'IN_VERIFICATION',
        onlyFrom: ['REGISTERED'],
        actor: { kind: 'system' as const, system: 'verification' },
        actorName: 'system:verification',
        reason: 'verification case opened',
        cause: ctx.cause,
      })),
      this.clock.now(),
    );
    this.transitions.logSkipped('case opened', outcomes);
  }
}
