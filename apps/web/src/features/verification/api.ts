// Verification through the gateway: the registry (DTSEN, dahulu DTKS: imports, snapshots,
// look-ups), cases with their eligibility rules, duplicates and field tasks, and the
// eligibility settings per service.
import type {
  CaseListItem,
  CaseStatus,
  CaseView,
  EligibilityRulesView,
  EligibilitySettingsDto,
  FieldTaskView,
  RegistryHouseholdView,
  RegistryImportErrorsPage,
  RegistryImportView,
  RegistryPersonView,
  RegistrySnapshotView,
  SnapshotDiffView,
  TaskStatus,
  VerifierView,
  VisitAttachmentView,
} from '@contracts';
import { api, asPage, fetchBlob, seg } from '../../shared/api/client';
import { uploadFile } from '../../shared/api/upload';

export interface Page<T> {
  items: T[];
  total: number;
}

export interface VisitBody {
  findings: string;
  recommendation: 'ELIGIBLE' | 'NOT_ELIGIBLE';
  visitedAt: string;
  latitude?: number;
  longitude?: number;
  attachments: { ref: string; name?: string }[];
  publicReason?: string;
}

export const verificationApi = {
  // the registry
  imports: (agencyCode: string, signal?: AbortSignal) =>
    api.get<unknown>('/registry/imports', { agencyCode, limit: 50 }, signal).then((d) => asPage<RegistryImportView>(d)),
  import: (id: string, signal?: AbortSignal) => api.get<RegistryImportView>(seg`/registry/imports/${id}`, { errorsLimit: 0 }, signal),
  importErrors: (id: string, q: { limit: number; offset: number }, signal?: AbortSignal) =>
    api.get<RegistryImportErrorsPage>(seg`/registry/imports/${id}/errors`, q, signal),
  /** an import held by the drop guard: its snapshot becomes current, or it is dropped */
  confirmImport: (id: string) => api.post<unknown>(seg`/registry/imports/${id}/confirm`),
  discardImport: (id: string) => api.post<unknown>(seg`/registry/imports/${id}/discard`),
  /** multipart (agencyCode first, then the file), with the upload's progress */
  upload: (file: File, agencyCode: string, onProgress: (fraction: number) => void) =>
    uploadFile<{ importId: string; status: string }>('/registry/imports', { agencyCode }, file, onProgress),
  snapshots: (agencyCode: string, signal?: AbortSignal) =>
    api.get<unknown>('/registry/snapshots', { agencyCode, limit: 100 }, signal).then((d) => asPage<RegistrySnapshotView>(d)),
  diff: (id: string, q: { change?: string; limit: number; offset: number }, signal?: AbortSignal) =>
    api.get<SnapshotDiffView>(seg`/registry/snapshots/${id}/diff`, q, signal),
  person: (nik: string) => api.get<RegistryPersonView>(seg`/registry/persons/${nik}`),
  household: (kk: string) => api.get<RegistryHouseholdView>(seg`/registry/households/${kk}`),

  // cases and field tasks
  cases: (q: { status?: CaseStatus; limit: number; offset: number }, signal?: AbortSignal) =>
    api.get<Page<CaseListItem>>('/verification/cases', q, signal),
  /** the cases list searched: a ticket, name, desa or whole NIK travels in the body, never in the URL */
  searchCases: (q: { q?: string; status?: CaseStatus; limit: number; offset: number }, signal?: AbortSignal) =>
    api.post<Page<CaseListItem>>('/verification/cases/search', q, { signal }),
  /** the agency's active verifiers, whom a head assigns a task to */
  verifiers: (signal?: AbortSignal) =>
    api.get<{ items: VerifierView[] }>('/verification/verifiers', undefined, signal).then((d) => d.items),
  case: (id: string, signal?: AbortSignal) => api.get<CaseView>(seg`/verification/cases/${id}`, undefined, signal),
  caseOfApplication: (applicationId: string) => api.get<{ caseId: string }>(seg`/verification/applications/${applicationId}/case`),
  assess: (caseId: string) => api.post<void>(seg`/verification/cases/${caseId}/assessment`),
  /** a verifier settles a rule that needs review; the case proceeds to its decision */
  settleRule: (caseId: string, rule: string, body: { outcome: 'PASSED' | 'FAILED'; reason: string }) =>
    api.post<CaseView>(seg`/verification/cases/${caseId}/rules/${rule}/settlement`, body),
  tasks: (q: { assignee?: string; status?: TaskStatus; limit: number; offset: number }, signal?: AbortSignal) =>
    api.get<Page<FieldTaskView>>('/verification/tasks', q, signal),
  assign: (taskId: string, assignee: string) => api.post<void>(seg`/verification/tasks/${taskId}/assign`, { assignee }),
  recordVisit: (taskId: string, visit: VisitBody) => api.post<void>(seg`/verification/tasks/${taskId}/visits`, visit),
  /** A photo or document of a visit, multipart, stored in the Object Store; answered with its reference. */
  uploadVisitFile: (taskId: string, file: File, onProgress: (fraction: number) => void) =>
    uploadFile<VisitAttachmentView>(seg`/verification/tasks/${taskId}/attachments`, {}, file, onProgress),
  /** a stored photo or document, as a file (the route needs the session's token, so a plain link cannot open it) */
  attachment: (taskId: string, attachmentId: string) => fetchBlob(seg`/verification/tasks/${taskId}/attachments/${attachmentId}`),

  // eligibility settings
  rules: (signal?: AbortSignal) =>
    api.get<unknown>('/verification/rules', undefined, signal).then((d) => asPage<EligibilityRulesView>(d).items),
  ruleVersions: (serviceCode: string, signal?: AbortSignal) =>
    api
      .get<unknown>(seg`/verification/rules/${serviceCode}/versions`, undefined, signal)
      .then((d) => asPage<EligibilityRulesView>(d).items),
  updateRules: (serviceCode: string, settings: EligibilitySettingsDto) =>
    api.put<EligibilityRulesView>(seg`/verification/rules/${serviceCode}`, { settings }),
};
