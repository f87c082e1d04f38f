import type { FieldError } from '#contracts';
import { DomainError, type ErrorKind } from '#platform';

/**
 * Why the gateway refused a request; the code travels in the error body. Refusals of role
 * and agency scope are #platform's ScopeErrorCode, the same in every app.
 */
export enum GatewayErrorCode {
  INVALID_CREDENTIALS = 'INVALID_CREDENTIALS',
  TOKEN_MISSING = 'TOKEN_MISSING',
  TOKEN_INVALID = 'TOKEN_INVALID',
  USER_NOT_FOUND = 'USER_NOT_FOUND',
  USERNAME_TAKEN = 'USERNAME_TAKEN',
  /** the operator opens an agency's first administrator only while it has none */
  AGENCY_HAS_ADMIN = 'AGENCY_HAS_ADMIN',
  CANNOT_CHANGE_OWN_ACCESS = 'CANNOT_CHANGE_OWN_ACCESS',
  WRONG_PASSWORD = 'WRONG_PASSWORD',
  /** a temporary password (a reset's, or the generated first one) opens only the change of itself (403) */
  PASSWORD_CHANGE_REQUIRED = 'PASSWORD_CHANGE_REQUIRED',
  IDEMPOTENCY_KEY_REUSED = 'IDEMPOTENCY_KEY_REUSED',
  IDEMPOTENCY_IN_PROGRESS = 'IDEMPOTENCY_IN_PROGRESS',
  REJECTED_MESSAGE_NOT_FOUND = 'REJECTED_MESSAGE_NOT_FOUND',
  REJECTED_MESSAGE_NO_PAYLOAD = 'REJECTED_MESSAGE_NO_PAYLOAD',
  /** an internal subject's message is replayed as stored, never corrected */
  REJECTED_MESSAGE_INTERNAL = 'REJECTED_MESSAGE_INTERNAL',
  ROUTE_NOT_FOUND = 'ROUTE_NOT_FOUND',
  /** too many requests from one address within the window, on a public route (429) */
  RATE_LIMITED = 'RATE_LIMITED',
  SERVICE_UNAVAILABLE = 'SERVICE_UNAVAILABLE',
  /** a registry file over SIGAP_REGISTRY_UPLOAD_MAX_BYTES (413) */
  REGISTRY_UPLOAD_TOO_LARGE = 'REGISTRY_UPLOAD_TOO_LARGE',
  /** a bank answer over BANK_ANSWER_MAX_BYTES (issue 12) */
  BANK_ANSWER_TOO_LARGE = 'BANK_ANSWER_TOO_LARGE',
  /** the uploads bucket has no room for the file until imports in progress finish (413) */
  REGISTRY_UPLOADS_FULL = 'REGISTRY_UPLOADS_FULL',
  /** a visit's photo or document over SIGAP_VISIT_ATTACHMENT_MAX_BYTES (413) */
  VISIT_ATTACHMENT_TOO_LARGE = 'VISIT_ATTACHMENT_TOO_LARGE',
  /** a visit's file that is not a JPEG, PNG or PDF, by its declared type or its first bytes (400) */
  VISIT_ATTACHMENT_TYPE_NOT_ALLOWED = 'VISIT_ATTACHMENT_TYPE_NOT_ALLOWED',
  /** the visit attachments bucket is at its size limit (413) */
  VISIT_ATTACHMENTS_FULL = 'VISIT_ATTACHMENTS_FULL',
}

/** The gateway's own errors; a DomainError, so `errorBody()` and the filter treat it like any other. */
export class GatewayError extends DomainError {
  /** seconds after which a refused client may try again (429) */
  retryAfterSeconds?: number;

  constructor(kind: ErrorKind, code: GatewayErrorCode, message: string, details: FieldError[] = []) {
    super(kind, code, message, details);
  }
}
