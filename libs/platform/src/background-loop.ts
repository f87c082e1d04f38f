import type { Logger } from '@nestjs/common';

/**
 * Background work that runs one round at a time: on a timer, and when kicked. A kick while a
 * round runs asks for one more round after it (never two at once, never a kick lost). A round
 * that throws is logged and tried again on the next kick or tick. `stop()` waits for the round
 * in progress; a round checks `stopping` to end early.
 */
export class BackgroundLoop {
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;
  private again = false;
  private stopped = false;

  constructor(
    private readonly log: Logger,
    private readonly what: string,
    private readonly round: () => Promise<void>,
  ) {}

  get stopping(): boolean {
    return this.stopped;
  }

  /** Runs a round now, then every `everyMs` (without: only when kicked). */
  start(everyMs?: number): void {
    if (everyMs) this.timer = setInterval(() => void this.kick(), everyMs);
    void this.kick();
  }

  /** Starts a round, or asks for one more after the running one; resolves when that round ends. */
  kick(): Promise<void> {
    if (this.stopped) return Promise.resolve();
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = this.round()
      .catch((e: unknown) => this.log.warn(`${this.what} failed, trying again later: ${e instanceof Error ? e.message : String(e)}`))
      .finally(() => {
        this.running = undefined;
        if (this.again && !this.stopped) {
          this.again = false;
          void this.kick();
        }
      });
    return this.running;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearInterval(this.timer);
    await this.running?.catch(() => undefined);
  }
}
