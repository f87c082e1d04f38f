import { Allow, IsArray, IsOptional, IsString } from 'class-validator';
import type { FieldError, RejectedMessageDetail } from '#contracts';

/**
 * `sigap.rejected.detail` as the gateway accepts it: deliberately lenient. A rejection the
 * gateway refused could not be answered (rejections are never rejected again) and would be lost.
 */
export class RejectedMessagePayload {
  @IsOptional()
  @IsString()
  eventId!: string | null;

  @IsString()
  subject!: string;

  @IsArray()
  @Allow()
  errors!: FieldError[];

  @IsOptional()
  @IsString()
  reason?: RejectedMessageDetail['reason'];

  @IsOptional()
  @IsString()
  consumer?: string;

  @Allow()
  payload?: unknown;

  @Allow()
  payloadOmitted?: unknown;

  @IsOptional()
  @IsString()
  rejectedAt?: string;

  @Allow()
  source?: unknown;

  @Allow()
  cause?: unknown;

  // envelope fields a publisher may add
  @Allow() occurredAt?: unknown;
  @Allow() correlationId?: unknown;
  @Allow() causationId?: unknown;
}
