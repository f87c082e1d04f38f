import type { FieldError } from '#contracts';
import { DomainError, type ErrorKind } from '#platform';

/** Why verification refused a request; the code travels in the error body. Role and agency refusals are #platform's ScopeErrorCode. */
export enum VerificationErrorCode {
  RegistryColumnMissing = 'REGISTRY_COLUMN_MISSING',
  RegistryFileUnreadable = 'REGISTRY_FILE_UNREADABLE',
  RegistryUploadNotFound = 'REGISTRY_UPLOAD_NOT_FOUND',
  ImportNotFound = 'REGISTRY_IMPORT_NOT_FOUND',
  ImportNotAwaitingConfirmation = 'REGISTRY_IMPORT_NOT_AWAITING_CONFIRMATION',
  ImportSuperseded = 'REGISTRY_IMPORT_SUPERSEDED',
  SnapshotNotFound = 'REGISTRY_SNAPSHOT_NOT_FOUND',
  SnapshotNotComplete = 'REGISTRY_SNAPSHOT_NOT_COMPLETE',
  PersonNotFound = 'REGISTRY_PERSON_NOT_FOUND',
  HouseholdNotFound = 'REGISTRY_HOUSEHOLD_NOT_FOUND',
  CaseNotFound = 'VERIFICATION_CASE_NOT_FOUND',
  CaseClosed = 'VERIFICATION_CASE_CLOSED',
  TaskNotFound = 'VERIFICATION_TASK_NOT_FOUND',
  TaskNotOpen = 'VERIFICATION_TASK_NOT_OPEN',
  TaskNotAssignedToYou = 'VERIFICATION_TASK_NOT_ASSIGNED_TO_YOU',
  StageNotReady = 'VERIFICATION_STAGE_NOT_READY',
  /** a task with no officer is not answered: the head assigns it first (issue 11) */
  TaskUnassigned = 'VERIFICATION_TASK_UNASSIGNED',
  AttachmentNotFound = 'VERIFICATION_ATTACHMENT_NOT_FOUND',
  /** a visit names as an attachment a stored file that is not of its task */
  AttachmentUnknown = 'VERIFICATION_ATTACHMENT_UNKNOWN',
  /** only a rule that came out NEEDS_REVIEW is settled by a verifier */
  RuleNotInReview = 'VERIFICATION_RULE_NOT_IN_REVIEW',
  InvalidSettlement = 'VERIFICATION_SETTLEMENT_INVALID',
  /** the officer answered (or is assigned) another stage of the case: each stage needs its own */
  SecondOfficerRequired = 'VERIFICATION_SECOND_OFFICER_REQUIRED',
  UnknownAgency = 'UNKNOWN_AGENCY',
  RulesNotFound = 'ELIGIBILITY_RULES_NOT_FOUND',
  InvalidRules = 'ELIGIBILITY_RULES_INVALID',
  InvalidRegistrySettings = 'REGISTRY_SETTINGS_INVALID',
}

const KIND: Record<VerificationErrorCode, ErrorKind> = {
  REGISTRY_COLUMN_MISSING: 'VALIDATION',
  REGISTRY_FILE_UNREADABLE: 'VALIDATION',
  REGISTRY_UPLOAD_NOT_FOUND: 'NOT_FOUND',
  REGISTRY_IMPORT_NOT_FOUND: 'NOT_FOUND',
  REGISTRY_IMPORT_NOT_AWAITING_CONFIRMATION: 'CONFLICT',
  REGISTRY_IMPORT_SUPERSEDED: 'CONFLICT',
  REGISTRY_SNAPSHOT_NOT_FOUND: 'NOT_FOUND',
  REGISTRY_SNAPSHOT_NOT_COMPLETE: 'CONFLICT',
  REGISTRY_PERSON_NOT_FOUND: 'NOT_FOUND',
  REGISTRY_HOUSEHOLD_NOT_FOUND: 'NOT_FOUND',
  VERIFICATION_CASE_NOT_FOUND: 'NOT_FOUND',
  VERIFICATION_CASE_CLOSED: 'CONFLICT',
  VERIFICATION_TASK_NOT_FOUND: 'NOT_FOUND',
  VERIFICATION_TASK_NOT_OPEN: 'CONFLICT',
  VERIFICATION_TASK_NOT_ASSIGNED_TO_YOU: 'FORBIDDEN',
  VERIFICATION_STAGE_NOT_READY: 'CONFLICT',
  VERIFICATION_TASK_UNASSIGNED: 'CONFLICT',
  VERIFICATION_ATTACHMENT_NOT_FOUND: 'NOT_FOUND',
  VERIFICATION_ATTACHMENT_UNKNOWN: 'VALIDATION',
  VERIFICATION_RULE_NOT_IN_REVIEW: 'CONFLICT',
  VERIFICATION_SETTLEMENT_INVALID: 'VALIDATION',
  VERIFICATION_SECOND_OFFICER_REQUIRED: 'CONFLICT',
  UNKNOWN_AGENCY: 'VALIDATION',
  ELIGIBILITY_RULES_NOT_FOUND: 'NOT_FOUND',
  ELIGIBILITY_RULES_INVALID: 'VALIDATION',
  REGISTRY_SETTINGS_INVALID: 'VALIDATION',
};

/** Verification's errors: a code of VerificationErrorCode, its kind (HTTP status) from the table above. */
export class VerificationError extends DomainError {
  constructor(code: VerificationErrorCode, message: string, details: FieldError[] = []) {
    super(KIND[code], code, message, details);
  }
}
