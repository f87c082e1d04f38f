import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Matches, Max, MinLength, Min } from 'class-validator';
import { loadConfig, ServiceConfig } from '#platform';

/** The gateway's settings: the platform's plus identity, login protection and HTTP limits. */
export class GatewayConfig extends ServiceConfig {
  @IsString({ message: 'JWT_SECRET is required (a random string of at least 32 characters)' })
  @MinLength(32, { message: 'JWT_SECRET must be at least 32 characters long' })
  JWT_SECRET!: string;

  @Type(() => Number)
  @IsInt({ message: 'JWT_TTL_SECONDS must be a whole number' })
  @Min(60)
  @Max(7 * 24 * 3600)
  JWT_TTL_SECONDS: number = 8 * 3600;

  /** the first administrator's password; generated and printed once when unset */
  @IsOptional()
  @IsString()
  @MinLength(10, { message: 'SIGAP_ADMIN_PASSWORD must be at least 10 characters long' })
  SIGAP_ADMIN_PASSWORD?: string;

  /** failed logins of one username answered without delay; each further one doubles the delay */
  @Type(() => Number)
  @IsInt({ message: 'LOGIN_FREE_FAILURES_PER_USER must be a whole number' })
  @Min(0)
  LOGIN_FREE_FAILURES_PER_USER: number = 3;

  /** failed logins from one address answered without delay (an office behind one NAT shares it) */
  @Type(() => Number)
  @IsInt({ message: 'LOGIN_FREE_FAILURES_PER_IP must be a whole number' })
  @Min(0)
  LOGIN_FREE_FAILURES_PER_IP: number = 20;

  /** the window in which failed logins count: a username or address without a failure for this long starts again */
  @Type(() => Number)
  @IsInt({ message: 'LOGIN_FAILURE_WINDOW_MINUTES must be a whole number' })
  @Min(1)
  @Max(24 * 60)
  LOGIN_FAILURE_WINDOW_MINUTES: number = 15;

  /** the first delay of a login after the free failures, doubled with each further failure */
  @Type(() => Number)
  @IsInt({ message: 'LOGIN_DELAY_BASE_MS must be a whole number of milliseconds' })
  @Min(0)
  @Max(60_000)
  LOGIN_DELAY_BASE_MS: number = 250;

  /** the longest a login is held back: the owner of a guessed username waits at most this long, never locked out */
  @Type(() => Number)
  @IsInt({ message: 'LOGIN_DELAY_MAX_MS must be a whole number of milliseconds' })
  @Min(0)
  @Max(60_000)
  LOGIN_DELAY_MAX_MS: number = 10_000;

  /** login requests per minute and client address (@nestjs/throttler, counted in Postgres) */
  @Type(() => Number)
  @IsInt({ message: 'LOGIN_RATE_LIMIT_PER_MINUTE must be a whole number' })
  @Min(1)
  LOGIN_RATE_LIMIT_PER_MINUTE: number = 30;

  /** lookups of the public status page per minute and client address (counted in Postgres) */
  @Type(() => Number)
  @IsInt({ message: 'PUBLIC_RATE_LIMIT_PER_MINUTE must be a whole number' })
  @Min(1)
  PUBLIC_RATE_LIMIT_PER_MINUTE: number = 60;

  /**
   * Express `trust proxy`: the number of reverse proxies in front of the gateway (`1` behind one
   * ingress or load balancer; `0` or unset when clients reach it directly), so that `req.ip`, on
   * which the login delay and the rate limits count, is the client and not the proxy. A hop count
   * is what Express trusts safely: `true` would take any address a client writes into
   * X-Forwarded-For. Addresses or subnets (`loopback`, `10.0.0.0/8`) are accepted too.
   */
  @IsOptional()
  @IsString()
  @Matches(/^(?!true$)[\w.:/, -]+$/, {
    message: 'TRUST_PROXY must be a hop count (e.g. 1) or addresses/subnets (e.g. loopback, 10.0.0.0/8)',
  })
  TRUST_PROXY?: string;

  @IsOptional()
  @IsString()
  HTTP_BODY_LIMIT: string = '1mb';

  @IsOptional()
  @IsIn(['true', 'false'])
  SWAGGER_ENABLED: string = 'true';

  /**
   * days a rejected message's payload (personal data) is kept for the admin's replay; then the
   * housekeeping takes it out. The provisioner gives stream SIGAP_REJECTED_DETAIL the same max age.
   */
  @Type(() => Number)
  @IsInt({ message: 'SIGAP_REJECTED_RETENTION_DAYS must be a whole number of days' })
  @Min(1, { message: 'SIGAP_REJECTED_RETENTION_DAYS must be at least 1' })
  @Max(3650)
  SIGAP_REJECTED_RETENTION_DAYS: number = 30;

  /** how often the housekeeping runs (expired idempotency keys, login counters, rejected payloads) */
  @Type(() => Number)
  @IsInt({ message: 'HOUSEKEEPING_INTERVAL_MS must be a whole number of milliseconds' })
  @Min(500)
  @Max(24 * 3600 * 1000)
  HOUSEKEEPING_INTERVAL_MS: number = 10 * 60 * 1000;

  /** the largest registry file (DTSEN export) an upload may carry: a province's export fits */
  @Type(() => Number)
  @IsInt({ message: 'SIGAP_REGISTRY_UPLOAD_MAX_BYTES must be a whole number of bytes' })
  @Min(1024)
  SIGAP_REGISTRY_UPLOAD_MAX_BYTES: number = 2 * 1024 ** 3;

  /** the largest photo or document of a field visit (issue 11): a phone's photo fits, a video does not */
  @Type(() => Number)
  @IsInt({ message: 'SIGAP_VISIT_ATTACHMENT_MAX_BYTES must be a whole number of bytes' })
  @Min(1024)
  @Max(100 * 1024 ** 2)
  SIGAP_VISIT_ATTACHMENT_MAX_BYTES: number = 10 * 1024 ** 2;
}

/** Read once per process: the provider and main.ts share it. */
let cached: GatewayConfig | undefined;
export function gatewayConfig(): GatewayConfig {
  return (cached ??= loadConfig(GatewayConfig));
}
