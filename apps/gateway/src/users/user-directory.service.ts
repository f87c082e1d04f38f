import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
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
    if (!/^[0-9a-f-]{36}$/i.test(id)) return null;
    const hit = this.cache.get(id);
    const stale = passwordVersion !== undefined && hit?.user && hit.user.passwordChangedAt.getTime() < passwordVersion;
    if (hit && !stale && Date.now() - hit.at < TTL_MS) return hit.user;
    const user = await this.repo.findOneBy({ id });
    const active = user && !user.disabled ? user : null;
    if (this.cache.size > 10000) this.cache.clear();
    this.cache.set(id, { user: active, at: Date.now() });
    return active;
  }

  forget(id: string): void {
    this.cache.delete(id);
  }
}
