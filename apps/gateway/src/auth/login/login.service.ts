import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { AuditService } from '../../audit/audit.service.js';
import { GatewayError, GatewayErrorCode } from '../../common/errors/gateway-error.js';
import { PasswordHasher } from '../../users/password-hasher.js';
import { UserEntity } from '../../users/user.entity.js';
import { TokenService } from '../token.service.js';
import { LoginThrottle } from './login-throttle.service.js';
import type { LoginResponse } from './login.request.dto.js';
import { Clock } from '../../config/clock.js';

const INVALID = 'Invalid username or password';

/**
 * Checks a username and password and issues a token. An unknown username, a wrong password
 * and a disabled account get the same answer (401 INVALID_CREDENTIALS, same body) after the
 * same work: a dummy hash is verified for an unknown name, and each counts as a failure.
 * Failures of the username and of the address set a progressive delay (LoginThrottle) that
 * every login of either waits before its password is checked, the right one's too, up to
 * LOGIN_DELAY_MAX_MS: slowed down, never locked out.
 */
@Injectable()
export class LoginService {
  constructor(
    @InjectRepository(UserEntity) private readonly users: Repository<UserEntity>,
    private readonly hasher: PasswordHasher,
    private readonly throttle: LoginThrottle,
    private readonly tokens: TokenService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async login(usernameIn: string, password: string, ip: string): Promise<LoginResponse> {
    const username = usernameIn.trim().toLowerCase();
    const userKey = LoginThrottle.userKey(username);
    const ipKey = LoginThrottle.ipKey(ip);

    const delay = await this.throttle.delayMs(userKey, ipKey);
    if (delay > 0) await new Promise((r) => setTimeout(r, delay));

    const user = username.length <= 64 ? await this.users.findOneBy({ username }) : null;
    const ok = user ? await this.hasher.verify(user.passwordHash, password) : await this.hasher.verifyDummy(password);
    // a disabled account answers exactly like a wrong password: its state is nobody's to learn here
    if (!user || !ok || user.disabled) return this.fail(user, username, ip, userKey, ipKey, user?.disabled && ok ? 'disabled' : undefined);

    await this.throttle.clear(userKey);
    await this.users.update({ id: user.id }, { lastLoginAt: this.clock.now() });
    await this.audit.record({
      actor: { userId: user.id, username: user.username },
      action: 'LOGIN_SUCCEEDED',
      targetType: 'USER',
      targetId: user.id,
      targetLabel: username,
      agencyCode: user.agencyCode,
      ip,
    });
    return {
      accessToken: await this.tokens.issue(user),
      expiresIn: this.tokens.ttlSeconds,
      user: sessionUser(user),
    };
  }

  private async fail(
    user: UserEntity | null,
    username: string,
    ip: string,
    userKey: string,
    ipKey: string,
    reason?: 'disabled',
  ): Promise<never> {
    const failures = await this.throttle.recordFailure([userKey, ipKey]);
    const target = {
      targetType: 'USER' as const,
      targetId: user?.id ?? null,
      targetLabel: username.slice(0, 200),
      agencyCode: user?.agencyCode ?? null,
      ip,
    };
    await this.audit.record({ actor: null, action: 'LOGIN_FAILED', ...target, after: reason ? { failures, reason } : { failures } });
    throw new GatewayError('UNAUTHORIZED', GatewayErrorCode.INVALID_CREDENTIALS, INVALID);
  }
}

export function sessionUser(u: UserEntity): LoginResponse['user'] {
  return {
    id: u.id,
    username: u.username,
    displayName: u.displayName,
    agencyCode: u.agencyCode,
    roles: [...u.roles],
    mustChangePassword: u.mustChangePassword,
  };
}
