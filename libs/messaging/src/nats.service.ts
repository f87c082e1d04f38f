import { Injectable, Logger, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { connect, type NatsConnection } from '@nats-io/transport-node';
import { jetstream, jetstreamManager, type JetStreamClient, type JetStreamManager } from '@nats-io/jetstream';
import { HealthService } from '#platform';
import { JetStreamPublisher } from './jetstream-publisher.js';
import { DEFAULT_MAX_PAYLOAD } from './event-size.js';

export interface NatsSettings {
  url: string;
  user?: string;
  password?: string;
  name: string;
  /**
   * Outside systems may subscribe `_INBOX.>` (CONTRACT.md): replies and pulled messages sent
   * to a service's inbox under the default prefix would be readable by them.
   */
  inboxPrefix: string;
}

/** The private inbox prefix of a service: `_INBOX_<service>`, which only it may subscribe. */
export function inboxPrefixOf(service: string): string {
  return `_INBOX_${service}`;
}

export function natsSettingsFromEnv(service: string, env: NodeJS.ProcessEnv = process.env): NatsSettings {
  return {
    url: env.NATS_URL ?? 'nats://127.0.0.1:4222',
    user: env.NATS_USER,
    password: env.NATS_PASSWORD,
    name: `sigap-${service}`,
    inboxPrefix: inboxPrefixOf(service),
  };
}

/** Opens a NATS connection that reconnects forever (a NATS restart must not kill the app). */
export async function connectNats(s: NatsSettings): Promise<NatsConnection> {
  return connect({
    servers: s.url,
    user: s.user,
    pass: s.password,
    name: s.name,
    inboxPrefix: s.inboxPrefix,
    maxReconnectAttempts: -1,
    reconnectTimeWait: 500,
    waitOnFirstConnect: true,
  });
}

/** The service's one JetStream connection; only libs/messaging touches it. */
@Injectable()
export class NatsService implements OnModuleInit, OnApplicationShutdown {
  private readonly log = new Logger('nats');
  private connection?: NatsConnection;
  private jsClient?: JetStreamClient;
  private manager?: JetStreamManager;
  private lean?: JetStreamPublisher;

  constructor(
    private readonly settings: NatsSettings,
    private readonly health: HealthService,
  ) {}

  async onModuleInit(): Promise<void> {
    this.connection = await connectNats(this.settings);
    this.jsClient = jetstream(this.connection);
    this.manager = await jetstreamManager(this.connection, { checkAPI: false });
    this.lean = new JetStreamPublisher(this.connection, this.settings.inboxPrefix);
    void (async () => {
      for await (const s of this.connection!.status()) {
        if (s.type === 'disconnect' || s.type === 'reconnect') this.log.warn(`NATS ${s.type}`);
      }
    })();
    this.health.register('nats', async () => {
      if (!this.connection || this.connection.isClosed()) throw new Error('NATS connection closed');
      await this.connection.flush();
    });
  }

  get nc(): NatsConnection {
    if (!this.connection) throw new Error('NATS is not connected yet');
    return this.connection;
  }

  get js(): JetStreamClient {
    if (!this.jsClient) throw new Error('NATS is not connected yet');
    return this.jsClient;
  }

  /** publishing with acknowledgement, for the outbox relay */
  get publisher(): JetStreamPublisher {
    if (!this.lean) throw new Error('NATS is not connected yet');
    return this.lean;
  }

  /** The server's `max_payload`: the largest message (body and headers) it accepts. */
  get maxPayload(): number {
    return this.connection?.info?.max_payload ?? DEFAULT_MAX_PAYLOAD;
  }

  get jsm(): JetStreamManager {
    if (!this.manager) throw new Error('NATS is not connected yet');
    return this.manager;
  }

  async onApplicationShutdown(): Promise<void> {
    this.lean?.close();
    await this.connection?.drain().catch(() => this.connection?.close());
  }
}
