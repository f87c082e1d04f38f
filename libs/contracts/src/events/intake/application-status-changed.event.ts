import { IsInt, IsISO8601, IsOptional, IsString, IsUUID } from 'class-validator';
import { EventEnvelope } from '../../envelope.js';

/**
 * `sigap.intake.application.status-changed.v1`: every status change of an application. Any
 * outside system may read it, so it carries only what the public status page shows: no staff
 * note, no field findings, no staff username. Staff read the full history through the API.
 */
export class ApplicationStatusChangedEvent extends EventEnvelope {
  @IsUUID()
  applicationId!: string;

  @IsOptional()
  @IsString()
  ticketNumber!: string | null;

  @IsOptional()
  @IsString()
  agencyCode?: string;

  @IsOptional()
  @IsString()
  serviceCode?: string;

  @IsOptional()
  @IsString()
  from!: string | null;

  @IsString()
  to!: string;

  /** the same text as `publicReason` (kept for consumers of v1 that read `reason`); never the staff's own reason */
  @IsOptional()
  @IsString()
  reason?: string | null;

  /** `staff` for a member of staff (never their username), or `system:<name>` for a system */
  @IsOptional()
  @IsString()
  actor?: string | null;

  /** the reason shown to the citizen on the public status page, if staff gave one */
  @IsOptional()
  @IsString()
  publicReason?: string | null;

  /** the due time after the change (null once the deadline is met or the application closed) */
  @IsOptional()
  @IsISO8601({ strict: true })
  dueAt?: string | null;

  @IsOptional()
  @IsInt()
  standardVersion?: number;
}
