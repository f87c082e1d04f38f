import type { DataSourceOptions, MixedList, EntitySchema } from 'typeorm';

export interface ServiceDataSourceConfig {
  /** the Postgres schema the service owns */
  schema: string;
  /** the service's own role URL (never the administrator's) */
  url: string;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  entities: MixedList<Function | string | EntitySchema>;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  migrations: MixedList<Function | string>;
  poolSize?: number;
  applicationName?: string;
}

/** TypeORM options of a service: its schema, its migrations table, never `synchronize`. */
export function serviceDataSourceOptions(cfg: ServiceDataSourceConfig): DataSourceOptions & { schema: string } {
  return {
    type: 'postgres',
    url: cfg.url,
    schema: cfg.schema,
    entities: cfg.entities,
    migrations: cfg.migrations,
    migrationsTableName: 'migrations',
    migrationsRun: false,
    synchronize: false,
    // TypeORM's own error log prints query parameters (NIKs among them): errors are logged by
    // the code that catches them, through the masking logger
    logging: false,
    poolSize: cfg.poolSize ?? 10,
    applicationName: cfg.applicationName ?? `sigap-${cfg.schema}`,
    extra: { options: `-c search_path=${cfg.schema}` },
  };
}
