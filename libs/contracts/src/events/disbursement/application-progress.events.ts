// What disbursement tells the other services about the applications it carries from a
// verified case to the money in a person's hand. Intake moves each application with them
// (VERIFIED → PROPOSED → DECREED → DISBURSING → HANDED_OVER, PROPOSED → VERIFIED when the head
// returns a proposal, and out with a reason when a recipient can never be paid); verification
// reads `recipient.paid` for its "paid this year" duplicate check. None carries a NIK, a name or
// a bank account: they are internal events, and the finance office's subject alone carries those.
// Amounts are whole Rupiah as decimal strings, never numbers.
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsInt,
  IsISO8601,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { EventEnvelope } from '../../envelope.js';
import { RUPIAH, RUPIAH_MESSAGE } from '../../validation.js';

/** the most applications one event names; a larger proposal or decree goes out in parts */
export const PROGRESS_PART_MAX = 2000;

/** `sigap.disbursement.proposal.submitted.v1`: applications gathered in a proposal (usulan), sent for the head's approval. VERIFIED → PROPOSED. */
export class ProposalSubmittedEvent extends EventEnvelope {
  @IsUUID() proposalId!: string;
  @IsString() agencyCode!: string;
  @IsString() serviceCode!: string;
  @IsInt() fiscalYear!: number;
  @IsISO8601({ strict: true }) submittedAt!: string;
  @IsInt() @Min(1) part!: number;
  @IsInt() @Min(1) parts!: number;
  @IsArray() @ArrayMinSize(1) @ArrayMaxSize(PROGRESS_PART_MAX) @IsUUID('all', { each: true }) applicationIds!: string[];
}

/** `sigap.disbursement.proposal.returned.v1`: the head returned a proposal; its applications are VERIFIED again. PROPOSED → VERIFIED. */
export class ProposalReturnedEvent extends EventEnvelope {
  @IsUUID() proposalId!: string;
  @IsString() agencyCode!: string;
  @IsString() serviceCode!: string;
  /** the head's reason (staff only) */
  @IsOptional() @IsString() @MaxLength(2000) reason?: string | null;
  @IsISO8601({ strict: true }) returnedAt!: string;
  @IsInt() @Min(1) part!: number;
  @IsInt() @Min(1) parts!: number;
  @IsArray() @ArrayMinSize(1) @ArrayMaxSize(PROGRESS_PART_MAX) @IsUUID('all', { each: true }) applicationIds!: string[];
}

export class DecreeRecipientLineDto {
  @IsUUID() applicationId!: string;
  @Matches(RUPIAH, { message: `amount ${RUPIAH_MESSAGE}` }) amount!: string;
}

/** `sigap.disbursement.decree.issued.v1`: an approved proposal became a decree (SK Bupati / SK Walikota). PROPOSED → DECREED. */
export class DecreeIssuedEvent extends EventEnvelope {
  @IsUUID() decreeId!: string;
  @IsUUID() proposalId!: string;
  @IsString() agencyCode!: string;
  @IsString() serviceCode!: string;
  @IsInt() fiscalYear!: number;
  @IsString() @MaxLength(200) decreeNumber!: string;
  /** the decree's date (YYYY-MM-DD) */
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'decreeDate must be a date (YYYY-MM-DD)' }) decreeDate!: string;
  @IsString() @MaxLength(200) signatory!: string;
  /** the whole decree's total, the same in every part */
  @Matches(RUPIAH, { message: `totalAmount ${RUPIAH_MESSAGE}` }) totalAmount!: string;
  @IsInt() @Min(1) part!: number;
  @IsInt() @Min(1) parts!: number;
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(PROGRESS_PART_MAX)
  @ValidateNested({ each: true })
  @Type(() => DecreeRecipientLineDto)
  recipients!: DecreeRecipientLineDto[];
}

/** `sigap.disbursement.recipient.paid.v1`: the finance office paid one recipient of a decree (SP2D). DECREED → DISBURSING. */
export class RecipientPaidEvent extends EventEnvelope {
  @IsString() agencyCode!: string;
  @IsUUID() applicationId!: string;
  @IsString() serviceCode!: string;
  @IsInt() fiscalYear!: number;
  @Matches(RUPIAH, { message: `amount ${RUPIAH_MESSAGE}` }) amount!: string;
  @IsString() decreeNumber!: string;
  @IsOptional() @IsString() sp2dNumber?: string | null;
  @IsISO8601({ strict: true }) paidAt!: string;
}

/**
 * `sigap.disbursement.recipient.failed.v1`: the finance office could not pay one recipient.
 * `final: false`: the application stays DECREED while the officer corrects it (e.g. the bank
 * account) and requests it again; `final: true`: it can never be paid and leaves its lifecycle
 * (status NOT_PAID, "Tidak dapat disalurkan") with the public reason.
 */
export class RecipientFailedEvent extends EventEnvelope {
  @IsString() agencyCode!: string;
  @IsUUID() applicationId!: string;
  @IsString() serviceCode!: string;
  @IsString() decreeNumber!: string;
  /** the finance office's reason (staff only) */
  @IsString() @MaxLength(2000) reason!: string;
  /** what the citizen reads on the status page, no personal data */
  @IsOptional() @IsString() @MaxLength(500) publicReason?: string | null;
  @IsBoolean() final!: boolean;
  @IsISO8601({ strict: true }) failedAt!: string;
}

/** `sigap.disbursement.recipient.handed-over.v1`: the handover (BAST) of one recipient was recorded. DISBURSING → HANDED_OVER. */
export class RecipientHandedOverEvent extends EventEnvelope {
  @IsString() agencyCode!: string;
  @IsUUID() applicationId!: string;
  @IsString() serviceCode!: string;
  @IsString() decreeNumber!: string;
  @IsString() @MaxLength(200) bastNumber!: string;
  @IsISO8601({ strict: true }) handedOverAt!: string;
  /** where (the schedule's place, e.g. the kelurahan office) */
  @IsOptional() @IsString() @MaxLength(500) place?: string | null;
}
