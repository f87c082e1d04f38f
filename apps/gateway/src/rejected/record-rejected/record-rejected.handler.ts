import { Injectable } from '@nestjs/common';
import type { EntityManager, QueryDeepPartialEntity } from 'typeorm';
import { durableOf, Subjects, type FieldError } from '#contracts';
import { Consume, type BatchItem } from '#messaging';
import { RejectedMessageEntity } from '../rejected-message.entity.js';
import { RejectedMessagePayload } from '../rejected-message.payload.js';
import { namedAgencyCode } from '../rejected-scope.js';

const durable = durableOf('gateway', Subjects.rejectedDetail);

/**
 * Keeps every message a consumer refused, with its payload, for the admin to inspect and
 * replay: from `sigap.rejected.detail`, which only the gateway reads (outside systems read
 * `sigap.rejected`, without values). A batch at a time, in one multi-row insert: a flood of
 * poison is recorded at the rate it is refused.
 */
@Injectable()
export class RecordRejectedHandler {
  @Consume({ durable, subject: Subjects.rejectedDetail, schema: RejectedMessagePayload, batch: true })
  async handle(items: BatchItem<RejectedMessagePayload>[], manager: EntityManager): Promise<void> {
    const rows = items.map(({ event }) => toRow(event));
    for (let i = 0; i < rows.length; i += 500) await manager.insert(RejectedMessageEntity, rows.slice(i, i + 500));
  }
}

function toRow(event: RejectedMessagePayload): QueryDeepPartialEntity<RejectedMessageEntity> {
  const rejectedAt = event.rejectedAt && !Number.isNaN(Date.parse(event.rejectedAt)) ? new Date(event.rejectedAt) : new Date();
  const source = event.source as { stream?: unknown; sequence?: unknown } | undefined;
  return {
    eventId: event.eventId ? String(event.eventId).slice(0, 100) : null,
    subject: event.subject.slice(0, 200),
    errors: normalizeErrors(event.errors),
    reason: event.reason ? String(event.reason).slice(0, 40) : null,
    consumer: event.consumer ? event.consumer.slice(0, 100) : null,
    payload: event.payload === undefined ? null : storable(event.payload),
    agencyCode: namedAgencyCode(event.payload),
    cause: typeof event.cause === 'string' ? withoutNul(event.cause).slice(0, 2000) : null,
    source:
      source && typeof source.stream === 'string' && typeof source.sequence === 'number'
        ? { stream: source.stream.slice(0, 64), sequence: source.sequence }
        : null,
    rejectedAt,
  } as QueryDeepPartialEntity<RejectedMessageEntity>;
}

function normalizeErrors(errors: unknown[]): FieldError[] {
  return errors.slice(0, 200).map((e) => {
    const o = (e && typeof e === 'object' ? e : {}) as { path?: unknown; message?: unknown };
    return { path: withoutNul(String(o.path ?? '')), message: withoutNul(String(o.message ?? e)) };
  });
}

function withoutNul(text: string): string {
  // eslint-disable-next-line no-control-regex -- NUL is exactly what Postgres text refuses
  return text.replace(/\u0000/g, '\uFFFD');
}

/**
 * The payload as jsonb can hold it: Postgres refuses U+0000 in jsonb text, and a refused insert
 * would fail the whole batch of rejections again and again. Such a character becomes U+FFFD.
 */
function storable(payload: unknown): unknown {
  const text = JSON.stringify(payload);
  return text.includes('\\u0000') ? JSON.parse(text.replace(/\\u0000/g, '\\ufffd')) : payload;
}
