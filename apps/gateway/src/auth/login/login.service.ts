import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { AuditService } from '../../audit/audit.service.js';
import { GatewayError, GatewayErrorCode } from '../../common/errors/gateway-error.js';
import { GatewayConfig } from '../../config/gateway.config.js';
import { PasswordHasher } from '../../users/password-hasher.js';
import { UserEntity } from '../../users/user.entity.js';
import { TokenService } from '../token.service.js';
import { failureDelayMs, LoginThrottle } from './login-throttle.service.js';
import type { LoginResponse } from './login.request.dto.js';
import { Clock } from '../../config/clock.js';

const INVALID = 'Invalid username or password';

/**
 * Checks a username and password and issues a token. Unknown usernames and wrong passwords
 * get the same answer after the same work (a dummy hash is verified); failures are counted
 * per username and per address, answered ever more slowly, and lock both after the limit.
 */
@Injectable()
export class LoginService {
  constructor(
    @InjectRepository(UserEntity) private readonly users: Repository<UserEntity>,
    private readonly hasher: PasswordHasher,
    private readonly throttle: LoginThrottle,
    private readonly tokens: TokenService,
    private readonly audit: AuditService,
    @Inject(GatewayConfig) private readonly cfg: GatewayConfig,
    private readonly clock: Clock,
  ) {}

  async login(usernameIn: string, password: string, ip: string): Promise<LoginResponse> {
    const username = usernameIn.trim().toLowerCase();
    const userKey = LoginThrottle.userKey(username);
    const ipKey = LoginThrottle.ipKey(ip);

    const lockedUntil = await this.throttle.lockedUntil([userKey, ipKey]);
    if (lockedUntil) {
      const user = await this.users.findOneBy({ username });
      await this.audit.record({ actor: null, action: 'LOGIN_REFUSED_LOCKED', targetType: 'USER', targetId: user?.id ?? null, targetLabel: username, agencyCode: user?.agencyCode ?? null, ip });
      throw this.locked(lockedUntil);
    }

    const user = username.length <= 64 ? await this.users.findOneBy({ username }) : null;
    const ok = user ? await this.hasher.verify(user.passwordHash, password) : await this.hasher.verifyDummy(password);
    if (!user || !ok) return this.fail(user, username, ip, userKey, ipKey);

    if (user.disabled) {
      await this.audit.record({ actor: null, action: 'LOGIN_FAILED', targetType: 'USER', targetId: user.id, targetLabel: username, agencyCode: user.agencyCode, after: { reason: 'disabled' }, ip });
      throw new GatewayError('UNAUTHORIZED', GatewayErrorCode.ACCOUNT_DISABLED, 'This account is disabled: ask your administrator');
    }

    await this.throttle.clear(userKey);
    await this.users.update({ id: user.id }, { lastLoginAt: this.clock.now() });
    await this.audit.record({ actor: { userId: user.id, username: user.username }, action: 'LOGIN_SUCCEEDED', targetType: 'USER', targetId: user.id, targetLabel: username, agencyCode: user.agencyCode, ip });
    return {
      accessToken: await this.tokens.issue(user),
      expiresIn: this.tokens.ttlSeconds,
      user: sessionUser(user),
    };
  }

  private async fail(user: UserEntity | null, username: string, ip: string, userKey: string, ipKey: string): Promise<never> {
    const outcome = await this.throttle.recordFailure([
      { key: userKey, max: this.cfg.LOGIN_MAX_FAILURES_PER_USER },
      { key: ipKey, max: this.cfg.LOGIN_MAX_FAILURES_PER_IP },
    ]);
    const target = { targetType: 'USER' as const, targetId: user?.id ?? null, targetLabel: username.slice(0, 200), agencyCode: user?.agencyCode ?? null, ip };
    await this.audit.record({ actor: null, action: 'LOGIN_FAILED', ...target, after: { failures: outcome.failures } });
    if (outcome.newlyLocked.length) {
      await this.audit.record({ actor: null, action: 'LOGIN_LOCKED_OUT', ...target, after: { locked: outcome.newlyLocked.map((k) => k.split(':')[0]), minutes: this.cfg.LOGIN_LOCK_MINUTES } });
    }
    await new Promise((r) => setTimeout(r, failureDelayMs(outcome.failures, this.cfg.LOGIN_DELAY_BASE_MS)));
    throw new GatewayError('UNAUTHORIZED', GatewayErrorCode.INVALID_CREDENTIALS, INVALID);
  }

  private locked(until: Date): GatewayError {
    const seconds = Math.max(1, Math.ceil((until.getTime() - this.clock.now().getTime()) / 1000));
    const err = new GatewayError('TOO_MANY_REQUESTS', GatewayErrorCode.LOGIN_LOCKED, `Too many failed logins: try again in ${Math.ceil(seconds / 60)} minute(s)`);
    err.retryAfterSeconds = seconds;
    return err;
  }
}

export function sessionUser(u: UserEntity): LoginResponse['user'] {
  return { id: u.id, username: u.username, displayName: u.displayName, agencyCode: u.agencyCode, roles: [...u.roles], mustChangePassword: u.mustChangePassword };
}
