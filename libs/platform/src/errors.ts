import type { FieldError, RpcErrorBody } from '#contracts';

/** What went wrong, independent of transport; one table maps it to HTTP statuses. */
export type ErrorKind =
  | 'VALIDATION'
  | 'UNAUTHORIZED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'TOO_LARGE'
  | 'UNPROCESSABLE'
  | 'TOO_MANY_REQUESTS'
  | 'UNAVAILABLE'
  | 'INTERNAL';

export const HTTP_STATUS: Record<ErrorKind, { status: number; error: string }> = {
  VALIDATION: { status: 400, error: 'Bad Request' },
  UNAUTHORIZED: { status: 401, error: 'Unauthorized' },
  FORBIDDEN: { status: 403, error: 'Forbidden' },
  NOT_FOUND: { status: 404, error: 'Not Found' },
  CONFLICT: { status: 409, error: 'Conflict' },
  TOO_LARGE: { status: 413, error: 'Payload Too Large' },
  UNPROCESSABLE: { status: 422, error: 'Unprocessable Entity' },
  TOO_MANY_REQUESTS: { status: 429, error: 'Too Many Requests' },
  UNAVAILABLE: { status: 503, error: 'Service Unavailable' },
  INTERNAL: { status: 500, error: 'Internal Server Error' },
};

/**
 * Base of every context's errors. A context subclasses it with its own enum of codes
 * (`IntakeError` with `IntakeErrorCode`); domain code never throws HTTP exceptions.
 */
export class DomainError extends Error {
  constructor(
    readonly kind: ErrorKind,
    readonly code: string,
    message: string,
    readonly details: FieldError[] = [],
  ) {
    super(message);
    this.name = new.target.name;
  }

  toBody(): RpcErrorBody {
    const { status, error } = HTTP_STATUS[this.kind];
    return { statusCode: status, error, message: this.message, code: this.code, details: this.details };
  }

  static validation(details: FieldError[], message = 'The request has invalid fields'): DomainError {
    return new DomainError('VALIDATION', 'VALIDATION_FAILED', message, details);
  }
}

/** The contract's error body for any thrown value. */
export function errorBody(err: unknown): RpcErrorBody {
  if (err instanceof DomainError) return err.toBody();
  return { statusCode: 500, error: 'Internal Server Error', message: 'An unexpected error occurred', code: 'INTERNAL', details: [] };
}
