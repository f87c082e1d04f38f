import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { LoginThrottle } from '../auth/login/login-throttle.service.js';
import { GatewayConfig } from '../config/gateway.config.js';
import { PurgeRejectedPayloadsService } from '../rejected/purge-rejected/purge-rejected-payloads.service.js';
import { IdempotencyStore } from './idempotency/idempotency.service.js';
import { RateLimitStore } from './rate-limit/rate-limit.store.js';

/**
 * Forgets expired idempotency keys, stale failed-login counters and ended rate windows now and then, and takes
 * rejected messages' payloads out after their retention period. Runs at start too: a gateway
 * restarted more often than the interval would otherwise never purge.
 */
@Injectable()
export class HousekeepingService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly log = new Logger('housekeeping');
  private timer?: NodeJS.Timeout;

  constructor(
    private readonly idempotency: IdempotencyStore,
    private readonly throttle: LoginThrottle,
    private readonly rateLimits: RateLimitStore,
    private readonly rejected: PurgeRejectedPayloadsService,
    private readonly config: GatewayConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.run(), this.config.HOUSEKEEPING_INTERVAL_MS);
    this.timer.unref();
    void this.run();
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
  }

  async run(): Promise<void> {
    try {
      await this.idempotency.prune();
      await this.throttle.prune();
      await this.rateLimits.prune();
      await this.rejected.run();
    } catch (e) {
      this.log.warn({ err: e }, 'housekeeping failed');
    }
  }
}
