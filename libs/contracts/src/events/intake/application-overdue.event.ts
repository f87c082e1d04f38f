import { IsISO8601, IsOptional, IsString, IsUUID } from 'class-validator';
import { EventEnvelope } from '../../envelope.js';

/**
 * `sigap.intake.application.overdue.v1`: an open application passed its due time without
 * reaching the status that meets its standard's deadline. Said once per application.
 */
export class ApplicationOverdueEvent extends EventEnvelope {
  @IsUUID()
  applicationId!: string;

  @IsOptional()
  @IsString()
  ticketNumber!: string | null;

  @IsString()
  agencyCode!: string;

  @IsString()
  serviceCode!: string;

  /** the status it is stuck in */
  @IsString()
  status!: string;

  @IsISO8601({ strict: true })
  dueAt!: string;

  /** when intake noticed (at most one sweep interval after dueAt) */
  @IsISO8601({ strict: true })
  flaggedAt!: string;
}
