import { Type } from 'class-transformer';
import { IsArray, IsIn, IsISO8601, IsOptional, IsString, IsUUID, MaxLength, ValidateNested } from 'class-validator';
import { EventEnvelope } from '../../envelope.js';

export class SettledRecipientDto {
  @IsUUID() applicationId!: string;
  @IsIn(['PAID', 'REJECTED']) status!: 'PAID' | 'REJECTED';
  @IsOptional() @IsString() reason?: string | null;
}

/** `sigap.ext.finance.disbursement.settled.v1`: the finance office paid or rejected a disbursement request. */
export class DisbursementSettledEvent extends EventEnvelope {
  @IsUUID() requestId!: string;
  @IsIn(['PAID', 'REJECTED']) status!: 'PAID' | 'REJECTED';
  @IsOptional() @IsString() @MaxLength(100) sp2dNumber?: string | null;
  @IsOptional() @IsISO8601({ strict: true }) paidAt?: string | null;
  @IsOptional() @IsString() @MaxLength(1000) reason?: string | null;
  @IsOptional() @IsArray() @ValidateNested({ each: true }) @Type(() => SettledRecipientDto) recipients?: SettledRecipientDto[];
}
