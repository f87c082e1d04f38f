import { Type } from 'class-transformer';
import { IsIn, IsISO8601, IsOptional, IsString, ValidateNested } from 'class-validator';
import { EventEnvelope } from '../../envelope.js';
import { COMPLAINT_CHANNELS, COMPLAINT_CHANGES, COMPLAINT_CLASSES } from '../complaints/complaint-codes.js';

export class ComplaintAnswerDto {
  @IsString() text!: string;
  @IsISO8601({ strict: true }) answeredAt!: string;
}

/** `sigap.complaints.complaint.updated.v1`: a complaint was registered, classified, disposed, answered, or breached its deadline. */
export class ComplaintUpdatedEvent extends EventEnvelope {
  @IsString() complaintId!: string;
  @IsString() trackingNumber!: string;
  @IsOptional() @IsString() externalRef?: string | null;
  @IsString() agencyCode!: string;
  @IsIn(COMPLAINT_CHANNELS) channel!: (typeof COMPLAINT_CHANNELS)[number];
  @IsIn(COMPLAINT_CHANGES) change!: (typeof COMPLAINT_CHANGES)[number];
  @IsString() status!: string;
  @IsOptional() @IsIn(COMPLAINT_CLASSES) class?: (typeof COMPLAINT_CLASSES)[number] | null;
  @IsOptional() @IsISO8601({ strict: true }) dueAt?: string | null;
  @IsOptional() @ValidateNested() @Type(() => ComplaintAnswerDto) answer?: ComplaintAnswerDto | null;
}
