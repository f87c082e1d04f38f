import { IsArray, IsBoolean, IsIn, IsInt, IsISO8601, IsObject, IsOptional, IsString, IsUUID, ValidateIf } from 'class-validator';
import { EventEnvelope } from '../../envelope.js';

/** `sigap.intake.application.received.v1`: an application was registered or returned. */
export class ApplicationReceivedEvent extends EventEnvelope {
  @IsOptional()
  @IsString()
  sourceEventId?: string | null;

  @IsUUID()
  applicationId!: string;

  @ValidateIf((o: ApplicationReceivedEvent) => o.status === 'REGISTERED')
  @IsString()
  ticketNumber!: string | null;

  @IsIn(['REGISTERED', 'RETURNED'])
  status!: 'REGISTERED' | 'RETURNED';

  @IsArray()
  @IsString({ each: true })
  missingRequirements!: string[];

  @IsOptional()
  @IsISO8601({ strict: true })
  dueAt!: string | null;

  // extensions beyond CONTRACT.md, for Sigap's own consumers (verification)
  @IsOptional()
  @IsString()
  agencyCode?: string;

  @IsOptional()
  @IsString()
  serviceCode?: string;

  /** the version of the standard it was filed under */
  @IsOptional()
  @IsInt()
  standardVersion?: number;

  /** whether the standard's lifecycle goes through verification (IN_VERIFICATION): verification opens a case only then */
  @IsOptional()
  @IsBoolean()
  requiresVerification?: boolean;

  /** the standard's eligibility settings for verification (e.g. `{ maxDecile: 4 }`), open JSON */
  @IsOptional()
  @IsObject()
  eligibility?: Record<string, unknown>;

  /** the requirements intake does not check and leaves to verification (e.g. `DTKS_OR_SKTM`) */
  @IsOptional()
  @IsArray()
  @IsString({ each: true })
  requirementsForVerification?: string[];
}
