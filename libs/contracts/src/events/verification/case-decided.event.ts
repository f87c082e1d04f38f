import { IsIn, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { EventEnvelope } from '../../envelope.js';

export const VERIFICATION_OUTCOMES = ['VERIFIED', 'REJECTED'] as const;
export type VerificationOutcome = (typeof VERIFICATION_OUTCOMES)[number];

/**
 * `sigap.verification.case.decided.v1`: verification decided an application's case (field
 * verification by the TRC, the registry check, the kelurahan's validation). Intake moves the
 * application to VERIFIED or REJECTED, as the lifecycle of its standard allows.
 */
export class VerificationCaseDecidedEvent extends EventEnvelope {
  @IsOptional()
  @IsUUID()
  caseId?: string;

  @IsUUID()
  applicationId!: string;

  @IsOptional()
  @IsString()
  agencyCode?: string;

  @IsIn(VERIFICATION_OUTCOMES, { message: 'outcome must be VERIFIED or REJECTED' })
  outcome!: VerificationOutcome;

  /** why: kept in the application's history (staff only, never on the public status page) */
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  reason?: string | null;

  /**
   * what the applicant reads on the public status page (Bahasa Indonesia, no personal data):
   * why a case was rejected, in words for a citizen
   */
  @IsOptional()
  @IsString()
  @MaxLength(500)
  publicReason?: string | null;

  /** the application's service standard: with the two below, what disbursement needs to begin (it asks intake's dossier for the person) */
  @IsOptional()
  @IsString()
  @MaxLength(50)
  serviceCode?: string;

  /** the application's target group, where its standard has them (BANSOS_REHSOS: LANSIA, WRSE, …) */
  @IsOptional()
  @IsString()
  @MaxLength(50)
  targetGroup?: string | null;

  @IsOptional()
  @IsString()
  @MaxLength(100)
  ticketNumber?: string | null;
}
