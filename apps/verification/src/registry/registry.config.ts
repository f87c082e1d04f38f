import { Type } from 'class-transformer';
import { IsInt, Max, Min } from 'class-validator';
import { loadConfig } from '#platform';
import { DEFAULT_XLSX_MAX_UNPACKED_BYTES } from './registry-xlsx.js';

/** The registry's installation settings (environment of the verification service), validated at start. */
export class RegistryConfig {
  /** how often the import worker looks for queued imports (it is also woken when one is queued) */
  @Type(() => Number) @IsInt({ message: 'SIGAP_REGISTRY_POLL_MS must be a whole number of milliseconds' }) @Min(50) @Max(600_000)
  SIGAP_REGISTRY_POLL_MS: number = 2000;

  /** the most an .xlsx registry file may unpack to (all its parts); beyond it the import fails as a zip bomb */
  @Type(() => Number) @IsInt({ message: 'SIGAP_REGISTRY_XLSX_MAX_UNPACKED_BYTES must be a whole number of bytes' }) @Min(1024 * 1024)
  SIGAP_REGISTRY_XLSX_MAX_UNPACKED_BYTES: number = DEFAULT_XLSX_MAX_UNPACKED_BYTES;
}

let cached: RegistryConfig | undefined;
/** Read once per process. */
export function registryConfig(): RegistryConfig {
  return (cached ??= loadConfig(RegistryConfig));
}
