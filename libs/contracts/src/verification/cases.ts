/**
 * Verification cases: eligibility rules (data per service standard) with their outcome and
 * evidence, duplicates, and field verification (tasks per stage, visits). The shapes the
 * gateway answers over HTTP and the bodies it accepts.
 */
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsISO8601,
  IsLatitude,
  IsLongitude,
  IsNotEmpty,
  IsObject,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateBy,
  ValidateNested,
  type ValidationOptions,
} from 'class-validator';

export const RULE_OUTCOMES = ['PASSED', 'FAILED', 'NEEDS_REVIEW'] as const;
export type RuleOutcome = (typeof RULE_OUTCOMES)[number];

/** CLOSED: intake closed the application (withdrawn, rejected or returned there) while it was being verified */
export const CASE_STATUSES = ['AWAITING_ASSESSMENT', 'IN_FIELD_VERIFICATION', 'VERIFIED', 'REJECTED', 'CLOSED'] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

export const DUPLICATE_KINDS = ['OPEN_CASE_SAME_SERVICE', 'PAID_THIS_YEAR', 'NATIONAL_PROGRAMME', 'SAME_HOUSEHOLD'] as const;
export type DuplicateKind = (typeof DUPLICATE_KINDS)[number];

/** Field verification stages: the rapid response team, Dinsos's own verifiers, the kelurahan. */
export const FIELD_STAGES = ['TRC', 'DINSOS', 'KELURAHAN'] as const;
export type FieldStage = (typeof FIELD_STAGES)[number];

export const RECOMMENDATIONS = ['ELIGIBLE', 'NOT_ELIGIBLE'] as const;
export type Recommendation = (typeof RECOMMENDATIONS)[number];

export const TASK_STATUSES = ['WAITING', 'OPEN', 'DONE', 'CANCELLED'] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];

/** Where a rule's outcome comes from: a registry row, a document of the file, the application itself. */
export interface RuleEvidence {
  source: 'REGISTRY' | 'DOCUMENT' | 'APPLICATION' | 'CASE' | 'SETTINGS';
  /** REGISTRY: the snapshot and the row of the file it came from */
  snapshotId?: string;
  row?: number;
  nik?: string;
  /** DOCUMENT: its type; APPLICATION: the field */
  document?: string;
  field?: string;
  value?: unknown;
  /** CASE: the other case */
  caseId?: string;
  applicationId?: string;
  ticketNumber?: string | null;
}

export interface RuleResultView {
  rule: string;
  outcome: RuleOutcome;
  /** why, in words an officer and an applicant can read */
  message: string;
  evidence: RuleEvidence[];
  checkedAt: string;
  /** a verifier settled the rule, which had come out NEEDS_REVIEW (the outcome above is theirs) */
  settlement?: RuleSettlementView | null;
}

export const SETTLED_OUTCOMES = ['PASSED', 'FAILED'] as const;
export type SettledOutcome = (typeof SETTLED_OUTCOMES)[number];

/** Who settled a rule that needed review, how, why and when. */
export interface RuleSettlementView {
  outcome: SettledOutcome;
  reason: string;
  settledBy: string;
  settledAt: string;
}

/** `POST /api/v1/verification/cases/{caseId}/rules/{rule}/settlement`: a verifier settles a rule that needs review. */
export class SettleRuleRequest {
  @IsIn(SETTLED_OUTCOMES, { message: 'outcome must be PASSED or FAILED' })
  outcome!: SettledOutcome;

  /** why: what the verifier checked (kept on the case, staff only) */
  @IsString({ message: 'reason must be text' })
  @IsNotEmpty({ message: 'reason is required' })
  @MaxLength(1000, { message: 'reason must be at most 1000 characters' })
  reason!: string;
}

export interface DuplicateView {
  kind: DuplicateKind;
  /** the other record: a case (application and ticket) or a national programme */
  other: { caseId?: string; applicationId?: string; ticketNumber?: string | null; programme?: string; snapshotId?: string; row?: number };
  message: string;
}

export interface VisitView {
  visitId: string;
  officer: string;
  visitedAt: string;
  latitude: number | null;
  longitude: number | null;
  findings: string;
  recommendation: Recommendation;
  /** a reference typed by the officer (`ref`, `name`), or a stored photo or document (with `attachmentId`, opened through the gateway) */
  attachments: Array<{ ref: string; name?: string; attachmentId?: string; contentType?: string; size?: number }>;
  recordedAt: string;
}

/** The content types a visit's photo or document may have (issue 11). */
export const ATTACHMENT_CONTENT_TYPES = ['image/jpeg', 'image/png', 'application/pdf'] as const;
export type AttachmentContentType = (typeof ATTACHMENT_CONTENT_TYPES)[number];

/**
 * A photo or document of a field task, stored in the Object Store bucket `sigap_visit_attachments`
 * (`POST /api/v1/verification/tasks/{taskId}/attachments`); `ref` is its id, which a visit names.
 */
export interface VisitAttachmentView {
  attachmentId: string;
  /** the same as attachmentId: what a visit's `attachments[].ref` carries */
  ref: string;
  taskId: string;
  name: string;
  contentType: AttachmentContentType;
  size: number;
  uploadedBy: string;
  uploadedAt: string;
}

export interface FieldTaskView {
  taskId: string;
  caseId: string;
  applicationId: string;
  ticketNumber: string | null;
  agencyCode: string;
  serviceCode: string;
  stage: FieldStage;
  order: number;
  /** WAITING: an earlier stage has not answered; OPEN: to do; DONE: answered */
  status: TaskStatus;
  assignee: string | null;
  assignedBy: string | null;
  assignedAt: string | null;
  createdAt: string;
  visits: VisitView[];
  /** where to go (issue 11): the applicant's address as filed, RT/RW read from it, desa and kecamatan by code and name; null when unknown */
  applicantName: string | null;
  address: string | null;
  rt: string | null;
  rw: string | null;
  villageCode: string | null;
  villageName: string | null;
  districtCode: string | null;
  districtName: string | null;
  /** the applicant's phone: only for the officer assigned to the task and the agency's head (`phoneHidden` says one is on file) */
  phone: string | null;
  phoneHidden: boolean;
}

export interface CaseHistoryView {
  at: string;
  actor: string;
  action: string;
  detail: Record<string, unknown>;
}

/** `GET /api/v1/verification/cases/{caseId}`. */
export interface CaseView {
  caseId: string;
  applicationId: string;
  ticketNumber: string | null;
  agencyCode: string;
  serviceCode: string;
  status: CaseStatus;
  outcome: 'VERIFIED' | 'REJECTED' | null;
  reason: string | null;
  openedAt: string;
  assessedAt: string | null;
  decidedAt: string | null;
  /** the applicant and beneficiary as the application gives them (NIKs masked but the last 4 digits) */
  subject: {
    applicant: { nik: string; name: string; kkNumber: string; villageCode: string };
    beneficiary: { nik: string; name: string; birthDate: string } | null;
    targetGroup: string | null;
  } | null;
  /** the registry snapshots the rules were checked against */
  registrySnapshotIds: string[];
  rules: RuleResultView[];
  duplicates: DuplicateView[];
  tasks: FieldTaskView[];
  history: CaseHistoryView[];
}

export interface CaseListItem {
  caseId: string;
  applicationId: string;
  ticketNumber: string | null;
  agencyCode: string;
  serviceCode: string;
  status: CaseStatus;
  outcome: 'VERIFIED' | 'REJECTED' | null;
  openedAt: string;
  /** the applicant (NIK masked but the last 4 digits) and the desa, once the case is assessed */
  applicantName: string | null;
  applicantNik: string | null;
  beneficiaryName: string | null;
  villageCode: string | null;
  villageName: string | null;
  districtName: string | null;
  /** counts of rule outcomes, for the list's badges */
  rules: Record<RuleOutcome, number>;
  duplicates: number;
}

export class AttachmentRef {
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  ref!: string;

  @IsOptional()
  @IsString()
  @MaxLength(200)
  name?: string;
}

/** `POST /api/v1/verification/tasks/{taskId}/visits`: what the officer found on the visit. */
export class RecordVisitRequest {
  @IsString()
  @IsNotEmpty({ message: 'findings must not be empty' })
  @MaxLength(5000)
  findings!: string;

  @IsIn(RECOMMENDATIONS, { message: 'recommendation must be ELIGIBLE or NOT_ELIGIBLE' })
  recommendation!: Recommendation;

  @IsISO8601({ strict: true }, { message: 'visitedAt must be an ISO-8601 time with offset' })
  visitedAt!: string;

  @IsOptional()
  @IsLatitude({ message: 'latitude must be a latitude' })
  latitude?: number;

  @IsOptional()
  @IsLongitude({ message: 'longitude must be a longitude' })
  longitude?: number;

  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => AttachmentRef)
  attachments?: AttachmentRef[];

  /** NOT_ELIGIBLE: what the applicant reads on the status page (no personal data); a standard sentence when absent */
  @IsOptional()
  @IsString()
  @MaxLength(500)
  publicReason?: string;
}

/**
 * `POST /api/v1/verification/cases/search`: the cases list's filters, with `q` in the body (a NIK
 * stays out of the URL). `q` is a ticket (a space for the underscore is fine), a name, a desa or
 * kecamatan, or a whole NIK (16 digits: matched in full, never in part).
 */
export class SearchCasesRequest {
  @IsOptional()
  @IsString({ message: 'q must be text' })
  @MaxLength(100, { message: 'q must be at most 100 characters' })
  q?: string;

  @IsOptional()
  @IsIn(CASE_STATUSES, { message: `status must be one of ${CASE_STATUSES.join(', ')}` })
  status?: CaseStatus;

  @IsOptional()
  @Matches(/^[A-Z][A-Z0-9_-]{1,39}$/, { message: 'serviceCode must be a service code' })
  serviceCode?: string;

  @IsOptional()
  @IsInt({ message: 'limit must be a whole number' })
  @Min(1)
  @Max(200)
  limit?: number;

  @IsOptional()
  @IsInt({ message: 'offset must be a whole number' })
  @Min(0)
  offset?: number;
}

/** An active verifier of the agency, whom a field task can be given (`GET /api/v1/verification/verifiers`). */
export interface VerifierView {
  username: string;
  displayName: string;
}

/** `POST /api/v1/verification/tasks/{taskId}/assign`. */
export class AssignTaskRequest {
  @Matches(/^[a-zA-Z0-9._-]{3,64}$/, { message: 'assignee must be a username' })
  assignee!: string;
}

const CODE = /^[A-Z][A-Z0-9_-]{1,39}$/;
const AGE_RULE_KEYS = ['minAge', 'ageUnder', 'sex'];

/** An object whose keys are upper-case codes and whose values pass `valueOk` (class-validator has no record check). */
function IsCodeRecord(valueOk: (v: unknown) => boolean, what: string, options?: ValidationOptions) {
  return ValidateBy(
    {
      name: 'isCodeRecord',
      validator: {
        validate: (value: unknown) =>
          value === null ||
          (typeof value === 'object' &&
            !Array.isArray(value) &&
            Object.entries(value as object).every(([k, v]) => CODE.test(k) && valueOk(v))),
        defaultMessage: (args) => `${args?.property} must map upper-case codes to ${what}`,
      },
    },
    options,
  );
}

const isAge = (v: unknown) => Number.isInteger(v) && (v as number) >= 0 && (v as number) <= 150;

/**
 * The eligibility settings of a service standard (see apps/verification eligibility.ts): which
 * registry evidence, ages, target groups, excluding national programmes, household limit and
 * field stages. Unknown keys are refused, so a misspelt setting is an error, not a no-op.
 */
export class EligibilitySettingsDto {
  @IsOptional() @IsBoolean() registryOrSktm?: boolean;
  @IsOptional() @Matches(CODE, { message: 'sktmDocument must be a document code like SKTM' }) sktmDocument?: string;
  @IsOptional() @IsBoolean() registryOrPmks?: boolean;
  /** the highest welfare decile (desil) that qualifies; null: any */
  @IsOptional()
  @IsInt({ message: 'maxDecile must be a whole number 1–10, or null for any' })
  @Min(1, { message: 'maxDecile must be a whole number 1–10, or null for any' })
  @Max(10, { message: 'maxDecile must be a whole number 1–10, or null for any' })
  maxDecile?: number | null;
  @IsOptional() @IsBoolean() beneficiaryRequired?: boolean;
  @IsOptional() @IsInt({ message: 'beneficiaryAgeUnder must be a whole number of years' }) @Min(1) @Max(150) beneficiaryAgeUnder?:
    number | null;
  @IsOptional() @IsCodeRecord(isAge, 'an age in whole years') targetGroupAgeUnder?: Record<string, number>;
  @IsOptional()
  @IsCodeRecord(
    (v) =>
      typeof v === 'object' &&
      v !== null &&
      !Array.isArray(v) &&
      Object.entries(v).every(([k, x]) => AGE_RULE_KEYS.includes(k) && (k === 'sex' ? x === 'M' || x === 'F' : isAge(x))),
    '{ minAge?, ageUnder?, sex?: M | F }',
  )
  targetGroups?: Record<string, { minAge?: number; ageUnder?: number; sex?: 'M' | 'F' }> | null;
  @IsOptional() @IsBoolean() domicileInAgencyArea?: boolean;
  @IsOptional() @IsBoolean() residentOfAgencyArea?: boolean;
  @IsOptional()
  @IsArray()
  @ArrayUnique()
  @Matches(CODE, { each: true, message: 'notInPrograms must list programme codes like PKH, BPNT, PBI-JK' })
  notInPrograms?: string[];
  @IsOptional() @IsBoolean() onePerHousehold?: boolean;
  @IsArray({ message: `fieldStages must be an array of ${FIELD_STAGES.join(', ')}` })
  @ArrayUnique()
  @IsIn(FIELD_STAGES, { each: true, message: `fieldStages must list ${FIELD_STAGES.join(', ')}` })
  fieldStages!: FieldStage[];
}

/**
 * `PUT /api/v1/verification/rules/{serviceCode}`: the caller's agency's eligibility settings of a
 * service standard, as a new version (the old ones are kept). Agencies without their own use
 * their province's, else the installation's defaults (from the seeds).
 */
export class UpdateRulesRequest {
  @IsObject({ message: 'settings must be an object' })
  @ValidateNested()
  @Type(() => EligibilitySettingsDto)
  settings!: EligibilitySettingsDto;
}

/** `GET /api/v1/verification/rules`: the settings in force for the caller's agency, and where they come from. */
export interface EligibilityRulesView {
  serviceCode: string;
  /** whose settings: the agency's own, its province's, or `*` (the installation's defaults) */
  agencyCode: string;
  version: number;
  settings: EligibilitySettingsDto;
  updatedBy: string;
  updatedAt: string;
}
