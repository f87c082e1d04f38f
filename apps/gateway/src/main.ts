import type { INestApplication } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import compression from 'compression';
import { bootstrapService } from '#platform';
import { AppModule } from './app.module.js';
import { apiNotFoundHandler, expressErrorHandler } from './common/errors/http-exception.filter.js';
import { gatewayConfig } from './config/gateway.config.js';

/** Paths outside `/api/v1`: operators' endpoints (the dashboard's static files are served outside Nest's prefix). */
const UNPREFIXED = ['health', 'metrics'];

function configure(nest: INestApplication): void {
  const cfg = gatewayConfig();
  const app = nest as NestExpressApplication;
  // a hop count: Express takes the address that many proxies back in X-Forwarded-For
  if (cfg.TRUST_PROXY)
    app.set('trust proxy', /^\d+$/.test(cfg.TRUST_PROXY) ? Number(cfg.TRUST_PROXY) : cfg.TRUST_PROXY.split(',').map((x) => x.trim()));
  app.disable('x-powered-by');
  // brotli or gzip, as the client accepts, for everything above 1 KB: the dashboard's scripts and the
  // citizens' status page are what a phone on 3G waits for (issue 11); `compression` is expressjs's own
  app.use(compression());
  // registered before Nest's own parsers, which then skip an already parsed body; the error
  // handler right after turns malformed or oversized JSON into the contract's error body
  app.useBodyParser('json', { limit: cfg.HTTP_BODY_LIMIT });
  app.use(expressErrorHandler);
  app.use('/api', apiNotFoundHandler);
  app.setGlobalPrefix('api/v1', { exclude: UNPREFIXED });
  if (cfg.SWAGGER_ENABLED === 'true') {
    const doc = new DocumentBuilder()
      .setTitle('Sigap API')
      .setDescription(
        'The HTTP entry of Sigap (CONTRACT.md). Errors are `{ statusCode, error, message, code, details: [{ path, message }] }`; ' +
          'writes accept an `Idempotency-Key` header.',
      )
      .setVersion('v1')
      .addBearerAuth()
      .build();
    SwaggerModule.setup('api/docs', app, () => SwaggerModule.createDocument(app, doc), {
      jsonDocumentUrl: 'api/docs-json',
      yamlDocumentUrl: 'api/docs-yaml',
    });
  }
}

await bootstrapService(AppModule, { name: 'gateway', rpc: false, configure });
