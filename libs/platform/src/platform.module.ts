import { Global, Module, type DynamicModule, type MiddlewareConsumer, type NestModule } from '@nestjs/common';
import { HealthController, HealthService } from './health.js';
import { HttpMetricsMiddleware, MetricsController } from './metrics.js';
import { loggerModule } from './logging.js';

export const SERVICE_NAME = Symbol('SERVICE_NAME');

/** What every app has: JSON logs, `/health`, `/metrics`, HTTP latency metrics. */
@Global()
@Module({})
export class PlatformModule implements NestModule {
  static forService(service: string): DynamicModule {
    return {
      module: PlatformModule,
      imports: [loggerModule(service)],
      controllers: [HealthController, MetricsController],
      providers: [HealthService, { provide: SERVICE_NAME, useValue: service }],
      exports: [HealthService, SERVICE_NAME],
    };
  }

  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(HttpMetricsMiddleware).forRoutes('*path');
  }
}
