import { Type } from 'class-transformer';
import { IsArray, IsInt, IsNotEmpty, IsOptional, IsString, IsUUID, Matches, Min, ValidateNested } from 'class-validator';
import { EventEnvelope } from '../../envelope.js';
import { RUPIAH, RUPIAH_MESSAGE } from '../../validation.js';

export class DisbursementRecipientDto {
  @IsUUID() applicationId!: string;
  @Matches(/^\d{16}$/, { message: 'nik must be 16 digits' }) nik!: string;
  @IsString() @IsNotEmpty() name!: string;
  @Matches(RUPIAH, { message: `amount ${RUPIAH_MESSAGE}` }) amount!: string;
  @IsOptional() @IsString() bankAccount?: string | null;
}

/** `sigap.disbursement.requested.v1`: a decree's budget to be paid out (the one subject with full NIKs, for the finance office). */
export class DisbursementRequestedEvent extends EventEnvelope {
  @IsUUID() requestId!: string;
  @IsString() agencyCode!: string;
  @IsString() decreeNumber!: string;
  @IsInt() fiscalYear!: number;
  @IsString() budgetLine!: string;
  @Matches(RUPIAH, { message: `totalAmount ${RUPIAH_MESSAGE}` }) totalAmount!: string;
  @IsInt() @Min(1) part!: number;
  @IsInt() @Min(1) parts!: number;
  @IsArray() @ValidateNested({ each: true }) @Type(() => DisbursementRecipientDto) recipients!: DisbursementRecipientDto[];
}
