import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { LoginThrottle } from '../auth/login/login-throttle.service.js';
import { IdempotencyStore } from './idempotency/idempotency.service.js';

const EVERY_MS = 10 * 60 * 1000;

/** Forgets expired idempotency keys and stale failed-login counters now and then. */
@Injectable()
export class HousekeepingService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly log = new Logger('housekeeping');
  private timer?: NodeJS.Timeout;

  constructor(
    private readonly idempotency: IdempotencyStore,
    private readonly throttle: LoginThrottle,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.run(), EVERY_MS);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
  }

  async run(): Promise<void> {
    try {
      await this.idempotency.prune();
      await this.throttle.prune();
    } catch (e) {
      this.log.warn({ err: e }, 'housekeeping failed');
    }
  }
}
