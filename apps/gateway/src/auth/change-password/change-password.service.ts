import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Actor } from '#contracts';
import { DomainError } from '#platform';
import { AuditService } from '../../audit/audit.service.js';
import { GatewayError, GatewayErrorCode } from '../../common/errors/gateway-error.js';
import { PasswordHasher } from '../../users/password-hasher.js';
import { passwordProblems } from '../../users/password-policy.js';
import { UserDirectory } from '../../users/user-directory.service.js';
import { UserEntity } from '../../users/user.entity.js';
import { Clock } from '../../config/clock.js';

/** A user changes their own password; tokens issued before stop working. */
@Injectable()
export class ChangePasswordService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly hasher: PasswordHasher,
    private readonly audit: AuditService,
    private readonly directory: UserDirectory,
    private readonly clock: Clock,
  ) {}

  async change(actor: Actor, currentPassword: string, newPassword: string, ip: string): Promise<void> {
    const user = await this.ds.getRepository(UserEntity).findOneByOrFail({ id: actor.userId });
    if (!(await this.hasher.verify(user.passwordHash, currentPassword))) {
      throw new GatewayError('VALIDATION', GatewayErrorCode.WRONG_PASSWORD, 'The current password is wrong', [
        { path: 'currentPassword', message: 'currentPassword is wrong' },
      ]);
    }
    const problems = passwordProblems(newPassword, user.username, 'newPassword');
    if (newPassword === currentPassword) problems.push({ path: 'newPassword', message: 'newPassword must differ from the current one' });
    if (problems.length) throw DomainError.validation(problems);
    const passwordHash = await this.hasher.hash(newPassword);
    await this.ds.transaction(async (m) => {
      await m.update(UserEntity, { id: user.id }, { passwordHash, mustChangePassword: false, passwordChangedAt: this.clock.now() });
      await this.audit.record(
        {
          actor,
          action: 'PASSWORD_CHANGED',
          targetType: 'USER',
          targetId: user.id,
          targetLabel: user.username,
          agencyCode: user.agencyCode,
          ip,
        },
        m,
      );
    });
    this.directory.forget(user.id);
  }
}
