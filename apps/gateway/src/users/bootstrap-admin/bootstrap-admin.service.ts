import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { OPERATOR } from '#domain';
import { AuditService } from '../../audit/audit.service.js';
import { GatewayConfig } from '../../config/gateway.config.js';
import { PasswordHasher } from '../password-hasher.js';
import { auditSnapshot, UserEntity } from '../user.entity.js';
import { Clock } from '../../config/clock.js';

/** the first administrator is also the installation's operator (migration 1765100000000 gave it to an existing one) */
const ADMIN = { username: 'admin', displayName: 'Administrator', agencyCode: '61', roles: ['ADMIN', OPERATOR] };
/** serializes replicas starting together on an empty database: one creates the admin, once */
const LOCK_KEY = 7291101;

/**
 * A fresh installation has one administrator (CONTRACT.md, "Running"): `admin` of agency 61,
 * with SIGAP_ADMIN_PASSWORD, or a generated password printed once on stdout. It is also the
 * installation's operator (OPERATOR): it opens the other agencies' first administrators.
 */
@Injectable()
export class BootstrapAdminService implements OnApplicationBootstrap {
  private readonly log = new Logger('bootstrap-admin');

  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly hasher: PasswordHasher,
    private readonly audit: AuditService,
    @Inject(GatewayConfig) private readonly cfg: GatewayConfig,
    private readonly clock: Clock,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const given = this.cfg.SIGAP_ADMIN_PASSWORD;
    const password = given ?? randomBytes(15).toString('base64url');
    const created = await this.ds.transaction(async (m) => {
      await m.query('SELECT pg_advisory_xact_lock($1)', [LOCK_KEY]);
      if ((await m.count(UserEntity)) > 0) return null;
      const user = m.create(UserEntity, {
        ...ADMIN,
        passwordHash: await this.hasher.hash(password),
        disabled: false,
        mustChangePassword: !given,
        passwordChangedAt: this.clock.now(),
      });
      await m.save(user);
      await this.audit.record(
        {
          actor: null,
          action: 'USER_CREATED',
          targetType: 'USER',
          targetId: user.id,
          targetLabel: user.username,
          agencyCode: user.agencyCode,
          after: { ...auditSnapshot(user), firstAdmin: true },
        },
        m,
      );
      return user;
    });
    if (!created) return;
    if (given) {
      this.log.log('created the first administrator "admin" with the password from SIGAP_ADMIN_PASSWORD');
    } else {
      // stdout, not the logger: the operator must see it exactly once, and it is never stored
      process.stdout.write(`Generated password for admin: ${password}\n`);
    }
  }
}
