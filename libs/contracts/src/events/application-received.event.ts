import { IsArray, IsIn, IsISO8601, IsOptional, IsString, IsUUID, ValidateIf } from 'class-validator';
import { EventEnvelope } from '../envelope.js';

/** `sigap.intake.application.received.v1`: an application was registered or returned. */
export class ApplicationReceivedEvent extends EventEnvelope {
  @IsOptional() @IsString()
  sourceEventId?: string | null;

  @IsUUID()
  applicationId!: string;

  @ValidateIf((o: ApplicationReceivedEvent) => o.status === 'REGISTERED') @IsString()
  ticketNumber!: string | null;

  @IsIn(['REGISTERED', 'RETURNED'])
  status!: 'REGISTERED' | 'RETURNED';

  @IsArray() @IsString({ each: true })
  missingRequirements!: string[];

  @IsOptional() @IsISO8601({ strict: true })
  dueAt!: string | null;

  // extensions beyond CONTRACT.md, for Sigap's own consumers (verification)
  @IsOptional() @IsString()
  agencyCode?: string;

  @IsOptional() @IsString()
  serviceCode?: string;
}

/** `sigap.intake.application.status-changed.v1`: every status change of an application. */
export class ApplicationStatusChangedEvent extends EventEnvelope {
  @IsUUID()
  applicationId!: string;

  @IsOptional() @IsString()
  ticketNumber!: string | null;

  @IsOptional() @IsString()
  agencyCode?: string;

  @IsOptional() @IsString()
  serviceCode?: string;

  @IsOptional() @IsString()
  from!: string | null;

  @IsString()
  to!: string;

  @IsOptional() @IsString()
  reason?: string | null;

  @IsOptional() @IsString()
  actor?: string | null;
}
