import { Module, type DynamicModule } from '@nestjs/common';
import { DiscoveryModule, DiscoveryService, MetadataScanner, Reflector } from '@nestjs/core';
import { DataSource } from 'typeorm';
import { SERVICES, type ServiceName } from '#contracts';
import { HealthService } from '#platform';
import { NatsService, natsSettingsFromEnv } from './nats.service.js';
import { OutboxService } from './outbox.service.js';
import { OutboxRelay } from './outbox-relay.service.js';
import { ConsumerHost } from './consumer-host.service.js';
import { systemStatusController } from './system-status.js';

export interface MessagingOptions {
  batchSize?: number;
  /** answer the admin's status request over NATS (apps with the RPC listener) */
  statusRpc?: boolean;
}

/**
 * Durable messaging for one service: its NATS connection, the outbox and its relay, the
 * `@Consume` handlers on their durable consumers. Import once in the app module, after
 * DatabaseModule. Services never touch the NATS client themselves.
 */
@Module({})
export class MessagingModule {
  static forService(name: ServiceName, opts: MessagingOptions = {}): DynamicModule {
    const schema = SERVICES[name].schema;
    const env = process.env;
    const batchSize = opts.batchSize ?? Number(env.SIGAP_BATCH_SIZE ?? 256);
    return {
      module: MessagingModule,
      global: true,
      imports: [DiscoveryModule],
      controllers: opts.statusRpc === false ? [] : [systemStatusController(name)],
      providers: [
        {
          provide: NatsService,
          useFactory: (health: HealthService) => new NatsService(natsSettingsFromEnv(name), health),
          inject: [HealthService],
        },
        {
          provide: OutboxService,
          useFactory: (nats: NatsService) => new OutboxService(schema, () => nats.maxPayload),
          inject: [NatsService],
        },
        {
          provide: OutboxRelay,
          useFactory: (ds: DataSource, nats: NatsService) =>
            new OutboxRelay(ds, nats, {
              schema,
              batchSize: 512,
              pollMs: Number(env.SIGAP_OUTBOX_POLL_MS ?? 1000),
              retentionDays: Number(env.SIGAP_OUTBOX_RETENTION_DAYS ?? 7),
            }),
          inject: [DataSource, NatsService],
        },
        {
          provide: ConsumerHost,
          useFactory: (d: DiscoveryService, s: MetadataScanner, r: Reflector, ds: DataSource, nats: NatsService, outbox: OutboxService) =>
            new ConsumerHost(d, s, r, ds, nats, outbox, { batchSize, maxBackoffMs: 30000 }),
          inject: [DiscoveryService, MetadataScanner, Reflector, DataSource, NatsService, OutboxService],
        },
      ],
      exports: [OutboxService, NatsService, OutboxRelay, ConsumerHost],
    };
  }
}
