// The citizens' status page asks the gateway's public route, without a login.
import type { PublicStatusView, StandardView } from '@contracts';
import { request, seg } from '../../shared/api/client';

/** The ticket number's shape (`SANTUNAN_ANAK-33.04-2026-000123`), as intake checks it. */
export const TICKET = /^[A-Z][A-Z0-9_]{1,39}-[0-9A-Z.]{2,12}-\d{4}-\d{6}$/;

export const statusApi = {
  lookup: (ticket: string, signal?: AbortSignal) =>
    request<PublicStatusView>('GET', seg`/public/status/${ticket}`, { auth: false, signal }),
  /** the standard (public): its procedure says what happens next */
  standard: (agencyCode: string, code: string, signal?: AbortSignal) =>
    request<StandardView>('GET', seg`/services/${agencyCode}/${code}`, { auth: false, signal }),
};
