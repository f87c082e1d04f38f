import { DomainError, type ErrorKind } from '#platform';
import type { FieldError } from '#contracts';

export enum DisbursementErrorCode {
  BudgetLineNotFound = 'DISBURSEMENT_BUDGET_LINE_NOT_FOUND',
  BudgetLineExists = 'DISBURSEMENT_BUDGET_LINE_EXISTS',
  BudgetLineChanged = 'DISBURSEMENT_BUDGET_LINE_CHANGED',
  CeilingBelowCommitted = 'DISBURSEMENT_CEILING_BELOW_COMMITTED',
  CeilingExceeded = 'DISBURSEMENT_CEILING_EXCEEDED',
  BudgetLineMismatch = 'DISBURSEMENT_BUDGET_LINE_MISMATCH',
  BenefitAmountUnset = 'DISBURSEMENT_BENEFIT_AMOUNT_UNSET',
  NotEligible = 'DISBURSEMENT_APPLICATION_NOT_ELIGIBLE',
  MixedStandards = 'DISBURSEMENT_MIXED_STANDARDS',
  ProposalNotFound = 'DISBURSEMENT_PROPOSAL_NOT_FOUND',
  WrongProposalStatus = 'DISBURSEMENT_PROPOSAL_WRONG_STATUS',
  SecondOfficerRequired = 'DISBURSEMENT_SECOND_OFFICER_REQUIRED',
  DecreeNotFound = 'DISBURSEMENT_DECREE_NOT_FOUND',
  DecreeNumberTaken = 'DISBURSEMENT_DECREE_NUMBER_TAKEN',
  NothingToRequest = 'DISBURSEMENT_NOTHING_TO_REQUEST',
  RecipientNotFound = 'DISBURSEMENT_RECIPIENT_NOT_FOUND',
  RecipientWrongStatus = 'DISBURSEMENT_RECIPIENT_WRONG_STATUS',
  RequestNotFound = 'DISBURSEMENT_REQUEST_NOT_FOUND',
  ScheduleChanged = 'DISBURSEMENT_SCHEDULE_CHANGED',
  AlreadyHandedOver = 'DISBURSEMENT_ALREADY_HANDED_OVER',
  // documents (issue 12)
  DocumentInputInvalid = 'DOCUMENT_INPUT_INVALID',
  BankAnswerFile = 'BANK_ANSWER_FILE',
  BankAnswerHeader = 'BANK_ANSWER_HEADER',
  UploadNotFound = 'DISBURSEMENT_UPLOAD_NOT_FOUND',
}

const KIND: Record<DisbursementErrorCode, ErrorKind> = {
  [DisbursementErrorCode.BudgetLineNotFound]: 'NOT_FOUND',
  [DisbursementErrorCode.BudgetLineExists]: 'CONFLICT',
  [DisbursementErrorCode.BudgetLineChanged]: 'CONFLICT',
  [DisbursementErrorCode.CeilingBelowCommitted]: 'CONFLICT',
  [DisbursementErrorCode.CeilingExceeded]: 'CONFLICT',
  [DisbursementErrorCode.BudgetLineMismatch]: 'VALIDATION',
  [DisbursementErrorCode.BenefitAmountUnset]: 'CONFLICT',
  [DisbursementErrorCode.NotEligible]: 'CONFLICT',
  [DisbursementErrorCode.MixedStandards]: 'VALIDATION',
  [DisbursementErrorCode.ProposalNotFound]: 'NOT_FOUND',
  [DisbursementErrorCode.WrongProposalStatus]: 'CONFLICT',
  [DisbursementErrorCode.SecondOfficerRequired]: 'CONFLICT',
  [DisbursementErrorCode.DecreeNotFound]: 'NOT_FOUND',
  [DisbursementErrorCode.DecreeNumberTaken]: 'CONFLICT',
  [DisbursementErrorCode.NothingToRequest]: 'CONFLICT',
  [DisbursementErrorCode.RecipientNotFound]: 'NOT_FOUND',
  [DisbursementErrorCode.RecipientWrongStatus]: 'CONFLICT',
  [DisbursementErrorCode.RequestNotFound]: 'NOT_FOUND',
  [DisbursementErrorCode.ScheduleChanged]: 'CONFLICT',
  [DisbursementErrorCode.AlreadyHandedOver]: 'CONFLICT',
  // the decree's data cannot make the document (e.g. a recipient without a birth date for the bank): what to complete, per line
  [DisbursementErrorCode.DocumentInputInvalid]: 'UNPROCESSABLE',
  [DisbursementErrorCode.BankAnswerFile]: 'VALIDATION',
  [DisbursementErrorCode.BankAnswerHeader]: 'VALIDATION',
  [DisbursementErrorCode.UploadNotFound]: 'NOT_FOUND',
};

/** Disbursement's errors: a code of its own, a kind the gateway maps to an HTTP status, and field details. */
export class DisbursementError extends DomainError {
  constructor(code: DisbursementErrorCode, message: string, details: FieldError[] = []) {
    super(KIND[code], code, message, details);
  }
}
