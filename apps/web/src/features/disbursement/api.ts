// Disbursement through the gateway (apps/gateway/src/disbursement/disbursement.controller.ts):
// budget lines (pagu) and their revisions, the pool of verified applications, proposals
// (usulan), decrees (SK), requests to the finance office and their settlements, and a failed
// recipient's correction or giving up, the distribution schedule and the handovers (BAST).
// Money is whole Rupiah as a decimal string, never a number.
import type {
  BudgetLineRevisionView,
  BudgetLineView,
  DecreeView,
  HandoverListView,
  HandoverView,
  PoolItemView,
  ProposalStatus,
  ProposalView,
  RecordHandoverRequest,
  ScheduleEntryDto,
  ScheduleView,
  StandardView,
} from '@contracts';
import { api, asPage, seg } from '../../shared/api/client';

/** `GET /disbursement/budget-lines/{id}`: the line with every revision (apps/disbursement budget-lines.message.controller.ts). */
export type BudgetLineWithHistory = BudgetLineView & { revisions: BudgetLineRevisionView[] };

/**
 * `GET /disbursement/requests/{id}` (apps/disbursement/src/requests/requests.service.ts `view`;
 * not in libs/contracts yet): the request's lines per status and each settlement received.
 */
export interface DisbursementRequestView {
  requestId: string;
  decreeId: string;
  agencyCode: string;
  total: string;
  count: number;
  parts: number;
  status: string;
  createdBy: string;
  createdAt: string;
  lines: Record<'REQUESTED' | 'PAID' | 'REJECTED', { count: number; amount: string }>;
  settlements: Array<{
    eventId: string;
    system: string;
    status: string;
    sp2dNumber: string | null;
    reason: string | null;
    linesSettled: number;
    linesUnchanged: number;
    receivedAt: string;
  }>;
}

/** What `POST /disbursement/decrees/{id}/requests` answers (the gateway's controller). */
export interface DisbursementRequested {
  requestId: string;
  total: string;
  count: number;
  parts: number;
  decreeNumber: string;
  agencyCode: string;
}

export interface OpenLineBody {
  agencyCode: string;
  fiscalYear: number;
  source: string;
  serviceCode: string;
  name: string;
  ceiling: string;
  note?: string | null;
}

export const disbursementApi = {
  lines: (q: { fiscalYear?: number; agencyCode?: string; serviceCode?: string }, signal?: AbortSignal) =>
    api.get<unknown>('/disbursement/budget-lines', q, signal).then((d) => asPage<BudgetLineView>(d).items),
  line: (id: string, signal?: AbortSignal) => api.get<BudgetLineWithHistory>(seg`/disbursement/budget-lines/${id}`, undefined, signal),
  openLine: (body: OpenLineBody) => api.post<BudgetLineView>('/disbursement/budget-lines', body),
  reviseLine: (id: string, body: { ceiling: string; name?: string; reason: string; version: number }) =>
    api.put<BudgetLineView>(seg`/disbursement/budget-lines/${id}`, body),

  pool: (
    q: { serviceCode?: string; status?: 'ELIGIBLE' | 'PROPOSED' | 'DECREED'; agencyCode?: string; limit: number; offset: number },
    signal?: AbortSignal,
  ) => api.get<unknown>('/disbursement/pool', q, signal).then((d) => asPage<PoolItemView>(d)),

  proposals: (q: { status?: ProposalStatus; agencyCode?: string; limit: number; offset: number }, signal?: AbortSignal) =>
    api.get<unknown>('/disbursement/proposals', q, signal).then((d) => asPage<ProposalView>(d)),
  proposal: (id: string, signal?: AbortSignal) => api.get<ProposalView>(seg`/disbursement/proposals/${id}`, undefined, signal),
  createProposal: (body: { agencyCode: string; budgetLineId: string; applicationIds: string[]; note?: string | null }) =>
    api.post<ProposalView>('/disbursement/proposals', body),
  submit: (id: string) => api.post<ProposalView>(seg`/disbursement/proposals/${id}/submit`),
  approve: (id: string) => api.post<ProposalView>(seg`/disbursement/proposals/${id}/approve`),
  returnProposal: (id: string, reason: string) => api.post<ProposalView>(seg`/disbursement/proposals/${id}/return`, { reason }),
  issueDecree: (proposalId: string, body: { decreeNumber: string; decreeDate: string; signatory: string }) =>
    api.post<DecreeView>(seg`/disbursement/proposals/${proposalId}/decree`, body),

  decrees: (q: { agencyCode?: string; limit: number; offset: number }, signal?: AbortSignal) =>
    api.get<unknown>('/disbursement/decrees', q, signal).then((d) => asPage<DecreeView>(d)),
  decree: (id: string, signal?: AbortSignal) => api.get<DecreeView>(seg`/disbursement/decrees/${id}`, undefined, signal),
  recordScan: (id: string, scanRef: string) => api.put<DecreeView>(seg`/disbursement/decrees/${id}/scan`, { scanRef }),
  request: (decreeId: string) => api.post<DisbursementRequested>(seg`/disbursement/decrees/${decreeId}/requests`),
  requestView: (requestId: string, signal?: AbortSignal) =>
    api.get<DisbursementRequestView>(seg`/disbursement/requests/${requestId}`, undefined, signal),
  correct: (decreeId: string, applicationId: string, body: { bankAccount: string; bankName?: string | null; reason: string }) =>
    api.post<{ applicationId: string; bankAccount: string }>(
      seg`/disbursement/decrees/${decreeId}/recipients/${applicationId}/correction`,
      body,
    ),
  giveUp: (decreeId: string, applicationId: string, body: { reason: string; publicReason: string }) =>
    api.post<{ applicationId: string; status: string; amount: string }>(
      seg`/disbursement/decrees/${decreeId}/recipients/${applicationId}/give-up`,
      body,
    ),

  /** the distribution schedule (jadwal penyaluran) per village, apps/gateway/src/disbursement/schedule */
  schedule: (decreeId: string, signal?: AbortSignal) =>
    api.get<ScheduleView>(seg`/disbursement/decrees/${decreeId}/schedule`, undefined, signal),
  /** replaces the whole schedule; `version` is the one seen (409 DISBURSEMENT_SCHEDULE_CHANGED when it moved on) */
  replaceSchedule: (decreeId: string, body: { version: number; entries: ScheduleEntryDto[]; reason?: string | null }) =>
    api.put<ScheduleView>(seg`/disbursement/decrees/${decreeId}/schedule`, body),
  /** the BAST list and how many paid recipients await one, apps/gateway/src/disbursement/handover */
  handovers: (decreeId: string, signal?: AbortSignal) =>
    api.get<HandoverListView>(seg`/disbursement/decrees/${decreeId}/handovers`, undefined, signal),
  recordHandover: (decreeId: string, applicationId: string, body: RecordHandoverRequest) =>
    api.post<HandoverView>(seg`/disbursement/decrees/${decreeId}/recipients/${applicationId}/handover`, body),

  /** a standard's current version (its name, target groups and benefit amount); null when intake cannot say */
  standard: (agencyCode: string, code: string, signal?: AbortSignal) =>
    api.get<StandardView>(seg`/services/${agencyCode}/${code}`, undefined, signal).catch((e: unknown) => {
      if ((e as { name?: string }).name === 'AbortError') throw e;
      return null;
    }),
};
