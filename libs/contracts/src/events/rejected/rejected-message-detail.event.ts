import { Type } from 'class-transformer';
import { IsIn, IsInt, IsISO8601, IsOptional, IsString, ValidateNested } from 'class-validator';
import type { RejectionReason } from '../../envelope.js';
import { RejectedMessageEvent } from './rejected-message.event.js';

export class RejectedSourceDto {
  @IsString() stream!: string;
  @IsInt() sequence!: number;
}

/**
 * `sigap.rejected.detail` (extends CONTRACT.md): the same rejection with the refused payload, for the
 * admin's inspection and replay. Read by the gateway alone; kept for the installation's retention period.
 */
export class RejectedMessageDetailEvent extends RejectedMessageEvent {
  @IsIn(['VALIDATION', 'RETRIES_EXHAUSTED', 'MALFORMED_JSON', 'TOO_LARGE', 'TOO_DEEP']) reason!: RejectionReason;
  @IsString() consumer!: string;
  @IsOptional() payload?: unknown;
  @IsOptional() @IsIn(['TOO_LARGE']) payloadOmitted?: 'TOO_LARGE';
  @IsISO8601() rejectedAt!: string;
  @IsOptional() @ValidateNested() @Type(() => RejectedSourceDto) source?: RejectedSourceDto;
  @IsOptional() @IsString() cause?: string;
}
