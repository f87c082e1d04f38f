import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { Transport, type MicroserviceOptions } from '@nestjs/microservices';
import { Logger as PinoLogger } from 'nestjs-pino';
import type { INestApplication, Type } from '@nestjs/common';
import { createLogger } from './logging.js';
import { RpcReplyInterceptor } from './rpc-reply.interceptor.js';
import { loadConfig, ServiceConfig } from './config.js';

export interface BootstrapOptions {
  name: string;
  /** answer request-reply on `sigap.rpc.<name>.>` (queue group: replicas share the work) */
  rpc?: boolean;
  /** extra setup before listening (gateway: static files, OpenAPI) */
  configure?: (app: INestApplication) => void | Promise<void>;
}

/**
 * Starts one Sigap app: validated configuration, JSON logs, HTTP (health, metrics and, for the
 * gateway, the API), the request-reply listener, graceful shutdown. A failure to start is
 * logged with its cause and exits non-zero so the supervisor restarts the app and says why.
 */
export async function bootstrapService(module: Type<unknown>, opts: BootstrapOptions): Promise<INestApplication> {
  const log = createLogger(opts.name);
  process.on('unhandledRejection', (reason) => {
    log.fatal({ err: reason }, 'unhandled promise rejection; exiting');
    process.exit(1);
  });
  process.on('uncaughtException', (err) => {
    log.fatal({ err }, 'uncaught exception; exiting');
    process.exit(1);
  });
  try {
    const cfg = loadConfig(ServiceConfig);
    const app = await NestFactory.create(module, { bufferLogs: true });
    app.useLogger(app.get(PinoLogger));
    app.enableShutdownHooks();
    if (opts.rpc !== false) {
      // before connecting: Nest builds each RPC handler's interceptor chain when the
      // microservice is connected, so one added later would never wrap the replies
      app.useGlobalInterceptors(new RpcReplyInterceptor());
      app.connectMicroservice<MicroserviceOptions>(
        {
          transport: Transport.NATS,
          options: {
            servers: [cfg.NATS_URL],
            user: cfg.NATS_USER,
            pass: cfg.NATS_PASSWORD,
            queue: `sigap-${opts.name}`,
            name: `${opts.name}-rpc`,
            // a private inbox prefix (as libs/messaging's inboxPrefixOf): `ext` may read `_INBOX.>`
            inboxPrefix: `_INBOX_${opts.name}`,
            maxReconnectAttempts: -1,
          },
        },
        { inheritAppConfig: true },
      );
    }
    await opts.configure?.(app);
    await app.startAllMicroservices();
    await app.listen(cfg.PORT, '127.0.0.1' === process.env.BIND_HOST ? '127.0.0.1' : (process.env.BIND_HOST ?? '0.0.0.0'));
    log.info({ port: cfg.PORT }, `${opts.name} is listening`);
    return app;
  } catch (err) {
    log.fatal({ err }, `${opts.name} failed to start`);
    await new Promise((r) => setTimeout(r, 50));
    process.exit(1);
  }
}
