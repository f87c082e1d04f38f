import { LoggerModule } from 'nestjs-pino';
import type { DynamicModule } from '@nestjs/common';
import pino from 'pino';
import { maskForLog, maskUrl } from './masking.js';
import { maskNiksInText } from '#domain';

/** pino options shared by every app: JSON lines, the service's name, no full NIK anywhere. */
export function pinoOptions(service: string, level = process.env.LOG_LEVEL ?? 'info'): pino.LoggerOptions {
  return {
    level,
    base: { service, instance: process.env.SIGAP_INSTANCE ?? String(process.pid) },
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: {
      level: (label) => ({ level: label }),
      log: (obj) => maskForLog(obj) as Record<string, unknown>,
    },
    hooks: {
      // the message string is not passed through `formatters.log`: mask it here
      logMethod(args, method) {
        const masked = args.map((a) => (typeof a === 'string' ? maskNiksInText(a) : a)) as Parameters<typeof method>;
        return method.apply(this, masked);
      },
    },
  };
}

/** A standalone logger for code outside Nest's container (bootstrap, scripts). */
export function createLogger(service: string): pino.Logger {
  return pino(pinoOptions(service));
}

export function loggerModule(service: string): DynamicModule {
  return LoggerModule.forRoot({
    pinoHttp: {
      ...pinoOptions(service),
      autoLogging: { ignore: (req) => req.url === '/health' || req.url === '/metrics' },
      serializers: {
        // a URL may still carry a NIK or a name searched for: see maskUrl
        req: (req: { method: string; url: string; id: unknown }) => ({ id: req.id, method: req.method, url: maskUrl(req.url) }),
        res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
      },
    },
  });
}
