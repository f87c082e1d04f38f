import { IsIn, IsInt, IsOptional, Max, Min } from 'class-validator';
import { loadConfig, ServiceConfig } from '#platform';

/** Disbursement's settings: the platform's, plus how it fetches dossiers and relays its outbox. */
export class DisbursementConfig extends ServiceConfig {
  /** how often the pool asks intake for the dossiers of newly verified applications */
  @IsOptional()
  @IsInt({ message: 'DISBURSEMENT_DOSSIER_POLL_MS must be a whole number' })
  @Min(100)
  @Max(3_600_000)
  DISBURSEMENT_DOSSIER_POLL_MS: number = 5000;

  /**
   * Tests only: `off` keeps the outbox relay from publishing, to stand for a process killed
   * between committing and publishing. Refused unless the database is a test database.
   */
  @IsOptional()
  @IsIn(['on', 'off'], { message: 'SIGAP_TEST_OUTBOX_RELAY must be on or off' })
  SIGAP_TEST_OUTBOX_RELAY: 'on' | 'off' = 'on';
}

let cached: DisbursementConfig | undefined;
/** Read and validated once per process; a wrong setting stops disbursement at start, naming it. */
export function disbursementConfig(): DisbursementConfig {
  if (cached) return cached;
  const cfg = loadConfig(DisbursementConfig);
  if (cfg.SIGAP_TEST_OUTBOX_RELAY === 'off') {
    const db = new URL(cfg.DATABASE_URL).pathname.replace(/^\//, '');
    if (!/test/i.test(db)) {
      throw new Error(
        `Configuration is invalid:\n  - SIGAP_TEST_OUTBOX_RELAY: off is for tests only, and database "${db}" is not a test database`,
      );
    }
  }
  return (cached = cfg);
}
