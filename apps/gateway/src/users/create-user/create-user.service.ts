import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, QueryFailedError } from 'typeorm';
import type { Actor } from '#contracts';
import { DomainError } from '#platform';
import { AuditService } from '../../audit/audit.service.js';
import { GatewayError, GatewayErrorCode } from '../../common/errors/gateway-error.js';
import { assertCovers } from '../agency-scope.js';
import { PasswordHasher } from '../password-hasher.js';
import { passwordProblems } from '../password-policy.js';
import { auditSnapshot, toUserView, UserEntity, type UserView } from '../user.entity.js';
import type { CreateUserRequest } from './create-user.request.dto.js';

/** An admin opens an account in an agency they cover. */
@Injectable()
export class CreateUserService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly hasher: PasswordHasher,
    private readonly audit: AuditService,
  ) {}

  async create(actor: Actor, req: CreateUserRequest, ip: string): Promise<UserView> {
    if (!(await this.opensNewAgency(actor, req))) assertCovers(actor, req.agencyCode);
    const username = req.username.toLowerCase();
    const problems = passwordProblems(req.password, username);
    if (problems.length) throw DomainError.validation(problems);
    const passwordHash = await this.hasher.hash(req.password);
    try {
      return await this.ds.transaction(async (m) => {
        const user = m.create(UserEntity, {
          username,
          displayName: req.displayName.trim(),
          agencyCode: req.agencyCode,
          roles: [...req.roles],
          passwordHash,
          disabled: false,
          mustChangePassword: true,
          passwordChangedAt: new Date(),
        });
        await m.save(user);
        await this.audit.record({ actor, action: 'USER_CREATED', targetType: 'USER', targetId: user.id, targetLabel: user.username, agencyCode: user.agencyCode, after: auditSnapshot(user), ip }, m);
        return toUserView(user);
      });
    } catch (e) {
      if (isUniqueViolation(e, 'users_username_key')) {
        throw new GatewayError('CONFLICT', GatewayErrorCode.USERNAME_TAKEN, `The username ${username} is taken`, [{ path: 'username', message: 'username is taken' }]);
      }
      throw e;
    }
  }

  /**
   * Onboarding: an agency outside the admin's own area is reached through its first
   * administrator, whom any admin may open while that agency has no active administrator;
   * from then on the agency manages its own accounts. Without this the installation's first
   * admin (of one agency) could never bring in the others.
   */
  private async opensNewAgency(actor: Actor, req: CreateUserRequest): Promise<boolean> {
    if (!actor.roles.includes('ADMIN') || !req.roles.includes('ADMIN')) return false;
    const rows = await this.ds.getRepository(UserEntity).find({ where: { agencyCode: req.agencyCode, disabled: false } });
    return !rows.some((u) => u.roles.includes('ADMIN'));
  }
}

export function isUniqueViolation(e: unknown, constraint: string): boolean {
  const d = e instanceof QueryFailedError ? (e.driverError as { code?: string; constraint?: string }) : undefined;
  return d?.code === '23505' && d.constraint === constraint;
}
