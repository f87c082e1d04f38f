// The administrator's calls: staff accounts, the audit trail, and rejected messages.
import type { AgencyContactView, FieldError } from '@contracts';
import { api, asPage, seg } from '../../shared/api/client';

// The gateway's own answers (apps/gateway/src/users/user.entity.ts UserView,
// apps/gateway/src/audit/audit.service.ts AuditView, apps/gateway/src/rejected/
// rejected-message.view.ts): not in libs/contracts yet, so declared here as far as read.

export interface StaffUser {
  id: string;
  username: string;
  displayName: string;
  agencyCode: string;
  roles: string[];
  disabled?: boolean;
  mustChangePassword?: boolean;
  createdAt?: string;
  updatedAt?: string;
  lastLoginAt?: string | null;
}

export interface AuditEntry {
  id: string | number;
  at?: string;
  actor?: unknown;
  action?: unknown;
  target?: unknown;
  agencyCode?: string | null;
  ip?: string | null;
  [k: string]: unknown;
}

export interface RejectedMessage {
  id: string;
  eventId?: string | null;
  subject?: string;
  errors?: FieldError[];
  reason?: string | null;
  consumer?: string | null;
  payload?: unknown;
  rejectedAt?: string;
  replayCount?: number;
  lastReplayedAt?: string | null;
  lastReplayedBy?: string | null;
}

export interface NewUser {
  username: string;
  displayName: string;
  password: string;
  agencyCode: string;
  roles: string[];
}

export type UserChange = Partial<Pick<StaffUser, 'displayName' | 'agencyCode' | 'roles' | 'disabled'>>;

export interface Paging {
  limit: number;
  offset: number;
}

/** The audit page's filters (`GET /audit`): who, what, which agency, from and to a day (WIB). */
export interface AuditQuery extends Paging {
  actor?: string;
  action?: string;
  agencyCode?: string;
  from?: string;
  to?: string;
}

export const adminApi = {
  users: (q: Paging & { q?: string }, signal?: AbortSignal) =>
    api.get<unknown>('/users', { ...q }, signal).then((d) => asPage<StaffUser>(d)),
  createUser: (u: NewUser) => api.post<StaffUser>('/users', u),
  updateUser: (id: string, change: UserChange) => api.patch<StaffUser>(seg`/users/${id}`, change),
  resetPassword: (id: string, password: string) => api.post<void>(seg`/users/${id}/reset-password`, { password }),
  audit: (q: AuditQuery, signal?: AbortSignal) => api.get<unknown>('/audit', { ...q }, signal).then((d) => asPage<AuditEntry>(d)),
  /** the agency's contact data; null while none is set */
  agencyContact: (agencyCode: string, signal?: AbortSignal) =>
    api.get<AgencyContactView>(seg`/agencies/${agencyCode}/contact`, undefined, signal).catch((e: unknown) => {
      if ((e as { status?: number }).status === 404) return null;
      throw e;
    }),
  setAgencyContact: (agencyCode: string, body: { address: string; phone: string; email?: string; officeHours: string }) =>
    api.put<AgencyContactView>(seg`/agencies/${agencyCode}/contact`, body),
  rejected: (q: Paging, signal?: AbortSignal) =>
    api.get<unknown>('/admin/rejected', { ...q }, signal).then((d) => asPage<RejectedMessage>(d)),
  /** without `payload`, the stored message as it was */
  replay: (id: string, payload?: unknown) => api.post<void>(seg`/admin/rejected/${id}/replay`, payload === undefined ? {} : { payload }),
};
