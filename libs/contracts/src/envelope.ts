import { IsISO8601, IsOptional, IsString, IsUUID } from 'class-validator';

/**
 * Fields every Sigap event carries. `correlationId` names the chain an event belongs to
 * (e.g. one application's path across services), `causationId` the event that caused it.
 */
export abstract class EventEnvelope {
  @IsUUID('all', { message: 'eventId must be a UUID' })
  eventId!: string;

  @IsISO8601({ strict: true }, { message: 'occurredAt must be an ISO-8601 time with offset' })
  occurredAt!: string;

  @IsOptional()
  @IsString()
  correlationId?: string;

  @IsOptional()
  @IsString()
  causationId?: string;
}

/** One error of a rejected message or request: the field's path and the rule it broke. */
export interface FieldError {
  path: string;
  message: string;
}

/** Payload of `sigap.rejected`. `payload` and `reason` extend the contract for the admin's replay. */
export interface RejectedMessage {
  eventId: string | null;
  subject: string;
  errors: FieldError[];
  reason?: 'VALIDATION' | 'RETRIES_EXHAUSTED' | 'MALFORMED_JSON';
  consumer?: string;
  payload?: unknown;
  rejectedAt?: string;
}
