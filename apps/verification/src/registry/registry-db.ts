import { Injectable, type OnApplicationShutdown } from '@nestjs/common';
import pg from 'pg';

/**
 * Plain pg connections of the service's own role, beside TypeORM's pool: COPY streams
 * (pg-copy-streams) and session advisory locks need a connection held for a whole import.
 */
@Injectable()
export class RegistryDb implements OnApplicationShutdown {
  readonly pool = new pg.Pool({
    connectionString: process.env.DATABASE_URL,
    max: 4,
    application_name: 'sigap-verification-registry',
    options: '-c search_path=verification',
  });

  async onApplicationShutdown(): Promise<void> {
    await this.pool.end();
  }
}
