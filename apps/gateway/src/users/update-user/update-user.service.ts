import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Actor } from '#contracts';
import { OPERATOR } from '#domain';
import { requireCanChange, requireOperator } from '#platform';
import { AuditService, type AuditAction } from '../../audit/audit.service.js';
import { GatewayError, GatewayErrorCode } from '../../common/errors/gateway-error.js';
import { UserDirectory } from '../user-directory.service.js';
import { auditSnapshot, toUserView, UserEntity, type UserView } from '../user.entity.js';
import type { UpdateUserRequest } from './update-user.request.dto.js';

/** An admin changes an account of an agency they cover: name, agency, roles, disabled. */
@Injectable()
export class UpdateUserService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly audit: AuditService,
    private readonly directory: UserDirectory,
  ) {}

  async update(actor: Actor, id: string, req: UpdateUserRequest, ip: string): Promise<UserView> {
    const view = await this.ds.transaction(async (m) => {
      const user = await m.findOne(UserEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!user) throw notFound(id);
      requireCanChange(actor, user.agencyCode, 'this account');
      if (req.agencyCode !== undefined) requireCanChange(actor, req.agencyCode);
      requireOperatorForOperator(actor, user);
      if (user.id === actor.userId) {
        // an admin locking themselves out leaves an agency without one
        if (req.disabled === true) throw ownAccess('An admin cannot disable their own account');
        if (req.roles && !req.roles.includes('ADMIN')) throw ownAccess('An admin cannot remove their own ADMIN role');
        if (req.agencyCode !== undefined && req.agencyCode !== user.agencyCode)
          throw ownAccess('An admin cannot move their own account to another agency');
      }
      const before = auditSnapshot(user);
      if (req.displayName !== undefined) user.displayName = req.displayName.trim();
      if (req.agencyCode !== undefined) user.agencyCode = req.agencyCode;
      // OPERATOR is not the API's to give or take: an update of the roles keeps it where it was
      if (req.roles !== undefined) user.roles = user.roles.includes(OPERATOR) ? [...req.roles, OPERATOR] : [...req.roles];
      if (req.disabled !== undefined) user.disabled = req.disabled;
      const after = auditSnapshot(user);
      if (JSON.stringify(before) === JSON.stringify(after)) return toUserView(user);
      await m.save(user);
      const action: AuditAction = before.disabled === after.disabled ? 'USER_UPDATED' : after.disabled ? 'USER_DISABLED' : 'USER_ENABLED';
      await this.audit.record(
        {
          actor,
          action,
          targetType: 'USER',
          targetId: user.id,
          targetLabel: user.username,
          agencyCode: user.agencyCode,
          before,
          after,
          ip,
        },
        m,
      );
      return toUserView(user);
    });
    this.directory.forget(id);
    return view;
  }
}

export function notFound(id: string): GatewayError {
  return new GatewayError('NOT_FOUND', GatewayErrorCode.USER_NOT_FOUND, `No user ${id}`);
}

/**
 * The operator's account is changed by the operator alone: another admin of its agency who
 * could rename, disable or reset it could take the installation-level role with it.
 */
export function requireOperatorForOperator(actor: Actor, user: UserEntity): void {
  if (user.roles.includes(OPERATOR) && user.id !== actor.userId) requireOperator(actor, "change the operator's account");
}

function ownAccess(message: string): GatewayError {
  return new GatewayError('CONFLICT', GatewayErrorCode.CANNOT_CHANGE_OWN_ACCESS, message);
}
