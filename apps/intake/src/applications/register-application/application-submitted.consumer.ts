import { Injectable, Logger } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { ApplicationSubmittedEvent, Subjects, SERVICES, type RejectedMessage } from '#contracts';
import { Consume, OutboxService, type BatchItem } from '#messaging';
import { checkSubmission, RegisterApplicationHandler } from './register-application.handler.js';

/** `sigap.ext.application.submitted.v1`: a department system filed an application. */
@Injectable()
export class ApplicationSubmittedConsumer {
  private readonly log = new Logger('application-submitted');

  constructor(
    private readonly handler: RegisterApplicationHandler,
    private readonly outbox: OutboxService,
  ) {}

  @Consume({ durable: SERVICES.intake.consumers[0].durable, subject: Subjects.extApplicationSubmitted, schema: ApplicationSubmittedEvent, batch: true })
  async handle(items: BatchItem<ApplicationSubmittedEvent>[], manager: EntityManager): Promise<void> {
    const valid: BatchItem<ApplicationSubmittedEvent>[] = [];
    const rejected: RejectedMessage[] = [];
    for (const item of items) {
      const errors = checkSubmission(item.event);
      if (errors.length) {
        rejected.push({ eventId: item.event.eventId, subject: Subjects.extApplicationSubmitted, errors, reason: 'VALIDATION', consumer: 'intake_ext_application_submitted', payload: item.event, rejectedAt: new Date().toISOString() });
      } else valid.push(item);
    }
    if (rejected.length) {
      this.log.warn(`rejected ${rejected.length} submitted applications that break intake's rules`);
      await this.outbox.enqueueMany(manager, rejected.map((payload) => ({ subject: Subjects.rejected, payload, raw: true })));
    }
    if (!valid.length) return;
    await this.handler.registerMany(
      manager,
      valid.map(({ event, ctx }) => {
        const { eventId: _e, occurredAt: _o, correlationId: _c, causationId: _k, ...submission } = event;
        return { submission, sourceEventId: event.eventId, actor: `system:${event.source ?? 'unknown'}`, cause: ctx.cause };
      }),
    );
  }
}
