import { Injectable } from '@nestjs/common';
import { Rpc, type Actor, type ServiceStatus } from '#contracts';
import { ConsumerHost, OutboxRelay, ServiceClient } from '#messaging';
import { HealthService } from '#platform';
import { GatewayConfig } from '../../config/gateway.config.js';

export const STATUS_SERVICES = ['intake', 'verification', 'disbursement', 'logistics', 'complaints'] as const;
const STATUS_TIMEOUT_MS = 2000;

/** A service that did not answer: shown as unhealthy, without failing the whole page. */
export interface ServiceUnreachable {
  service: string;
  healthy: false;
  error: string;
}

const startedAt = Date.now();

/** The admin's home page: the gateway's own checks and each service's answer to `system.status`. */
@Injectable()
export class SystemStatusService {
  constructor(
    private readonly health: HealthService,
    private readonly services: ServiceClient,
    private readonly relay: OutboxRelay,
    private readonly consumers: ConsumerHost,
    private readonly cfg: GatewayConfig,
  ) {}

  async status(actor: Actor): Promise<{ services: (ServiceStatus | ServiceUnreachable)[] }> {
    const others = STATUS_SERVICES.map(async (service): Promise<ServiceStatus | ServiceUnreachable> => {
      try {
        return await this.services.call<ServiceStatus>(Rpc.systemStatus(service), { actor }, { timeoutMs: STATUS_TIMEOUT_MS, quiet: true });
      } catch {
        return { service, healthy: false, error: 'no answer' };
      }
    });
    return { services: [await this.own(), ...(await Promise.all(others))] };
  }

  private async own(): Promise<ServiceStatus> {
    const [{ healthy, checks }, outbox, consumers] = await Promise.all([
      this.health.run(),
      this.relay.status().catch(() => null),
      this.consumers.status(),
    ]);
    const natsChecks = Object.entries(checks).filter(([name]) => name.toLowerCase().startsWith('nats'));
    return {
      service: 'gateway',
      instance: this.cfg.SIGAP_INSTANCE ?? String(process.pid),
      healthy,
      checks: { database: checks.database?.ok ?? false, nats: natsChecks.length > 0 && natsChecks.every(([, c]) => c.ok) },
      outboxBacklog: outbox?.backlog ?? -1,
      ...(outbox ? { outbox: { refused: outbox.refused, retrying: outbox.retrying, lastError: outbox.lastError } } : {}),
      consumers,
      uptimeSeconds: Math.round((Date.now() - startedAt) / 1000),
    };
  }
}
