import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, QueryFailedError, type EntityManager } from 'typeorm';
import type { Actor } from '#contracts';
import { canChange, isOperator } from '#domain';
import { DomainError, requireCanChange, requireRole, ScopeError, ScopeErrorCode } from '#platform';
import { AuditService } from '../../audit/audit.service.js';
import { GatewayError, GatewayErrorCode } from '../../common/errors/gateway-error.js';
import { PasswordHasher } from '../password-hasher.js';
import { passwordProblems } from '../password-policy.js';
import { auditSnapshot, toUserView, UserEntity, type UserView } from '../user.entity.js';
import type { CreateUserRequest } from './create-user.request.dto.js';
import { Clock } from '../../config/clock.js';

/**
 * An admin opens an account in their own agency. Opening another agency's first
 * administrator is an installation-level act: the operator's alone, while that agency has no
 * active administrator; from then on the agency's own admins manage its accounts.
 */
@Injectable()
export class CreateUserService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly hasher: PasswordHasher,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async create(actor: Actor, req: CreateUserRequest, ip: string): Promise<UserView> {
    const opening = !canChange(actor, req.agencyCode);
    if (opening) assertMayOpen(actor, req);
    else requireRole(actor, 'ADMIN');
    const username = req.username.toLowerCase();
    const problems = passwordProblems(req.password, username);
    if (problems.length) throw DomainError.validation(problems);
    const passwordHash = await this.hasher.hash(req.password);
    try {
      return await this.ds.transaction(async (m) => {
        if (opening) await this.assertNoAdminYet(m, req.agencyCode);
        const user = m.create(UserEntity, {
          username,
          displayName: req.displayName.trim(),
          agencyCode: req.agencyCode,
          roles: [...req.roles],
          passwordHash,
          disabled: false,
          mustChangePassword: true,
          passwordChangedAt: this.clock.now(),
        });
        await m.save(user);
        const after = opening ? { ...auditSnapshot(user), firstAdmin: true, openedBy: actor.username } : auditSnapshot(user);
        const entry = { actor, targetType: 'USER' as const, targetId: user.id, targetLabel: user.username, after, ip };
        await this.audit.record({ ...entry, action: 'USER_CREATED', agencyCode: user.agencyCode }, m);
        // the opening is in both trails: the new agency's (its admins read it) and the operator's own
        if (opening) await this.audit.record({ ...entry, action: 'AGENCY_ADMIN_OPENED', agencyCode: actor.agencyCode }, m);
        return toUserView(user);
      });
    } catch (e) {
      if (isUniqueViolation(e, 'users_username_key')) {
        throw new GatewayError('CONFLICT', GatewayErrorCode.USERNAME_TAKEN, `The username ${username} is taken`, [
          { path: 'username', message: 'username is taken' },
        ]);
      }
      throw e;
    }
  }

  /**
   * "This agency has no administrator yet", checked and acted on atomically: concurrent
   * openings of one agency wait for each other on a transaction-scoped advisory lock, so the
   * second sees the first's committed account and is refused.
   */
  private async assertNoAdminYet(m: EntityManager, agencyCode: string): Promise<void> {
    await m.query(`SELECT pg_advisory_xact_lock(hashtext('gateway.first-admin'), hashtext($1))`, [agencyCode]);
    const [admin] = await m.query(
      `SELECT "username" FROM "gateway"."users" WHERE "agency_code" = $1 AND 'ADMIN' = ANY("roles") AND NOT "disabled" LIMIT 1`,
      [agencyCode],
    );
    if (admin) {
      throw new GatewayError(
        'CONFLICT',
        GatewayErrorCode.AGENCY_HAS_ADMIN,
        `Agency ${agencyCode} already has an administrator: its admins open its accounts`,
        [{ path: 'agencyCode', message: `agency ${agencyCode} already has an administrator` }],
      );
    }
  }
}

/** Another agency's account: only its first administrator, and only by the operator. */
function assertMayOpen(actor: Actor, req: CreateUserRequest): void {
  if (!isOperator(actor)) requireCanChange(actor, req.agencyCode, 'accounts of this agency');
  if (!req.roles.includes('ADMIN')) {
    throw new ScopeError(
      ScopeErrorCode.AGENCY_OUT_OF_SCOPE,
      `The operator opens only the first administrator of agency ${req.agencyCode}; its admins open its other accounts`,
    );
  }
}

export function isUniqueViolation(e: unknown, constraint: string): boolean {
  const d = e instanceof QueryFailedError ? (e.driverError as { code?: string; constraint?: string }) : undefined;
  return d?.code === '23505' && d.constraint === constraint;
}
