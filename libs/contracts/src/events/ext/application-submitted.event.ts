import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsDefined,
  IsIn,
  IsISO8601,
  IsNotEmpty,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { withEnvelopeRules, type EventEnvelope } from '../../envelope.js';

export const CHANNELS = ['FRONT_OFFICE', 'SLRT', 'KELURAHAN', 'WEB', 'LETTER', 'WALK_IN'] as const;
export const SEXES = ['M', 'F'] as const;
export const DOCUMENT_TYPES = [
  'KTP',
  'KK',
  'SKTM',
  'SURAT_PERMOHONAN',
  'SURAT_TUGAS',
  'BUKU_TAMU',
  'FORMULIR_PERMOHONAN',
  'SURAT_KETERANGAN_DOMISILI',
  'AKTA_KELAHIRAN',
  'SURAT_KETERANGAN_KEMATIAN',
  'SURAT_KETERANGAN_DISABILITAS',
  'FOTO',
  'LAINNYA',
] as const;

const DIGITS16 = /^\d{16}$/;
/** An agency: a Kemendagri area code (`33.04`), with a suffix for a bureau of a province (`61.BKS`). */
const AREA_CODE = /^\d{2}(\.\d{2})?(\.[A-Z]{2,10})?$/;

export class PersonDto {
  @Matches(DIGITS16, { message: 'nik must be 16 digits' })
  nik!: string;

  @IsString()
  @IsNotEmpty({ message: 'name must not be empty' })
  @MaxLength(200)
  name!: string;

  @IsISO8601({ strict: true }, { message: 'birthDate must be a date YYYY-MM-DD' })
  birthDate!: string;

  @IsIn(SEXES, { message: 'sex must be M or F' })
  sex!: (typeof SEXES)[number];
}

export class ApplicantDto extends PersonDto {
  @Matches(DIGITS16, { message: 'kkNumber must be 16 digits' })
  kkNumber!: string;

  @IsString()
  @IsNotEmpty({ message: 'address must not be empty' })
  @MaxLength(500)
  address!: string;

  @Matches(/^\d{2}\.\d{2}\.\d{2}\.\d{4}$/, { message: 'villageCode must be a village code like 33.04.01.2001' })
  villageCode!: string;

  @IsOptional()
  @IsString()
  @Matches(/^\+?[0-9 -]{6,20}$/, { message: 'phone must be a phone number' })
  phone?: string;
}

export class BeneficiaryDto extends PersonDto {}

export class DocumentDto {
  @IsIn(DOCUMENT_TYPES, { message: `type must be one of ${DOCUMENT_TYPES.join(', ')}` })
  type!: (typeof DOCUMENT_TYPES)[number];

  @IsOptional()
  @IsString()
  @MaxLength(500)
  ref?: string;
}

/**
 * Body of an application, as filed at the front office (the gateway's `POST /applications`) or by
 * a department system (ApplicationSubmittedEvent, the same with the envelope).
 */
export class ApplicationSubmission {
  @Matches(AREA_CODE, { message: 'agencyCode must be an agency code like 33.04' })
  agencyCode!: string;

  @Matches(/^[A-Z][A-Z0-9_]{1,39}$/, { message: 'serviceCode must be an upper-case service code like SANTUNAN_ANAK' })
  serviceCode!: string;

  @IsIn(CHANNELS, { message: `channel must be one of ${CHANNELS.join(', ')}` })
  channel!: (typeof CHANNELS)[number];

  /** the system it was filed in (`slrt-puskesmas-bawang`): kept with the application as its source */
  @IsOptional()
  @IsString({ message: 'source must be a string' })
  @MaxLength(100, { message: 'source must be at most 100 characters' })
  source?: string;

  @ValidateNested()
  @Type(() => ApplicantDto)
  @IsDefined({ message: 'applicant is required' })
  applicant!: ApplicantDto;

  @IsOptional()
  @ValidateNested()
  @Type(() => PersonDto)
  beneficiary?: BeneficiaryDto;

  @IsOptional()
  @IsString()
  @Matches(/^[A-Z_]{2,40}$/, { message: 'targetGroup must be an upper-case code' })
  targetGroup?: string;

  @IsArray({ message: 'documents must be an array' })
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => DocumentDto)
  documents!: DocumentDto[];
}

/** A filing time later than receipt by more than this is refused (a clock a little ahead is not). */
export const FILED_AT_MAX_SKEW_MS = 5 * 60 * 1000;

/**
 * When the applicant filed, from a submission's `occurredAt` and the time Sigap received it:
 * `occurredAt` when it is earlier than receipt, receipt when it is later by at most
 * FILED_AT_MAX_SKEW_MS (a clock slightly ahead) or absent; null when it lies further in the future.
 */
export function filedAt(occurredAt: string | undefined, receivedAt: Date): Date | null {
  if (!occurredAt) return receivedAt;
  const t = new Date(occurredAt);
  if (Number.isNaN(t.getTime())) return null;
  if (t.getTime() <= receivedAt.getTime()) return t;
  return t.getTime() - receivedAt.getTime() <= FILED_AT_MAX_SKEW_MS ? receivedAt : null;
}

/**
 * `sigap.ext.application.submitted.v1`: a department system filed an application. Its body is the
 * front office's filing (ApplicationSubmission, the gateway's HTTP body) with the envelope: one
 * set of rules for both ways in, so they cannot drift apart.
 */
export class ApplicationSubmittedEvent extends ApplicationSubmission implements EventEnvelope {
  declare eventId: string;
  declare occurredAt: string;
  declare correlationId?: string;
  declare causationId?: string;
}
withEnvelopeRules(ApplicationSubmittedEvent);

/**
 * The front office's filing (`POST /api/v1/applications`): the submitted event's body without
 * `eventId` (CONTRACT.md), so `occurredAt` may be given, and may be left out.
 */
export class FrontOfficeFiling extends ApplicationSubmission {
  /**
   * when the applicant filed (ISO-8601 with offset), as in the submitted event: kept as the
   * filing time when earlier than receipt; more than FILED_AT_MAX_SKEW_MS after receipt is refused
   */
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'occurredAt must be an ISO-8601 time with offset' })
  @Matches(/(Z|[+-]\d{2}:?\d{2})$/, { message: 'occurredAt must be an ISO-8601 time with offset' })
  occurredAt?: string;
}
