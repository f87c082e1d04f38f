import { IsISO8601, IsOptional, IsString, IsUUID } from 'class-validator';

/**
 * Fields every Sigap event carries. `correlationId` names the chain an event belongs to
 * (e.g. one application's path across services), `causationId` the event that caused it.
 * Their rules are `withEnvelopeRules`'.
 */
export abstract class EventEnvelope {
  eventId!: string;
  occurredAt!: string;
  correlationId?: string;
  causationId?: string;
}

/**
 * Gives a class the envelope's validation rules: EventEnvelope's, and those of an event whose
 * body is a class of its own and so cannot extend EventEnvelope (ApplicationSubmittedEvent
 * extends the HTTP filing's ApplicationSubmission). The class declares the fields
 * (`implements EventEnvelope`); the rules are written once, here.
 */
export function withEnvelopeRules(target: abstract new (...args: never[]) => object): void {
  const proto = target.prototype as object;
  IsUUID('all', { message: 'eventId must be a UUID' })(proto, 'eventId');
  IsISO8601({ strict: true }, { message: 'occurredAt must be an ISO-8601 time with offset' })(proto, 'occurredAt');
  for (const field of ['correlationId', 'causationId']) {
    IsOptional()(proto, field);
    IsString()(proto, field);
  }
}
withEnvelopeRules(EventEnvelope);

/** One error of a rejected message or request: the field's path and the rule it broke. */
export interface FieldError {
  path: string;
  message: string;
}

/**
 * Payload of `sigap.rejected`, exactly as CONTRACT.md shapes it and outside systems read it:
 * which message, on which subject, and which rule each field broke. It carries none of the
 * message's values (error messages name the field and the rule, never what was sent).
 */
export interface RejectedMessage {
  eventId: string | null;
  subject: string;
  errors: FieldError[];
}

export type RejectionReason = 'VALIDATION' | 'RETRIES_EXHAUSTED' | 'MALFORMED_JSON' | 'TOO_LARGE' | 'TOO_DEEP';

/**
 * Payload of `sigap.rejected.detail` (extends the contract): the rejection with what the admin
 * needs to inspect and replay it. Only the gateway reads it; the payload holds personal data and
 * is purged after the installation's retention period.
 */
export interface RejectedMessageDetail extends RejectedMessage {
  reason: RejectionReason;
  /** the durable consumer that refused it */
  consumer: string;
  /** the refused payload as parsed; the raw text (cut) when it was not JSON or too deep; absent when too large */
  payload?: unknown;
  /** set when the payload was too large to travel inside the detail: see `source` */
  payloadOmitted?: 'TOO_LARGE';
  rejectedAt: string;
  /** where the original message is stored, e.g. when its payload was too large to keep here */
  source?: { stream: string; sequence: number };
  /** for the admin only: why handling failed (RETRIES_EXHAUSTED), which may quote internal errors */
  cause?: string;
}
