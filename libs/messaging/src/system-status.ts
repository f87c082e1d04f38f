import { Controller, type Type } from '@nestjs/common';
import { MessagePattern } from '@nestjs/microservices';
import { Rpc, type ServiceStatus } from '#contracts';
import { HealthService } from '#platform';
import { ConsumerHost } from './consumer-host.service.js';
import { OutboxRelay } from './outbox-relay.service.js';

const started = Date.now();

/** Answers `sigap.rpc.<service>.system.status` for the admin's home page. */
export function systemStatusController(service: string): Type<unknown> {
  @Controller()
  class SystemStatusController {
    constructor(
      private readonly health: HealthService,
      private readonly relay: OutboxRelay,
      private readonly consumers: ConsumerHost,
    ) {}

    @MessagePattern(Rpc.systemStatus(service))
    async status(): Promise<ServiceStatus> {
      const [h, outbox, consumers] = await Promise.all([this.health.run(), this.relay.status().catch(() => null), this.consumers.status()]);
      return {
        service,
        instance: process.env.SIGAP_INSTANCE ?? String(process.pid),
        healthy: h.healthy,
        checks: { database: h.checks.database?.ok ?? false, nats: h.checks.nats?.ok ?? false },
        outboxBacklog: outbox?.backlog ?? -1,
        ...(outbox ? { outbox: { refused: outbox.refused, retrying: outbox.retrying, lastError: outbox.lastError } } : {}),
        consumers,
        uptimeSeconds: Math.round((Date.now() - started) / 1000),
      };
    }
  }
  return SystemStatusController;
}
