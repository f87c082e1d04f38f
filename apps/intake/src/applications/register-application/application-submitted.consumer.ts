import { Injectable, Logger } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import {
  ApplicationSubmittedEvent,
  Subjects,
  durableOf,
  filedAt,
  fromAnySystem,
  type ApplicationSubmission,
  type RejectedMessageDetail,
} from '#contracts';
import { Consume, OutboxService, type BatchItem } from '#messaging';
import { Clock } from '../../config/clock.js';
import { RegisterApplicationHandler, type RegisterInput } from './register-application.handler.js';
import { SubmissionChecker } from './submission-checker.js';

const subject = fromAnySystem(Subjects.extApplicationSubmitted);
const durable = durableOf('intake', subject);

/** `sigap.ext.application.submitted.v1`: a department system filed an application. */
@Injectable()
export class ApplicationSubmittedConsumer {
  private readonly log = new Logger('application-submitted');

  constructor(
    private readonly checker: SubmissionChecker,
    private readonly handler: RegisterApplicationHandler,
    private readonly outbox: OutboxService,
    private readonly clock: Clock,
  ) {}

  @Consume({ durable, subject, schema: ApplicationSubmittedEvent, batch: true })
  async handle(items: BatchItem<ApplicationSubmittedEvent>[], manager: EntityManager): Promise<void> {
    const now = this.clock.now();
    const submissions: ApplicationSubmission[] = items.map(({ event }) => {
      const { eventId: _e, occurredAt: _o, correlationId: _c, causationId: _k, ...submission } = event;
      return submission;
    });
    const checked = await this.checker.checkMany(submissions, now);
    const valid: RegisterInput[] = [];
    const rejected: RejectedMessageDetail[] = [];
    items.forEach((item, i) => {
      const c = checked[i];
      if (!c.ok) {
        rejected.push({
          eventId: item.event.eventId,
          subject: item.ctx.subject,
          errors: c.errors,
          reason: 'VALIDATION',
          consumer: durable,
          payload: item.event,
          rejectedAt: now.toISOString(),
          source: item.ctx.position,
        });
      } else {
        valid.push({
          submission: submissions[i],
          standard: c.standard,
          sourceEventId: item.event.eventId,
          actor: `system:${item.event.source ?? 'unknown'}`,
          // when the applicant filed at the desk, if before it reached Sigap (a desk's clock ahead of ours: receipt)
          filedAt: filedAt(item.event.occurredAt, now) ?? now,
          cause: item.ctx.cause,
        });
      }
    });
    if (rejected.length) {
      this.log.warn(`rejected ${rejected.length} submitted applications that break intake's rules`);
      await this.outbox.enqueueRejections(manager, rejected);
    }
    if (valid.length) await this.handler.registerMany(manager, valid, now);
  }
}
