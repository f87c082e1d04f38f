import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Brackets, type EntityManager, type QueryDeepPartialEntity, Repository } from 'typeorm';
import type { Actor } from '#contracts';
import { AGENCIES, agencyCovers } from '#domain';
import { AuditEntryEntity } from './audit-entry.entity.js';

export type AuditAction =
  | 'USER_CREATED' | 'USER_UPDATED' | 'USER_DISABLED' | 'USER_ENABLED' | 'PASSWORD_RESET' | 'PASSWORD_CHANGED'
  | 'LOGIN_SUCCEEDED' | 'LOGIN_FAILED' | 'LOGIN_LOCKED_OUT' | 'LOGIN_REFUSED_LOCKED'
  | 'REJECTED_MESSAGE_REPLAYED' | 'REJECTED_PAYLOADS_PURGED';

export interface AuditRecord {
  actor: Pick<Actor, 'userId' | 'username'> | null;
  action: AuditAction;
  targetType: 'USER' | 'REJECTED_MESSAGE';
  targetId?: string | null;
  targetLabel?: string | null;
  agencyCode?: string | null;
  before?: Record<string, unknown> | null;
  after?: Record<string, unknown> | null;
  ip?: string | null;
}

export interface AuditView {
  id: number;
  at: string;
  actor: { id: string | null; username: string | null };
  action: string;
  target: { type: string; id: string | null; label: string | null };
  agencyCode: string | null;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  ip: string | null;
}

/** The audit trail of accounts and logins: written in the same transaction as the change it records. */
@Injectable()
export class AuditService {
  constructor(@InjectRepository(AuditEntryEntity) private readonly repo: Repository<AuditEntryEntity>) {}

  async record(entry: AuditRecord, manager?: EntityManager): Promise<void> {
    const m = manager ?? this.repo.manager;
    const row: QueryDeepPartialEntity<AuditEntryEntity> = {
      actorId: entry.actor?.userId ?? null,
      actorUsername: entry.actor?.username ?? null,
      action: entry.action,
      targetType: entry.targetType,
      targetId: entry.targetId ?? null,
      targetLabel: entry.targetLabel ?? null,
      agencyCode: entry.agencyCode ?? null,
      before: entry.before ?? null,
      after: entry.after ?? null,
      ip: entry.ip ?? null,
    } as QueryDeepPartialEntity<AuditEntryEntity>;
    await m.insert(AuditEntryEntity, row);
  }

  /**
   * Entries about the agencies the viewer covers, newest first. Entries with no agency (a
   * failed login of an unknown username) are shown to every admin.
   */
  async list(viewer: Actor, q: { target?: string; actor?: string; action?: string; limit: number; offset: number }): Promise<{ items: AuditView[]; total: number }> {
    const covered = AGENCIES.filter((a) => agencyCovers(viewer.agencyCode, a.code)).map((a) => a.code);
    const qb = this.repo.createQueryBuilder('a')
      .where(new Brackets((w) => w.where('a.agencyCode IN (:...covered)', { covered }).orWhere('a.agencyCode IS NULL')));
    if (q.target) qb.andWhere(new Brackets((w) => w.where('a.targetId = :t', { t: q.target }).orWhere('a.targetLabel = :t', { t: q.target })));
    if (q.actor) qb.andWhere(new Brackets((w) => w.where('a.actorUsername = :u', { u: q.actor }).orWhere('a.actorId::text = :u', { u: q.actor })));
    if (q.action) qb.andWhere('a.action = :action', { action: q.action });
    const [rows, total] = await qb.orderBy('a.at', 'DESC').addOrderBy('a.id', 'DESC').take(q.limit).skip(q.offset).getManyAndCount();
    return {
      total,
      items: rows.map((r) => ({
        id: Number(r.id),
        at: r.at.toISOString(),
        actor: { id: r.actorId, username: r.actorUsername },
        action: r.action,
        target: { type: r.targetType, id: r.targetId, label: r.targetLabel },
        agencyCode: r.agencyCode,
        before: r.before,
        after: r.after,
        ip: r.ip,
      })),
    };
  }
}
