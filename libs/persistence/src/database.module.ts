import { Module, type DynamicModule, type OnModuleInit, Inject } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { HealthService } from '#platform';
import { serviceDataSourceOptions, type ServiceDataSourceConfig } from './data-source-options.js';
import { SigapDataSource } from './sigap-data-source.js';

const DB_CONFIG = Symbol('DB_CONFIG');

/**
 * The service's one DataSource: its own role and schema, migrations run at start under an
 * advisory lock (replicas may start together), never `synchronize`.
 */
@Module({})
export class DatabaseModule implements OnModuleInit {
  constructor(
    private readonly ds: DataSource,
    private readonly health: HealthService,
  ) {}

  static forService(cfg: Omit<ServiceDataSourceConfig, 'url'> & { url?: string }): DynamicModule {
    return {
      module: DatabaseModule,
      global: true,
      imports: [
        TypeOrmModule.forRootAsync({
          useFactory: () => ({
            ...serviceDataSourceOptions({ ...cfg, url: cfg.url ?? process.env.DATABASE_URL ?? '' }),
            // a database that is down at start is waited for a while; then the app exits and its supervisor says why
            retryAttempts: 10,
            retryDelay: 1000,
          }),
          dataSourceFactory: async (options) => {
            const ds = new SigapDataSource(options as never);
            await ds.initialize();
            await ds.runMigrations();
            return ds;
          },
        }),
      ],
      providers: [{ provide: DB_CONFIG, useValue: cfg }],
      exports: [TypeOrmModule],
    };
  }

  onModuleInit(): void {
    this.health.register('database', async () => {
      await this.ds.query('SELECT 1');
    });
  }
}
void Inject;
