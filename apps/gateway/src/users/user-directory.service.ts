import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import type { Actor } from '#contracts';
import { canChange } from '#domain';
import { DomainError, isUuid } from '#platform';
import { UserEntity } from './user.entity.js';

const TTL_MS = 3000;

/**
 * Looks up the account behind a token on every request. A short cache keeps the database
 * out of the hot path; a change made through this process forgets the entry at once, and a
 * change made through another replica takes effect within TTL_MS.
 */
@Injectable()
export class UserDirectory {
  private readonly cache = new Map<string, { user: UserEntity | null; at: number }>();

  constructor(@InjectRepository(UserEntity) private readonly repo: Repository<UserEntity>) {}

  /**
   * The enabled account with this id, or null. `passwordVersion` (a token's `pwv`) newer than
   * the cached account's means the password changed through another replica since: read again,
   * or the new token would be refused here until the cache expires.
   */
  async findActive(id: string, passwordVersion?: number): Promise<UserEntity | null> {
    if (!isUuid(id)) return null;
    const hit = this.cache.get(id);
    const stale = passwordVersion !== undefined && hit?.user && hit.user.passwordChangedAt.getTime() < passwordVersion;
    if (hit && !stale && Date.now() - hit.at < TTL_MS) return hit.user;
    const user = await this.repo.findOneBy({ id });
    const active = user && !user.disabled ? user : null;
    if (this.cache.size > 10000) this.cache.clear();
    this.cache.set(id, { user: active, at: Date.now() });
    return active;
  }

  /**
   * The account `username` names when it is an active verifier of an agency the actor may change
   * (field officers are the gateway's accounts); otherwise a 400 on `field` naming the rule. Read
   * from the database, not the cache: an assignment must not go to an account just disabled.
   */
  async activeVerifierFor(actor: Actor, username: string, field = 'assignee'): Promise<UserEntity> {
    const user = await this.repo.findOneBy({ username: username.toLowerCase() });
    if (!user || user.disabled || !user.roles.includes('VERIFIER') || !canChange(actor, user.agencyCode)) {
      throw DomainError.validation([{ path: field, message: `${username} is not an active verifier of your agency` }]);
    }
    return user;
  }

  /** The active verifiers of an agency, by name: whom its head can give a field task (issue 11). */
  async activeVerifiersOf(agencyCode: string): Promise<Array<{ username: string; displayName: string }>> {
    const users = await this.repo
      .createQueryBuilder('u')
      .where('u.agencyCode = :agencyCode AND u.disabled = false AND :role = ANY(u.roles)', { agencyCode, role: 'VERIFIER' })
      .orderBy('u.displayName')
      .addOrderBy('u.username')
      .limit(500)
      .getMany();
    return users.map((u) => ({ username: u.username, displayName: u.displayName }));
  }

  forget(id: string): void {
    this.cache.delete(id);
  }
}
