import { Controller, Get, Header, Injectable, type NestMiddleware } from '@nestjs/common';
import client from 'prom-client';

/** One registry per process: every app exposes it at `/metrics` in Prometheus format. */
export const registry = new client.Registry();
client.collectDefaultMetrics({ register: registry });

export const metrics = {
  messagesHandled: new client.Counter({
    name: 'sigap_messages_handled_total',
    help: 'Messages handled successfully',
    labelNames: ['consumer'],
    registers: [registry],
  }),
  messagesFailed: new client.Counter({
    name: 'sigap_messages_failed_total',
    help: 'Message handling attempts that failed',
    labelNames: ['consumer'],
    registers: [registry],
  }),
  messagesRedelivered: new client.Counter({
    name: 'sigap_messages_redelivered_total',
    help: 'Messages received again after a failed or timed-out attempt',
    labelNames: ['consumer'],
    registers: [registry],
  }),
  messagesDuplicate: new client.Counter({
    name: 'sigap_messages_duplicate_total',
    help: 'Messages whose eventId was already processed',
    labelNames: ['consumer'],
    registers: [registry],
  }),
  messagesRejected: new client.Counter({
    name: 'sigap_messages_rejected_total',
    help: 'Messages sent to sigap.rejected',
    labelNames: ['consumer', 'reason'],
    registers: [registry],
  }),
  outboxBacklog: new client.Gauge({ name: 'sigap_outbox_backlog', help: 'Outbox events not yet published', registers: [registry] }),
  outboxRefused: new client.Counter({
    name: 'sigap_outbox_refused_total',
    help: 'Outbox events the server refused for good (too large), set aside unpublished',
    registers: [registry],
  }),
  outboxRefusedRows: new client.Gauge({
    name: 'sigap_outbox_refused',
    help: 'Outbox rows refused by the server and set aside, still kept',
    registers: [registry],
  }),
  outboxPublished: new client.Counter({
    name: 'sigap_outbox_published_total',
    help: 'Outbox events published to JetStream',
    registers: [registry],
  }),
  consumerLag: new client.Gauge({
    name: 'sigap_consumer_lag',
    help: 'Messages in the stream not yet delivered to the consumer',
    labelNames: ['consumer'],
    registers: [registry],
  }),
  consumerAckPending: new client.Gauge({
    name: 'sigap_consumer_ack_pending',
    help: 'Messages delivered but not yet acknowledged',
    labelNames: ['consumer'],
    registers: [registry],
  }),
  httpDuration: new client.Histogram({
    name: 'sigap_http_request_duration_seconds',
    help: 'HTTP request latency',
    labelNames: ['method', 'route', 'status'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [registry],
  }),
  rpcDuration: new client.Histogram({
    name: 'sigap_rpc_duration_seconds',
    help: 'Request-reply latency',
    labelNames: ['subject', 'outcome'],
    buckets: [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 5],
    registers: [registry],
  }),
};

@Controller()
export class MetricsController {
  @Get('metrics')
  @Header('Content-Type', registry.contentType)
  async metrics(): Promise<string> {
    return registry.metrics();
  }
}

type Req = { method: string; route?: { path?: string }; baseUrl?: string; path: string };
type Res = { statusCode: number; on(ev: 'finish', cb: () => void): void };

/** Records each HTTP request's latency by route pattern (never by concrete path: no NIK in labels). */
@Injectable()
export class HttpMetricsMiddleware implements NestMiddleware {
  use(req: Req, res: Res, next: () => void): void {
    const end = metrics.httpDuration.startTimer();
    res.on('finish', () => {
      const route = req.route?.path ? `${req.baseUrl ?? ''}${req.route.path}` : 'unmatched';
      end({ method: req.method, route, status: String(res.statusCode) });
    });
    next();
  }
}
