import { Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { DirectPool } from '#persistence';
import { VerificationConfig } from '../config/verification.config.js';

/**
 * Verification's plain pg connections for registry imports, beside TypeORM's pool: COPY streams
 * (pg-copy-streams) and session advisory locks need a connection held for a whole import.
 * #persistence's DirectPool, with the service's own settings.
 */
@Injectable()
export class RegistryDb extends DirectPool implements OnApplicationShutdown {
  constructor(config: VerificationConfig) {
    super({ url: config.DATABASE_URL, schema: 'verification', applicationName: 'sigap-verification-registry', max: 4 });
  }

  async onApplicationShutdown(): Promise<void> {
    await this.end();
  }
}
