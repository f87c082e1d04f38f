/**
 * A service standard (standar pelayanan) as data: what intake keeps per agency and version,
 * what `GET /api/v1/services` lists and what an admin sends to add or edit one. Everything a
 * standard says — requirements, procedure, deadline, fee, product, complaint channels, its
 * lifecycle and the eligibility settings verification reads — lives here, not in code.
 */
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsObject,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { CHANNELS, DOCUMENT_TYPES } from '../events/ext/application-submitted.event.js';
// complaint channels: the same words as `sigap.ext.complaint.received.v1`
import { COMPLAINT_CHANNELS } from '../events/complaints/complaint-codes.js';
import { RUPIAH_MESSAGE } from '../validation.js';

export const DEADLINE_UNITS = ['MINUTES', 'HOURS', 'WORKING_DAYS', 'CALENDAR_DAYS', 'MONTHS'] as const;
export type DeadlineUnitCode = (typeof DEADLINE_UNITS)[number];

/** Staff roles a transition may name (libs/domain ROLES, repeated here: contracts depend on nothing). */
export const STAFF_ROLES = ['FRONT_OFFICE', 'VERIFIER', 'HEAD', 'FINANCE', 'WAREHOUSE', 'COMPLAINT_OFFICER', 'ADMIN'] as const;

/** Services whose events may move an application (`system:<service>` actors). */
export const SYSTEM_ACTORS = ['verification', 'disbursement'] as const;

/** Who checks a requirement: intake at filing (missing → RETURNED), or verification later (e.g. "in DTSEN, or else an SKTM"). */
export const REQUIREMENT_CHECKS = ['INTAKE', 'VERIFICATION'] as const;

/** Where the applicant must live: in the agency's area (its regency/city or province), or anywhere. */
export const RESIDENCY_RULES = ['AGENCY_AREA', 'ANY'] as const;

const CODE = /^[A-Z][A-Z0-9_]{1,39}$/;
const CODE_MESSAGE = (what: string) => `${what} must be an upper-case code like SANTUNAN_ANAK`;

/** A text in Bahasa Indonesia and English. */
export class LocalizedText {
  @IsString()
  @IsNotEmpty({ message: 'id (Bahasa Indonesia) must not be empty' })
  @MaxLength(2000)
  id!: string;

  @IsString()
  @IsNotEmpty({ message: 'en (English) must not be empty' })
  @MaxLength(2000)
  en!: string;
}

export class DeadlineSpec {
  @IsInt({ message: 'amount must be a whole number' })
  @Min(0)
  @Max(3660)
  amount!: number;

  @IsIn(DEADLINE_UNITS, { message: `unit must be one of ${DEADLINE_UNITS.join(', ')}` })
  unit!: DeadlineUnitCode;
}

/** A deadline that replaces the standard's one when the application matches (AUDIENSI: an urgent walk-in, 30 minutes). */
export class DeadlineRule {
  @IsArray()
  @ArrayMinSize(1)
  @IsIn(CHANNELS, { each: true, message: `channels must be among ${CHANNELS.join(', ')}` })
  channels!: (typeof CHANNELS)[number][];

  @ValidateNested()
  @Type(() => DeadlineSpec)
  deadline!: DeadlineSpec;

  @ValidateNested()
  @Type(() => LocalizedText)
  label!: LocalizedText;
}

export class RequirementSpec {
  /** what `missingRequirements` names (`KK`, `SURAT_PERMOHONAN`, `DTKS_OR_SKTM`) */
  @Matches(CODE, { message: CODE_MESSAGE('code') })
  code!: string;

  @ValidateNested()
  @Type(() => LocalizedText)
  name!: LocalizedText;

  /** any one of these documents fulfils it */
  @IsArray()
  @ArrayMinSize(1)
  @IsIn(DOCUMENT_TYPES, { each: true, message: `documentTypes must be among ${DOCUMENT_TYPES.join(', ')}` })
  documentTypes!: (typeof DOCUMENT_TYPES)[number][];

  @IsIn(REQUIREMENT_CHECKS, { message: 'checkedBy must be INTAKE or VERIFICATION' })
  checkedBy!: (typeof REQUIREMENT_CHECKS)[number];

  /** only for these channels (absent: every channel) */
  @IsOptional()
  @IsArray()
  @IsIn(CHANNELS, { each: true })
  channels?: (typeof CHANNELS)[number][];
}

/** A target group (PMKS/PPKS) a service is for, with the client's age where it matters. */
export class TargetGroupSpec {
  @Matches(/^[A-Z_]{2,40}$/, { message: 'code must be an upper-case code' })
  code!: string;

  @ValidateNested()
  @Type(() => LocalizedText)
  name!: LocalizedText;

  /** the client (beneficiary, or the applicant when there is none) is at least this old */
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(150)
  minAge?: number;

  /** the client is younger than this */
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(150)
  ageUnder?: number;

  /** the client's sex, where the group says it (WRSE: women) */
  @IsOptional()
  @IsIn(['M', 'F'], { message: 'sex must be M or F' })
  sex?: 'M' | 'F';
}

export class BeneficiaryRule {
  @IsBoolean()
  required!: boolean;

  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(150)
  minAge?: number;

  /** e.g. 18 for a child (SANTUNAN_ANAK) */
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(150)
  ageUnder?: number;
}

export class ApplicantRule {
  /** the applicant shows a KTP: 17 and older (or married, which the form does not say) */
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(150)
  minAge?: number;

  @IsIn(RESIDENCY_RULES, { message: 'residency must be AGENCY_AREA or ANY' })
  residency!: (typeof RESIDENCY_RULES)[number];
}

export class ProcedureStep {
  @ValidateNested()
  @Type(() => LocalizedText)
  text!: LocalizedText;

  /** the lifecycle status this step leads to, if any */
  @IsOptional()
  @Matches(CODE, { message: CODE_MESSAGE('status') })
  status?: string;
}

export class FeeSpec {
  /** whole Rupiah as a string: always "0", the standards of a Dinas Sosial are free (tidak dipungut biaya) */
  @Matches(/^0$/, { message: 'amount must be "0": the service standards are free of charge (tidak dipungut biaya)' })
  amount!: string;

  @ValidateNested()
  @Type(() => LocalizedText)
  label!: LocalizedText;
}

export class ComplaintChannelSpec {
  @IsIn(COMPLAINT_CHANNELS, { message: `channel must be one of ${COMPLAINT_CHANNELS.join(', ')}` })
  channel!: (typeof COMPLAINT_CHANNELS)[number];

  /** number, address, URL or handle */
  @IsOptional()
  @IsString()
  @MaxLength(500)
  contact?: string;
}

export class LifecycleStatus {
  @Matches(CODE, { message: CODE_MESSAGE('code') })
  code!: string;

  @ValidateNested()
  @Type(() => LocalizedText)
  name!: LocalizedText;

  /** no transition leaves it */
  @IsBoolean()
  terminal!: boolean;
}

export class LifecycleTransition {
  @IsArray()
  @ArrayMinSize(1)
  @Matches(CODE, { each: true, message: CODE_MESSAGE('from') })
  from!: string[];

  @Matches(CODE, { message: CODE_MESSAGE('to') })
  to!: string;

  /** staff roles that may make it through `POST /applications/{id}/transitions` */
  @IsArray()
  @IsIn(STAFF_ROLES, { each: true, message: `roles must be among ${STAFF_ROLES.join(', ')}` })
  roles!: (typeof STAFF_ROLES)[number][];

  /** services whose events make it (`verification`: case opened / decided) */
  @IsOptional()
  @IsArray()
  @IsIn(SYSTEM_ACTORS, { each: true, message: `systems must be among ${SYSTEM_ACTORS.join(', ')}` })
  systems?: (typeof SYSTEM_ACTORS)[number][];

  /** only for applications filed through these channels (AUDIENSI: a walk-in goes straight to an officer) */
  @IsOptional()
  @IsArray()
  @IsIn(CHANNELS, { each: true })
  channels?: (typeof CHANNELS)[number][];

  @IsOptional()
  @IsBoolean()
  reasonRequired?: boolean;
}

/** a benefit in whole Rupiah, more than nothing (a decree never names a recipient for "0") */
export const BENEFIT_RUPIAH = /^[1-9]\d{0,14}$/;
const BENEFIT_MESSAGE = `${RUPIAH_MESSAGE.replace('must be', 'must be more than 0 and')}`;

/** The amount of one target group, where it differs from the standard's amount. */
export class TargetGroupBenefit {
  @Matches(/^[A-Z_]{2,40}$/, { message: 'targetGroup must be an upper-case code' })
  targetGroup!: string;

  @Matches(BENEFIT_RUPIAH, { message: `amount ${BENEFIT_MESSAGE}` })
  amount!: string;
}

/**
 * What a recipient of this standard is given, in whole Rupiah (a setting of each agency, versioned
 * with its standard). There is no default: the published standards name the benefit but not its
 * amount, and a proposal cannot be made while it is unset (`benefitAmountFor` → null).
 */
export class BenefitSpec {
  /** the amount of every recipient (null or absent: not set) */
  @IsOptional()
  @Matches(BENEFIT_RUPIAH, { message: `amount ${BENEFIT_MESSAGE}` })
  amount?: string | null;

  /** amounts per target group where they differ (a group named here takes this amount) */
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => TargetGroupBenefit)
  byTargetGroup?: TargetGroupBenefit[];
}

/** The state machine of a standard: statuses, who moves an application where, and when its deadline is met. */
export class LifecycleSpec {
  @Matches(CODE, { message: CODE_MESSAGE('initial') })
  initial!: string;

  @IsArray()
  @ArrayMinSize(2)
  @ArrayMaxSize(40)
  @ValidateNested({ each: true })
  @Type(() => LifecycleStatus)
  statuses!: LifecycleStatus[];

  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  @Type(() => LifecycleTransition)
  transitions!: LifecycleTransition[];

  /** reaching one of these stops the deadline's clock (met); a terminal status stops it too */
  @IsArray()
  @Matches(CODE, { each: true, message: CODE_MESSAGE('deadlineMetAt') })
  deadlineMetAt!: string[];
}

/** Everything a standard says. `code` is the service code in ticket numbers. */
export class StandardDefinition {
  @Matches(CODE, { message: CODE_MESSAGE('code') })
  code!: string;

  @ValidateNested()
  @Type(() => LocalizedText)
  name!: LocalizedText;

  @IsOptional()
  @ValidateNested()
  @Type(() => LocalizedText)
  description?: LocalizedText;

  /** the decree that set the standard (No. SK), when the standard names one */
  @IsOptional()
  @IsString()
  @MaxLength(200)
  decreeNumber?: string | null;

  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => RequirementSpec)
  requirements!: RequirementSpec[];

  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => TargetGroupSpec)
  targetGroups!: TargetGroupSpec[];

  @IsBoolean()
  targetGroupRequired!: boolean;

  @ValidateNested()
  @Type(() => ApplicantRule)
  applicant!: ApplicantRule;

  @ValidateNested()
  @Type(() => BeneficiaryRule)
  beneficiary!: BeneficiaryRule;

  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => ProcedureStep)
  procedure!: ProcedureStep[];

  @ValidateNested()
  @Type(() => DeadlineSpec)
  deadline!: DeadlineSpec;

  /** the deadline in the standard's own words ("3 Bulan", "1 Hari sejak surat diterima Kepala Bidang") */
  @IsOptional()
  @ValidateNested()
  @Type(() => LocalizedText)
  deadlineNote?: LocalizedText;

  @IsArray()
  @ArrayMaxSize(10)
  @ValidateNested({ each: true })
  @Type(() => DeadlineRule)
  deadlineRules!: DeadlineRule[];

  @ValidateNested()
  @Type(() => FeeSpec)
  fee!: FeeSpec;

  @IsArray()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => LocalizedText)
  products!: LocalizedText[];

  @IsArray()
  @ArrayMaxSize(30)
  @ValidateNested({ each: true })
  @Type(() => ComplaintChannelSpec)
  complaintChannels!: ComplaintChannelSpec[];

  @ValidateNested()
  @Type(() => LifecycleSpec)
  lifecycle!: LifecycleSpec;

  /** the benefit amount a recipient is given (standards paid out by disbursement); absent: not set */
  @IsOptional()
  @ValidateNested()
  @Type(() => BenefitSpec)
  benefit?: BenefitSpec | null;

  /** settings verification reads (e.g. `{ maxDecile: 4, registryOrSktm: true }`): open JSON, intake does not interpret it */
  @IsObject({ message: 'eligibility must be an object' })
  eligibility!: Record<string, unknown>;
}

/** `POST /api/v1/services`: a new standard of an agency (version 1). */
export class CreateStandardRequest extends StandardDefinition {
  @Matches(/^\d{2}(\.\d{2})?(\.[A-Z]{2,10})?$/, { message: 'agencyCode must be an agency code like 33.04' })
  agencyCode!: string;

  /** why (kept with the version) */
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  changeNote?: string;
}

/** `PUT /api/v1/services/{agencyCode}/{code}`: the standard's next version (code as in the path). */
export class UpdateStandardRequest extends StandardDefinition {
  /** false: closed for new filings (applications already filed go on under their version) */
  @IsOptional()
  @IsBoolean()
  active?: boolean;

  @IsOptional()
  @IsString()
  @MaxLength(1000)
  changeNote?: string;
}
