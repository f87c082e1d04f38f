import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Actor } from '#contracts';
import { DomainError, requireCanChange } from '#platform';
import { AuditService } from '../../audit/audit.service.js';
import { LoginThrottle } from '../../auth/login/login-throttle.service.js';
import { PasswordHasher } from '../password-hasher.js';
import { passwordProblems } from '../password-policy.js';
import { notFound, requireOperatorForOperator } from '../update-user/update-user.service.js';
import { UserDirectory } from '../user-directory.service.js';
import { UserEntity } from '../user.entity.js';
import { Clock } from '../../config/clock.js';

/**
 * An admin sets a temporary password: the user's tokens stop working, their login lock is
 * lifted, and they must change the password at the next login.
 */
@Injectable()
export class ResetPasswordService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly hasher: PasswordHasher,
    private readonly audit: AuditService,
    private readonly directory: UserDirectory,
    private readonly throttle: LoginThrottle,
    private readonly clock: Clock,
  ) {}

  async reset(actor: Actor, id: string, password: string, ip: string): Promise<void> {
    const existing = await this.ds.getRepository(UserEntity).findOneBy({ id });
    if (!existing) throw notFound(id);
    requireCanChange(actor, existing.agencyCode, 'this account');
    requireOperatorForOperator(actor, existing);
    const problems = passwordProblems(password, existing.username);
    if (problems.length) throw DomainError.validation(problems);
    const passwordHash = await this.hasher.hash(password);
    await this.ds.transaction(async (m) => {
      await m.update(UserEntity, { id }, { passwordHash, mustChangePassword: true, passwordChangedAt: this.clock.now() });
      await this.audit.record(
        {
          actor,
          action: 'PASSWORD_RESET',
          targetType: 'USER',
          targetId: id,
          targetLabel: existing.username,
          agencyCode: existing.agencyCode,
          ip,
        },
        m,
      );
    });
    await this.throttle.clear(LoginThrottle.userKey(existing.username));
    this.directory.forget(id);
  }
}
