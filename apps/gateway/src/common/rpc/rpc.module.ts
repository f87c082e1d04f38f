import { inboxPrefixOf } from '#messaging';
import { Global, Module } from '@nestjs/common';
import { ClientProxyFactory, Transport } from '@nestjs/microservices';
import { GatewayConfig } from '../../config/gateway.config.js';
import { RPC_CLIENT, ServiceClient } from './service-client.js';

/** The gateway's request-reply client to the services (it answers none itself). */
@Global()
@Module({
  providers: [
    {
      provide: RPC_CLIENT,
      inject: [GatewayConfig],
      useFactory: (cfg: GatewayConfig) =>
        ClientProxyFactory.create({
          transport: Transport.NATS,
          options: {
            servers: [cfg.NATS_URL],
            user: cfg.NATS_USER,
            pass: cfg.NATS_PASSWORD,
            name: 'gateway-rpc-client',
            // replies come to an inbox outside systems cannot subscribe (see inboxPrefixOf)
            inboxPrefix: inboxPrefixOf('gateway'),
            maxReconnectAttempts: -1,
          },
        }),
    },
    ServiceClient,
  ],
  exports: [ServiceClient],
})
export class RpcModule {}
