import { Allow, IsArray, IsOptional, IsString } from 'class-validator';
import type { FieldError, RejectedMessage } from '#contracts';

/**
 * `sigap.rejected` as the gateway accepts it: deliberately lenient. A rejection the gateway
 * refused would itself be answered on `sigap.rejected`, which the gateway consumes: a loop.
 */
export class RejectedMessagePayload implements RejectedMessage {
  @IsOptional() @IsString()
  eventId!: string | null;

  @IsString()
  subject!: string;

  @IsArray() @Allow()
  errors!: FieldError[];

  @IsOptional() @IsString()
  reason?: RejectedMessage['reason'];

  @IsOptional() @IsString()
  consumer?: string;

  @Allow()
  payload?: unknown;

  @IsOptional() @IsString()
  rejectedAt?: string;

  // envelope fields a publisher may add
  @Allow() occurredAt?: unknown;
  @Allow() correlationId?: unknown;
  @Allow() causationId?: unknown;
}
