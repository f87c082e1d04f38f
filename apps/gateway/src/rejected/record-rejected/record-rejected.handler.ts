import { Injectable } from '@nestjs/common';
import { Subjects, type FieldError } from '#contracts';
import type { QueryDeepPartialEntity } from 'typeorm';
import { Consume, type ConsumeContext } from '#messaging';
import { RejectedMessageEntity } from '../rejected-message.entity.js';
import { RejectedMessagePayload } from '../rejected-message.payload.js';

/** Keeps every message a consumer refused, for the admin to inspect and replay. */
@Injectable()
export class RecordRejectedHandler {
  @Consume({ durable: 'gateway_rejected', subject: Subjects.rejected, schema: RejectedMessagePayload })
  async handle(event: RejectedMessagePayload, ctx: ConsumeContext): Promise<void> {
    const rejectedAt = event.rejectedAt && !Number.isNaN(Date.parse(event.rejectedAt)) ? new Date(event.rejectedAt) : new Date();
    await ctx.manager.insert(RejectedMessageEntity, {
      eventId: event.eventId ? String(event.eventId).slice(0, 100) : null,
      subject: event.subject.slice(0, 200),
      errors: normalizeErrors(event.errors),
      reason: event.reason ? String(event.reason).slice(0, 40) : null,
      consumer: event.consumer ? event.consumer.slice(0, 100) : null,
      payload: event.payload === undefined ? null : (event.payload as object),
      rejectedAt,
    } as QueryDeepPartialEntity<RejectedMessageEntity>);
  }
}

function normalizeErrors(errors: unknown[]): FieldError[] {
  return errors.slice(0, 200).map((e) => {
    const o = (e && typeof e === 'object' ? e : {}) as { path?: unknown; message?: unknown };
    return { path: String(o.path ?? ''), message: String(o.message ?? e) };
  });
}
