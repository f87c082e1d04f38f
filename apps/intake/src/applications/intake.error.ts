import { DomainError, type ErrorKind } from '#platform';
import type { FieldError } from '#contracts';

export enum IntakeErrorCode {
  UnknownService = 'INTAKE_UNKNOWN_SERVICE',
  ApplicationNotFound = 'INTAKE_APPLICATION_NOT_FOUND',
  InvalidSubmission = 'INTAKE_INVALID_SUBMISSION',
  IllegalTransition = 'INTAKE_ILLEGAL_TRANSITION',
  TransitionNotAllowed = 'INTAKE_TRANSITION_NOT_ALLOWED',
  /** a step only a service makes (verification's decision, disbursement's proposal, decree, payment, handover) */
  TransitionReserved = 'INTAKE_TRANSITION_RESERVED',
  ReasonRequired = 'INTAKE_REASON_REQUIRED',
  StandardNotFound = 'INTAKE_STANDARD_NOT_FOUND',
  StandardExists = 'INTAKE_STANDARD_EXISTS',
  InvalidStandard = 'INTAKE_INVALID_STANDARD',
  TicketNotFound = 'INTAKE_TICKET_NOT_FOUND',
  InvalidCalendarDay = 'INTAKE_INVALID_CALENDAR_DAY',
  CalendarDayExists = 'INTAKE_CALENDAR_DAY_EXISTS',
  CalendarDayNotFound = 'INTAKE_CALENDAR_DAY_NOT_FOUND',
  InvalidQuery = 'INTAKE_INVALID_QUERY',
  /** a filing's Idempotency-Key already filed another submission of the agency (422) */
  IdempotencyKeyReused = 'INTAKE_IDEMPOTENCY_KEY_REUSED',
  /** only a RETURNED application can be completed */
  NotReturned = 'INTAKE_APPLICATION_NOT_RETURNED',
  /** a completion that still leaves a requirement missing */
  StillIncomplete = 'INTAKE_APPLICATION_STILL_INCOMPLETE',
}

const KIND: Record<IntakeErrorCode, ErrorKind> = {
  [IntakeErrorCode.UnknownService]: 'VALIDATION',
  [IntakeErrorCode.ApplicationNotFound]: 'NOT_FOUND',
  [IntakeErrorCode.InvalidSubmission]: 'VALIDATION',
  [IntakeErrorCode.IllegalTransition]: 'CONFLICT',
  [IntakeErrorCode.TransitionNotAllowed]: 'FORBIDDEN',
  [IntakeErrorCode.TransitionReserved]: 'FORBIDDEN',
  [IntakeErrorCode.ReasonRequired]: 'VALIDATION',
  [IntakeErrorCode.StandardNotFound]: 'NOT_FOUND',
  [IntakeErrorCode.StandardExists]: 'CONFLICT',
  [IntakeErrorCode.InvalidStandard]: 'VALIDATION',
  [IntakeErrorCode.TicketNotFound]: 'NOT_FOUND',
  [IntakeErrorCode.InvalidCalendarDay]: 'VALIDATION',
  [IntakeErrorCode.CalendarDayExists]: 'CONFLICT',
  [IntakeErrorCode.CalendarDayNotFound]: 'NOT_FOUND',
  [IntakeErrorCode.InvalidQuery]: 'VALIDATION',
  [IntakeErrorCode.IdempotencyKeyReused]: 'UNPROCESSABLE',
  [IntakeErrorCode.NotReturned]: 'CONFLICT',
  [IntakeErrorCode.StillIncomplete]: 'VALIDATION',
};

/** Intake's errors: a code of its own, a kind the gateway maps to an HTTP status, and field details. */
export class IntakeError extends DomainError {
  constructor(code: IntakeErrorCode, message: string, details: FieldError[] = []) {
    super(KIND[code], code, message, details);
  }
}
