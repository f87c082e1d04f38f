import { IsInt, IsISO8601, IsOptional, IsString, Max, Min } from 'class-validator';
import { loadConfig, ServiceConfig } from '#platform';

/** Intake's settings: the platform's, plus the overdue sweep and the test clock. */
export class IntakeConfig extends ServiceConfig {
  /** how often the overdue sweep looks for applications past their due time */
  @IsOptional()
  @IsInt({ message: 'INTAKE_OVERDUE_SWEEP_MS must be a whole number' })
  @Min(100)
  @Max(3_600_000)
  INTAKE_OVERDUE_SWEEP_MS: number = 60_000;

  /**
   * Tests only: the instant the clock shows when the process starts (it runs on from there),
   * so a test can file on Friday 20 March 2026. Refused unless the database is a test
   * database (its name contains "test"), so no deployment can run on a fake clock.
   */
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'SIGAP_CLOCK must be an ISO-8601 instant with offset' })
  SIGAP_CLOCK?: string;

  /** when set (to anything), each filing batch logs how long its check and its registration took */
  @IsOptional()
  @IsString()
  SIGAP_DEBUG_FILING?: string;
}

let cached: IntakeConfig | undefined;
/** Read and validated once per process; a wrong setting stops intake at start, naming it. */
export function intakeConfig(): IntakeConfig {
  if (cached) return cached;
  const cfg = loadConfig(IntakeConfig);
  if (cfg.SIGAP_CLOCK) {
    const db = new URL(cfg.DATABASE_URL).pathname.replace(/^\//, '');
    if (!/test/i.test(db)) {
      throw new Error(
        `Configuration is invalid:\n  - SIGAP_CLOCK: a fake clock is for tests only, and database "${db}" is not a test database`,
      );
    }
  }
  return (cached = cfg);
}
