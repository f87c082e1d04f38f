import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Brackets, type EntityManager, type QueryDeepPartialEntity, Repository } from 'typeorm';
import type { Actor } from '#contracts';
import { maskNiksInText, visibleAgencies } from '#domain';
import { AuditEntryEntity } from './audit-entry.entity.js';

export type AuditAction =
  | 'USER_CREATED'
  | 'USER_UPDATED'
  | 'USER_DISABLED'
  | 'USER_ENABLED'
  | 'PASSWORD_RESET'
  | 'PASSWORD_CHANGED'
  | 'LOGIN_SUCCEEDED'
  | 'LOGIN_FAILED'
  | 'LOGIN_LOCKED_OUT'
  | 'LOGIN_REFUSED_LOCKED'
  | 'REJECTED_MESSAGE_REPLAYED'
  | 'REJECTED_PAYLOADS_PURGED'
  /** the operator opened an agency's first administrator: kept in the operator's agency's trail (USER_CREATED is in the new agency's) */
  | 'AGENCY_ADMIN_OPENED'
  // reads of personal data in the registry (UU PDP 27/2022): who looked up which NIK or KK, who read which diff page
  | 'REGISTRY_PERSON_LOOKED_UP'
  | 'REGISTRY_HOUSEHOLD_LOOKED_UP'
  | 'REGISTRY_DIFF_VIEWED'
  | 'REGISTRY_IMPORT_CONFIRMED'
  | 'REGISTRY_IMPORT_DISCARDED'
  | 'REGISTRY_SETTINGS_UPDATED'
  // what staff do to applications, calendars, cases and their agency, relayed by the gateway (issue 11)
  | 'APPLICATION_FILED'
  | 'APPLICATION_STATUS_CHANGED'
  | 'APPLICATION_COMPLETED'
  | 'CALENDAR_DAY_ADDED'
  | 'CALENDAR_DAY_REMOVED'
  | 'CASE_ASSESSED'
  | 'CASE_DECIDED'
  | 'FIELD_TASK_ASSIGNED'
  | 'FIELD_VISIT_RECORDED'
  | 'FIELD_ATTACHMENT_ADDED'
  | 'FIELD_ATTACHMENT_OPENED'
  | 'AGENCY_CONTACT_UPDATED'
  // disbursement: every act on public money, by whom
  | 'BUDGET_LINE_OPENED'
  | 'BUDGET_LINE_REVISED'
  | 'PROPOSAL_CREATED'
  | 'PROPOSAL_SUBMITTED'
  | 'PROPOSAL_APPROVED'
  | 'PROPOSAL_RETURNED'
  | 'DECREE_ISSUED'
  | 'DECREE_SCAN_RECORDED'
  | 'DISBURSEMENT_REQUESTED'
  | 'RECIPIENT_CORRECTED'
  | 'RECIPIENT_GIVEN_UP'
  | 'DISTRIBUTION_SCHEDULE_UPDATED'
  | 'RECIPIENT_HANDED_OVER'
  // a decree's documents and bank files leave with full or masked NIKs; the bank's answer records accounts (issue 12)
  | 'DECREE_DOCUMENT_DOWNLOADED'
  | 'ACCOUNT_OPENING_FILE_DOWNLOADED'
  | 'PAYMENT_FILE_DOWNLOADED'
  | 'BANK_ANSWER_IMPORTED'
  // a verifier settled a rule of a case that needed review
  | 'VERIFICATION_RULE_SETTLED';

/** Every action the trail knows, for the audit page's filter. */
export const AUDIT_ACTIONS: readonly AuditAction[] = [
  'USER_CREATED',
  'USER_UPDATED',
  'USER_DISABLED',
  'USER_ENABLED',
  'PASSWORD_RESET',
  'PASSWORD_CHANGED',
  'LOGIN_SUCCEEDED',
  'LOGIN_FAILED',
  'LOGIN_LOCKED_OUT',
  'LOGIN_REFUSED_LOCKED',
  'REJECTED_MESSAGE_REPLAYED',
  'REJECTED_PAYLOADS_PURGED',
  'AGENCY_ADMIN_OPENED',
  'REGISTRY_PERSON_LOOKED_UP',
  'REGISTRY_HOUSEHOLD_LOOKED_UP',
  'REGISTRY_DIFF_VIEWED',
  'REGISTRY_IMPORT_CONFIRMED',
  'REGISTRY_IMPORT_DISCARDED',
  'REGISTRY_SETTINGS_UPDATED',
  'APPLICATION_FILED',
  'APPLICATION_STATUS_CHANGED',
  'APPLICATION_COMPLETED',
  'CALENDAR_DAY_ADDED',
  'CALENDAR_DAY_REMOVED',
  'CASE_ASSESSED',
  'CASE_DECIDED',
  'FIELD_TASK_ASSIGNED',
  'FIELD_VISIT_RECORDED',
  'FIELD_ATTACHMENT_ADDED',
  'FIELD_ATTACHMENT_OPENED',
  'AGENCY_CONTACT_UPDATED',
  'BUDGET_LINE_OPENED',
  'BUDGET_LINE_REVISED',
  'PROPOSAL_CREATED',
  'PROPOSAL_SUBMITTED',
  'PROPOSAL_APPROVED',
  'PROPOSAL_RETURNED',
  'DECREE_ISSUED',
  'DECREE_SCAN_RECORDED',
  'DISBURSEMENT_REQUESTED',
  'RECIPIENT_CORRECTED',
  'RECIPIENT_GIVEN_UP',
  'DISTRIBUTION_SCHEDULE_UPDATED',
  'RECIPIENT_HANDED_OVER',
  'DECREE_DOCUMENT_DOWNLOADED',
  'ACCOUNT_OPENING_FILE_DOWNLOADED',
  'PAYMENT_FILE_DOWNLOADED',
  'BANK_ANSWER_IMPORTED',
  'VERIFICATION_RULE_SETTLED',
];

export interface AuditRecord {
  actor: Pick<Actor, 'userId' | 'username'> | null;
  action: AuditAction;
  targetType:
    | 'USER'
    | 'REJECTED_MESSAGE'
    | 'REGISTRY_PERSON'
    | 'REGISTRY_HOUSEHOLD'
    | 'REGISTRY_SNAPSHOT'
    | 'REGISTRY_IMPORT'
    | 'REGISTRY_SETTINGS'
    | 'APPLICATION'
    | 'CALENDAR_DAY'
    | 'VERIFICATION_CASE'
    | 'FIELD_TASK'
    | 'AGENCY'
    | 'BUDGET_LINE'
    | 'PROPOSAL'
    | 'DECREE'
    | 'DISBURSEMENT_REQUEST';
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

/**
 * The audit trail of accounts, logins and reads of registry data: a change is written in the same
 * transaction as the change it records, a read before its answer leaves. A NIK or KK number is
 * never stored whole (the last 4 digits show), and the list masks any that an entry carries.
 */
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
  async list(
    viewer: Actor,
    q: { target?: string; actor?: string; action?: string; agencyCode?: string; from?: string; to?: string; limit: number; offset: number },
  ): Promise<{ items: AuditView[]; total: number }> {
    const covered = visibleAgencies(viewer);
    const qb = this.repo
      .createQueryBuilder('a')
      .where(new Brackets((w) => w.where('a.agencyCode IN (:...covered)', { covered }).orWhere('a.agencyCode IS NULL')));
    if (q.target)
      qb.andWhere(new Brackets((w) => w.where('a.targetId = :t', { t: q.target }).orWhere('a.targetLabel = :t', { t: q.target })));
    if (q.actor)
      qb.andWhere(
        new Brackets((w) => w.where('a.actorUsername = :u', { u: q.actor }).orWhere('CAST(a.actorId AS text) = :u', { u: q.actor })),
      );
    if (q.action) qb.andWhere('a.action = :action', { action: q.action });
    // an agency outside the viewer's cover simply finds nothing: the cover above still applies
    if (q.agencyCode) qb.andWhere('a.agencyCode = :agency', { agency: q.agencyCode });
    // dates are the day in Indonesia's western zone (WIB), where the agencies of a first installation are:
    // the day's midnight as a local time (timestamp without zone) read in WIB. A `date` AT TIME ZONE
    // would first take midnight in the session's zone and convert it the other way, 14 hours off.
    if (q.from) qb.andWhere(`a.at >= (CAST(:from AS date)::timestamp AT TIME ZONE 'Asia/Jakarta')`, { from: q.from });
    if (q.to) qb.andWhere(`a.at < ((CAST(:to AS date) + 1)::timestamp AT TIME ZONE 'Asia/Jakarta')`, { to: q.to });
    const [rows, total] = await qb.orderBy('a.at', 'DESC').addOrderBy('a.id', 'DESC').take(q.limit).skip(q.offset).getManyAndCount();
    return {
      total,
      items: rows.map((r) => ({
        id: Number(r.id),
        at: r.at.toISOString(),
        actor: { id: r.actorId, username: r.actorUsername },
        action: r.action,
        target: { type: r.targetType, id: maskText(r.targetId), label: maskText(r.targetLabel) },
        agencyCode: r.agencyCode,
        before: maskDeep(r.before) as Record<string, unknown> | null,
        after: maskDeep(r.after) as Record<string, unknown> | null,
        ip: r.ip,
      })),
    };
  }
}

function maskText(v: string | null): string | null {
  return v === null ? null : maskNiksInText(v);
}

/** Every 16-digit number (NIK, KK) in an entry's JSON shows its last 4 digits only. */
function maskDeep(v: unknown): unknown {
  if (typeof v === 'string') return maskNiksInText(v);
  if (Array.isArray(v)) return v.map(maskDeep);
  if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, maskDeep(x)]));
  return v;
}
