import { Type } from 'class-transformer';
import { IsIn, IsNotEmpty, IsOptional, IsString, Matches, MaxLength, ValidateNested } from 'class-validator';
import { EventEnvelope } from '../../envelope.js';
import { COMPLAINT_CHANNELS } from '../complaints/complaint-codes.js';

export class ComplainantDto {
  @IsOptional() @IsString() @MaxLength(200) name?: string | null;
  @IsOptional() @IsString() @MaxLength(200) contact?: string | null;
}

/** `sigap.ext.complaint.received.v1`: a complaint from SP4N-LAPOR! or a channel bot. */
export class ComplaintReceivedEvent extends EventEnvelope {
  @Matches(/^\d{2}(\.\d{2})?(\.[A-Z]{2,10})?$/, { message: 'agencyCode must be an agency code like 33.04' }) agencyCode!: string;
  @IsIn(COMPLAINT_CHANNELS, { message: `channel must be one of ${COMPLAINT_CHANNELS.join(', ')}` })
  channel!: (typeof COMPLAINT_CHANNELS)[number];
  @IsOptional() @IsString() @MaxLength(100) externalRef?: string | null;
  @ValidateNested() @Type(() => ComplainantDto) complainant!: ComplainantDto;
  @IsString() @IsNotEmpty() @MaxLength(300) subject!: string;
  @IsString() @IsNotEmpty() @MaxLength(20000) body!: string;
  @IsOptional() @IsString() @MaxLength(100) ticketNumber?: string | null;
}
