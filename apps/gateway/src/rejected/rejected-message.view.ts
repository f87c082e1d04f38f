import type { FieldError } from '#contracts';
import type { RejectedMessageEntity } from './rejected-message.entity.js';

export interface RejectedMessageView {
  id: string;
  eventId: string | null;
  subject: string;
  errors: FieldError[];
  reason: string | null;
  consumer: string | null;
  payload: unknown;
  /** when the payload was purged (the installation's retention period), or null */
  payloadPurgedAt: string | null;
  cause: string | null;
  source: { stream: string; sequence: number } | null;
  rejectedAt: string;
  replayCount: number;
  lastReplayedAt: string | null;
  lastReplayedBy: string | null;
}

export function toRejectedView(r: RejectedMessageEntity): RejectedMessageView {
  return {
    id: r.id,
    eventId: r.eventId,
    subject: r.subject,
    errors: r.errors,
    reason: r.reason,
    consumer: r.consumer,
    payload: r.payload,
    payloadPurgedAt: r.payloadPurgedAt ? r.payloadPurgedAt.toISOString() : null,
    cause: r.cause,
    source: r.source,
    rejectedAt: r.rejectedAt.toISOString(),
    replayCount: r.replayCount,
    lastReplayedAt: r.lastReplayedAt ? r.lastReplayedAt.toISOString() : null,
    lastReplayedBy: r.lastReplayedBy,
  };
}
