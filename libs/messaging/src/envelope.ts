import { randomUUID } from 'node:crypto';

/** Causal context of a new event: the chain it belongs to and the event that caused it. */
export interface Causation {
  correlationId?: string;
  causationId?: string;
}

/** Adds `eventId`, `occurredAt`, `correlationId` and `causationId` to a payload. */
export function envelope<T extends object>(
  payload: T,
  cause: Causation = {},
): T & { eventId: string; occurredAt: string; correlationId: string; causationId?: string } {
  const eventId = randomUUID();
  return {
    eventId,
    occurredAt: new Date().toISOString(),
    ...payload,
    correlationId: cause.correlationId ?? eventId,
    ...(cause.causationId ? { causationId: cause.causationId } : {}),
  };
}
