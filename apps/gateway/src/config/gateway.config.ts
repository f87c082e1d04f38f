import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Max, MinLength, Min } from 'class-validator';
import { loadConfig, ServiceConfig } from '#platform';

/** The gateway's settings: the platform's plus identity, login protection and HTTP limits. */
export class GatewayConfig extends ServiceConfig {
  @IsString({ message: 'JWT_SECRET is required (a random string of at least 32 characters)' })
  @MinLength(32, { message: 'JWT_SECRET must be at least 32 characters long' })
  JWT_SECRET!: string;

  @Type(() => Number) @IsInt({ message: 'JWT_TTL_SECONDS must be a whole number' }) @Min(60) @Max(7 * 24 * 3600)
  JWT_TTL_SECONDS: number = 8 * 3600;

  /** the first administrator's password; generated and printed once when unset */
  @IsOptional() @IsString() @MinLength(10, { message: 'SIGAP_ADMIN_PASSWORD must be at least 10 characters long' })
  SIGAP_ADMIN_PASSWORD?: string;

  /** failed logins of one username before it is locked */
  @Type(() => Number) @IsInt() @Min(1)
  LOGIN_MAX_FAILURES_PER_USER: number = 5;

  /** failed logins from one address before it is locked (an office behind one NAT shares it) */
  @Type(() => Number) @IsInt() @Min(1)
  LOGIN_MAX_FAILURES_PER_IP: number = 50;

  /** how long a lock lasts, and the window in which failures count */
  @Type(() => Number) @IsInt() @Min(1)
  LOGIN_LOCK_MINUTES: number = 15;

  /** first delay of a failed login's answer, doubled with each further failure (capped at 4 s) */
  @Type(() => Number) @IsInt() @Min(0) @Max(4000)
  LOGIN_DELAY_BASE_MS: number = 250;

  /** login requests per minute and client address (@nestjs/throttler) */
  @Type(() => Number) @IsInt() @Min(1)
  LOGIN_RATE_LIMIT_PER_MINUTE: number = 30;

  /** Express `trust proxy` (e.g. `loopback`, `10.0.0.0/8`): set it behind a reverse proxy so req.ip is the client */
  @IsOptional() @IsString()
  TRUST_PROXY?: string;

  @IsOptional() @IsString()
  HTTP_BODY_LIMIT: string = '1mb';

  @IsOptional() @IsIn(['true', 'false'])
  SWAGGER_ENABLED: string = 'true';

  /**
   * days a rejected message's payload (personal data) is kept for the admin's replay; then the
   * housekeeping takes it out. The provisioner gives stream SIGAP_REJECTED_DETAIL the same max age.
   */
  @Type(() => Number) @IsInt({ message: 'SIGAP_REJECTED_RETENTION_DAYS must be a whole number of days' }) @Min(1, { message: 'SIGAP_REJECTED_RETENTION_DAYS must be at least 1' }) @Max(3650)
  SIGAP_REJECTED_RETENTION_DAYS: number = 30;

  /** how often the housekeeping runs (expired idempotency keys, login counters, rejected payloads) */
  @Type(() => Number) @IsInt({ message: 'HOUSEKEEPING_INTERVAL_MS must be a whole number of milliseconds' }) @Min(500) @Max(24 * 3600 * 1000)
  HOUSEKEEPING_INTERVAL_MS: number = 10 * 60 * 1000;

  /** the largest registry file (DTSEN export) an upload may carry: a province's export fits */
  @Type(() => Number) @IsInt({ message: 'SIGAP_REGISTRY_UPLOAD_MAX_BYTES must be a whole number of bytes' }) @Min(1024)
  SIGAP_REGISTRY_UPLOAD_MAX_BYTES: number = 2 * 1024 ** 3;
}

/** Read once per process: the provider and main.ts share it. */
let cached: GatewayConfig | undefined;
export function gatewayConfig(): GatewayConfig {
  return (cached ??= loadConfig(GatewayConfig));
}
