/**
 * The front office's paper trail (issue 11): a returned file completed and filed again, and the
 * warnings shown while filing. Requests validated by intake; views answered to the gateway.
 */
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsNotEmpty, IsOptional, IsString, Matches, MaxLength, ValidateNested } from 'class-validator';
import { DocumentDto } from '../events/ext/application-submitted.event.js';

/**
 * `POST /api/v1/applications/{id}/completion`: the front office adds what a RETURNED file missed.
 * The documents are added to those already on file; when nothing the standard checks at intake is
 * missing any more, the application is REGISTERED (ticket, deadline from now), else nothing changes.
 */
export class CompleteApplicationRequest {
  @IsArray({ message: 'documents must be an array' })
  @ArrayMinSize(1, { message: 'documents must name at least one document' })
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => DocumentDto)
  documents!: DocumentDto[];

  /** kept in the history, for staff */
  @IsOptional()
  @IsString()
  @IsNotEmpty({ message: 'note must not be empty' })
  @MaxLength(2000)
  note?: string;
}

const DIGITS16 = /^\d{16}$/;

/** `POST /api/v1/applications/filing-warnings`: what the form has so far (NIKs in the body, never the URL). */
export class FilingWarningsRequest {
  @Matches(/^\d{2}(\.\d{2})?(\.[A-Z]{2,10})?$/, { message: 'agencyCode must be an agency code like 33.04' })
  agencyCode!: string;

  @Matches(/^[A-Z][A-Z0-9_]{1,39}$/, { message: 'serviceCode must be an upper-case service code like SANTUNAN_ANAK' })
  serviceCode!: string;

  @IsOptional()
  @Matches(DIGITS16, { message: 'applicantNik must be 16 digits' })
  applicantNik?: string;

  @IsOptional()
  @Matches(DIGITS16, { message: 'beneficiaryNik must be 16 digits' })
  beneficiaryNik?: string;
}

export const FILING_WARNING_CODES = ['OPEN_APPLICATION_SAME_SERVICE', 'NIK_OUTSIDE_AGENCY'] as const;
export type FilingWarningCode = (typeof FILING_WARNING_CODES)[number];

/** A warning, not a refusal: the officer reads it and may file all the same. */
export interface FilingWarning {
  code: FilingWarningCode;
  /** the form's field it is about: `applicant.nik` or `beneficiary.nik` */
  path: 'applicant.nik' | 'beneficiary.nik';
  /** OPEN_APPLICATION_SAME_SERVICE: the open application of the same person and service */
  application?: { applicationId: string; ticketNumber: string | null; status: string; filedAt: string; role: 'applicant' | 'beneficiary' };
  /** NIK_OUTSIDE_AGENCY: where the NIK was issued (dotted district code and its name) */
  district?: { code: string; name: string | null };
}

export interface FilingWarningsView {
  warnings: FilingWarning[];
}

/** An agency's contact data (`GET/PUT /api/v1/agencies/{code}/contact`), kept by the gateway. */
export interface AgencyContactView {
  agencyCode: string;
  address: string;
  phone: string;
  email: string | null;
  officeHours: string;
  updatedBy: string;
  updatedAt: string;
}

/** What the public status page shows of it: no staff username. */
export type PublicAgencyContact = Omit<AgencyContactView, 'updatedBy' | 'updatedAt'>;
