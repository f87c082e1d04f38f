import { Type } from 'class-transformer';
import { IsInt, Matches, Max, Min } from 'class-validator';
import { loadConfig } from '#platform';
import { DEFAULT_XLSX_MAX_UNPACKED_BYTES } from '../registry/file/registry-xlsx.js';

/**
 * The verification service's settings, read from its environment once and validated at start
 * (a wrong one stops the service naming it). Nothing else in apps/verification reads process.env.
 */
export class VerificationConfig {
  /** the service's own database role (the registry's COPY pool connects with it too) */
  @Matches(/^postgres(ql)?:\/\//, { message: 'DATABASE_URL must be a postgres:// URL (the service role, not the administrator)' })
  DATABASE_URL!: string;

  /** how often the worker looks for new cases to assess (it is also woken when one opens) */
  @Type(() => Number)
  @IsInt({ message: 'SIGAP_ASSESS_POLL_MS must be a whole number of milliseconds' })
  @Min(50)
  @Max(600_000)
  SIGAP_ASSESS_POLL_MS: number = 5000;

  /** how often the import worker looks for queued imports (it is also woken when one is queued) */
  @Type(() => Number)
  @IsInt({ message: 'SIGAP_REGISTRY_POLL_MS must be a whole number of milliseconds' })
  @Min(50)
  @Max(600_000)
  SIGAP_REGISTRY_POLL_MS: number = 2000;

  /** the most an .xlsx registry file may unpack to (all its parts); beyond it the import fails as a zip bomb */
  @Type(() => Number)
  @IsInt({ message: 'SIGAP_REGISTRY_XLSX_MAX_UNPACKED_BYTES must be a whole number of bytes' })
  @Min(1024 * 1024)
  SIGAP_REGISTRY_XLSX_MAX_UNPACKED_BYTES: number = DEFAULT_XLSX_MAX_UNPACKED_BYTES;
}

let cached: VerificationConfig | undefined;
/** Read once per process. */
export function verificationConfig(): VerificationConfig {
  return (cached ??= loadConfig(VerificationConfig));
}
