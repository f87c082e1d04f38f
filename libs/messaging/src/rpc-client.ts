import {
  Global,
  Inject,
  Injectable,
  Logger,
  Module,
  type DynamicModule,
  type OnApplicationShutdown,
  type OnModuleInit,
} from '@nestjs/common';
import { ClientProxy, ClientProxyFactory, Transport } from '@nestjs/microservices';
import { firstValueFrom, timeout } from 'rxjs';
import type { Actor, RpcErrorBody, RpcReply } from '#contracts';
import { DomainError, HealthService, metrics, type ErrorKind } from '#platform';
import { natsSettingsFromEnv } from './nats.service.js';

export const RPC_CLIENT = Symbol('RPC_CLIENT');
const RPC_TIMEOUT = Symbol('RPC_TIMEOUT');

/** What every request carries: the actor on whose behalf it is made (null: the system itself). */
export type RpcRequest = { actor: Actor | null } & Record<string, unknown>;

export interface CallOptions {
  /** default: the module's (RPC_TIMEOUT_MS, 5000) */
  timeoutMs?: number;
  /** an unreachable service is expected (status polling): log it at debug level only */
  quiet?: boolean;
}

const KIND_BY_STATUS: Record<number, ErrorKind> = {
  400: 'VALIDATION',
  401: 'UNAUTHORIZED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  409: 'CONFLICT',
  413: 'TOO_LARGE',
  422: 'UNPROCESSABLE',
  503: 'UNAVAILABLE',
};

/** A service's error body, rebuilt as a DomainError so the filter answers it unchanged (status, code, details). */
export class RemoteError extends DomainError {
  constructor(private readonly body: RpcErrorBody) {
    super(
      KIND_BY_STATUS[body.statusCode] ?? (body.statusCode >= 500 ? 'INTERNAL' : 'VALIDATION'),
      body.code ?? 'REMOTE_ERROR',
      body.message,
      body.details ?? [],
    );
  }

  override toBody(): RpcErrorBody {
    return {
      statusCode: this.body.statusCode,
      error: this.body.error,
      message: this.body.message,
      code: this.body.code,
      details: this.body.details ?? [],
    };
  }
}

function serviceOf(subject: string): string {
  return subject.split('.')[2] ?? subject;
}

/**
 * Request-reply to other services over core NATS (STYLE.md habit 9: always with a timeout).
 * Sends `{ actor, ...payload }`, unwraps the service's `RpcReply`, and turns a timeout, a
 * missing responder or a lost connection into a 503, so a caller never hangs.
 */
@Injectable()
export class ServiceClient implements OnModuleInit, OnApplicationShutdown {
  private readonly log = new Logger('rpc-client');

  constructor(
    @Inject(RPC_CLIENT) private readonly client: ClientProxy,
    @Inject(RPC_TIMEOUT) private readonly defaultTimeoutMs: number,
    private readonly health: HealthService,
  ) {}

  async onModuleInit(): Promise<void> {
    // connect now: a wrong NATS_URL or password stops the gateway at start, not at the first request
    await this.client.connect();
    this.health.register('natsRpc', async () => {
      const nc = this.client.unwrap<{ isClosed(): boolean; flush(): Promise<void> }>();
      if (nc.isClosed()) throw new Error('NATS connection closed');
      await nc.flush();
    });
  }

  async onApplicationShutdown(): Promise<void> {
    await this.client.close();
  }

  async call<T>(subject: string, payload: RpcRequest, opts: CallOptions = {}): Promise<T> {
    const timeoutMs = opts.timeoutMs ?? this.defaultTimeoutMs;
    const end = metrics.rpcDuration.startTimer({ subject });
    let reply: RpcReply<T>;
    try {
      reply = await firstValueFrom(this.client.send<RpcReply<T>>(subject, payload).pipe(timeout({ first: timeoutMs })));
    } catch (e) {
      if (!(e instanceof Error)) {
        // the service answered with Nest's own error packet: it failed outside its RpcReplyInterceptor
        end({ outcome: 'error' });
        this.log.error({ subject, err: e }, `rpc ${subject} failed in the service`);
        throw new DomainError('INTERNAL', 'REMOTE_FAILURE', `${serviceOf(subject)} failed to answer the request`);
      }
      end({ outcome: 'unavailable' });
      const why = e.name === 'TimeoutError' ? `did not answer in time (${timeoutMs} ms)` : 'is not reachable';
      this.log[opts.quiet ? 'debug' : 'warn']({ subject, reason: e.message }, `rpc ${subject} failed: ${why}`);
      throw new DomainError('UNAVAILABLE', 'SERVICE_UNAVAILABLE', `${serviceOf(subject)} ${why}`);
    }
    if (!reply || typeof reply !== 'object' || !('ok' in reply)) {
      end({ outcome: 'error' });
      throw new DomainError('INTERNAL', 'BAD_REPLY', `${serviceOf(subject)} answered in an unexpected shape`);
    }
    if (!reply.ok) {
      end({ outcome: 'error' });
      throw new RemoteError(reply.error);
    }
    end({ outcome: 'ok' });
    return reply.data;
  }
}

/**
 * A service's client for requests to others (the gateway's to every service; verification's to
 * intake for an application's dossier). It connects as the service's own NATS user, so NATS
 * permissions decide which subjects it may ask (topology `requests`), and replies come to the
 * service's private inbox (see inboxPrefixOf).
 */
@Global()
@Module({})
export class RpcClientModule {
  static forService(service: string, env: NodeJS.ProcessEnv = process.env): DynamicModule {
    const nats = natsSettingsFromEnv(service, env);
    return {
      module: RpcClientModule,
      providers: [
        {
          provide: RPC_CLIENT,
          useFactory: () =>
            ClientProxyFactory.create({
              transport: Transport.NATS,
              options: {
                servers: [nats.url],
                user: nats.user,
                pass: nats.password,
                name: `${service}-rpc-client`,
                inboxPrefix: nats.inboxPrefix,
                maxReconnectAttempts: -1,
              },
            }),
        },
        { provide: RPC_TIMEOUT, useValue: Number(env.RPC_TIMEOUT_MS ?? 5000) },
        ServiceClient,
      ],
      exports: [ServiceClient],
    };
  }
}
