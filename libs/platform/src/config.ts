import { plainToInstance, type ClassConstructor } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Matches, Max, Min } from 'class-validator';
import { validateSync } from 'class-validator';
import { flattenValidationErrors } from '#contracts';

/** Settings every service reads from its environment. */
export class ServiceConfig {
  @Matches(/^postgres(ql)?:\/\//, { message: 'DATABASE_URL must be a postgres:// URL (the service role, not the administrator)' })
  DATABASE_URL!: string;

  @Matches(/^(nats|tls|ws|wss):\/\//, { message: 'NATS_URL must be a nats:// URL' })
  NATS_URL!: string;

  @IsOptional()
  @IsString()
  NATS_USER?: string;

  @IsOptional()
  @IsString()
  NATS_PASSWORD?: string;

  @IsInt({ message: 'PORT must be a whole number' })
  @Min(1)
  @Max(65535)
  PORT!: number;

  @IsOptional()
  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL: string = 'info';

  @IsOptional()
  @IsString()
  SIGAP_INSTANCE?: string;

  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(60000)
  RPC_TIMEOUT_MS: number = 5000;
}

/**
 * Reads and validates configuration at start; a missing or wrong setting stops the app
 * with a message naming it (an app that starts half-configured fails later, obscurely).
 */
export function loadConfig<T extends object>(cls: ClassConstructor<T>, env: NodeJS.ProcessEnv = process.env): T {
  const plain: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(env)) {
    if (v === undefined || v === '') continue;
    plain[k] = /^\d+$/.test(v) && /PORT|_MS$|_SIZE$|_COUNT$|_DAYS$/.test(k) ? Number(v) : v;
  }
  const cfg = plainToInstance(cls, plain, { exposeDefaultValues: true });
  const errors = validateSync(cfg as object, { skipMissingProperties: false, whitelist: false });
  if (errors.length) {
    const lines = flattenValidationErrors(errors).map((e) => `  - ${e.path}: ${e.message}`);
    throw new ConfigError(`Configuration is invalid:\n${lines.join('\n')}`);
  }
  return cfg;
}

export class ConfigError extends Error {}
