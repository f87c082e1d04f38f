import type { FieldError } from '#contracts';
import { DomainError, type ErrorKind } from '#platform';

/** Why the gateway refused a request; the code travels in the error body. */
export enum GatewayErrorCode {
  INVALID_CREDENTIALS = 'INVALID_CREDENTIALS',
  ACCOUNT_DISABLED = 'ACCOUNT_DISABLED',
  LOGIN_LOCKED = 'LOGIN_LOCKED',
  TOKEN_MISSING = 'TOKEN_MISSING',
  TOKEN_INVALID = 'TOKEN_INVALID',
  ROLE_REQUIRED = 'ROLE_REQUIRED',
  AGENCY_OUT_OF_SCOPE = 'AGENCY_OUT_OF_SCOPE',
  USER_NOT_FOUND = 'USER_NOT_FOUND',
  USERNAME_TAKEN = 'USERNAME_TAKEN',
  CANNOT_CHANGE_OWN_ACCESS = 'CANNOT_CHANGE_OWN_ACCESS',
  WRONG_PASSWORD = 'WRONG_PASSWORD',
  IDEMPOTENCY_KEY_REUSED = 'IDEMPOTENCY_KEY_REUSED',
  IDEMPOTENCY_IN_PROGRESS = 'IDEMPOTENCY_IN_PROGRESS',
  REJECTED_MESSAGE_NOT_FOUND = 'REJECTED_MESSAGE_NOT_FOUND',
  REJECTED_MESSAGE_NO_PAYLOAD = 'REJECTED_MESSAGE_NO_PAYLOAD',
  ROUTE_NOT_FOUND = 'ROUTE_NOT_FOUND',
  SERVICE_UNAVAILABLE = 'SERVICE_UNAVAILABLE',
}

/** The gateway's own errors; a DomainError, so `errorBody()` and the filter treat it like any other. */
export class GatewayError extends DomainError {
  /** seconds after which a refused client may try again (429) */
  retryAfterSeconds?: number;

  constructor(kind: ErrorKind, code: GatewayErrorCode, message: string, details: FieldError[] = []) {
    super(kind, code, message, details);
  }
}
