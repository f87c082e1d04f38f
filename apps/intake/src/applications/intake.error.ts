import { DomainError, type ErrorKind } from '#platform';
import type { FieldError } from '#contracts';

export enum IntakeErrorCode {
  UnknownService = 'INTAKE_UNKNOWN_SERVICE',
  ApplicationNotFound = 'INTAKE_APPLICATION_NOT_FOUND',
  OutsideAgency = 'INTAKE_OUTSIDE_AGENCY',
  InvalidSubmission = 'INTAKE_INVALID_SUBMISSION',
}

const KIND: Record<IntakeErrorCode, ErrorKind> = {
  [IntakeErrorCode.UnknownService]: 'VALIDATION',
  [IntakeErrorCode.ApplicationNotFound]: 'NOT_FOUND',
  [IntakeErrorCode.OutsideAgency]: 'FORBIDDEN',
  [IntakeErrorCode.InvalidSubmission]: 'VALIDATION',
};

export class IntakeError extends DomainError {
  constructor(code: IntakeErrorCode, message: string, details: FieldError[] = []) {
    super(KIND[code], code, message, details);
  }
}
