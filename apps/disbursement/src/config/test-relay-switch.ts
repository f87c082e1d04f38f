import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { OutboxRelay } from '#messaging';
import { disbursementConfig } from './disbursement.config.js';

/**
 * Tests only (SIGAP_TEST_OUTBOX_RELAY=off, refused outside a test database): stops the outbox
 * relay at start, so that what commits stays unpublished, as in a process killed between its
 * commit and its publish. The next start with the relay on publishes it.
 */
@Injectable()
export class TestRelaySwitch implements OnApplicationBootstrap {
  constructor(private readonly relay: OutboxRelay) {}

  async onApplicationBootstrap(): Promise<void> {
    if (disbursementConfig().SIGAP_TEST_OUTBOX_RELAY !== 'off') return;
    await this.relay.onApplicationShutdown();
    new Logger('disbursement').warn('the outbox relay is off (SIGAP_TEST_OUTBOX_RELAY=off): nothing is published');
  }
}
