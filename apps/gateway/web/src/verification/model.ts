// What verification answers through the gateway about the registry (DTSEN, formerly DTKS), as
// the dashboard reads it. The source of truth is libs/contracts/src/verification/registry.ts.
import { ApiError, API_BASE, newIdempotencyKey, sessionHooks, type ApiErrorBody } from '../api';
// the contract's class, as a type only: the dashboard edits what the API validates
import type { EligibilitySettingsDto } from '../../../../../libs/contracts/src/verification/cases.ts';

export type ImportStatus = 'QUEUED' | 'RUNNING' | 'COMPLETED' | 'FAILED';

export interface RegistryRowError {
  row: number;
  field: string;
  message: string;
}

export interface RegistryImportView {
  importId: string;
  agencyCode: string;
  fileName: string | null;
  format: 'CSV' | 'XLSX';
  status: ImportStatus;
  rowsRead: number;
  rowsAccepted: number;
  rowsRejected: number;
  snapshotId: string | null;
  failure?: string | null;
  attempts?: number;
  createdBy: string;
  /** set when a department system announced the file by event */
  sourceEventId?: string | null;
  label?: string | null;
  createdAt: string;
  startedAt?: string | null;
  finishedAt: string | null;
  errors?: RegistryRowError[];
  errorsTotal?: number;
}

export interface RegistryImportErrorsPage {
  items: RegistryRowError[];
  total: number;
  limit: number;
  offset: number;
}

export interface RegistrySnapshotView {
  snapshotId: string;
  agencyCode: string;
  source: 'IMPORT' | 'EVENT';
  importId: string | null;
  status: 'LOADING' | 'COMPLETE' | 'FAILED';
  current: boolean;
  rows: number;
  createdAt: string;
  completedAt: string | null;
  previousSnapshotId: string | null;
}

export interface RegistryPersonView {
  nik: string;
  kkNumber: string;
  name: string;
  birthDate: string;
  sex: 'M' | 'F';
  address: string;
  villageCode: string;
  decile: number | null;
  programs: string[];
  snapshot: { snapshotId: string; agencyCode: string; createdAt: string; row: number };
}

export interface RegistryHouseholdView {
  kkNumber: string;
  members: RegistryPersonView[];
}

export type DiffChange = 'ADDED' | 'REMOVED' | 'CHANGED';

export interface SnapshotDiffView {
  snapshotId: string;
  againstSnapshotId: string;
  counts: { added: number; removed: number; changed: number };
  items: Array<{ nik: string; change: DiffChange; name: string; fields: Array<{ field: string; before: unknown; after: unknown }> }>;
  total: number;
  limit: number;
  offset: number;
}

export const importRunning = (s: ImportStatus | undefined) => s === 'QUEUED' || s === 'RUNNING';

export function importStatusColor(s: ImportStatus): string {
  return s === 'COMPLETED' ? 'success' : s === 'FAILED' ? 'error' : s === 'RUNNING' ? 'processing' : 'default';
}

/**
 * `POST /api/v1/registry/imports` as multipart (agencyCode first, then the file), with the
 * upload's progress: fetch cannot report it, XMLHttpRequest can. Same token, Idempotency-Key
 * and error shape as every other call (api.ts).
 */
export function uploadRegistryFile(
  file: File,
  agencyCode: string,
  onProgress: (fraction: number) => void,
): { done: Promise<{ importId: string; status: string }>; abort: () => void } {
  const xhr = new XMLHttpRequest();
  const { getToken, onUnauthorized } = sessionHooks();
  const token = getToken();
  const done = new Promise<{ importId: string; status: string }>((resolve, reject) => {
    xhr.open('POST', `${API_BASE}/registry/imports`);
    xhr.setRequestHeader('Accept', 'application/json');
    xhr.setRequestHeader('Idempotency-Key', newIdempotencyKey());
    if (token) xhr.setRequestHeader('Authorization', `Bearer ${token}`);
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable && e.total > 0) onProgress(e.loaded / e.total);
    };
    xhr.onerror = () => reject(new ApiError(0, null));
    xhr.onabort = () => reject(new DOMException('aborted', 'AbortError'));
    xhr.onload = () => {
      let body: unknown;
      try {
        body = xhr.responseText ? JSON.parse(xhr.responseText) : undefined;
      } catch {
        body = undefined;
      }
      if (xhr.status >= 200 && xhr.status < 300) resolve(body as { importId: string; status: string });
      else {
        if (xhr.status === 401 && token) onUnauthorized();
        reject(new ApiError(xhr.status, body && typeof body === 'object' ? (body as ApiErrorBody) : null));
      }
    };
    const form = new FormData();
    form.append('agencyCode', agencyCode);
    form.append('file', file, file.name);
    xhr.send(form);
  });
  return { done, abort: () => xhr.abort() };
}

// --- Cases, duplicates and field verification (libs/contracts/src/verification/cases.ts) ---

export type RuleOutcome = 'PASSED' | 'FAILED' | 'NEEDS_REVIEW';
export type CaseStatus = 'AWAITING_ASSESSMENT' | 'IN_FIELD_VERIFICATION' | 'VERIFIED' | 'REJECTED';
export const CASE_STATUSES: CaseStatus[] = ['AWAITING_ASSESSMENT', 'IN_FIELD_VERIFICATION', 'VERIFIED', 'REJECTED'];
export type DuplicateKind = 'OPEN_CASE_SAME_SERVICE' | 'PAID_THIS_YEAR' | 'NATIONAL_PROGRAMME' | 'SAME_HOUSEHOLD';
export type FieldStage = 'TRC' | 'DINSOS' | 'KELURAHAN';
export type TaskStatus = 'WAITING' | 'OPEN' | 'DONE' | 'CANCELLED';
export const TASK_STATUSES: TaskStatus[] = ['WAITING', 'OPEN', 'DONE', 'CANCELLED'];
export type Recommendation = 'ELIGIBLE' | 'NOT_ELIGIBLE';

export interface RuleEvidence {
  source: 'REGISTRY' | 'DOCUMENT' | 'APPLICATION' | 'CASE' | 'SETTINGS';
  snapshotId?: string;
  row?: number;
  nik?: string;
  document?: string;
  field?: string;
  value?: unknown;
  caseId?: string;
  applicationId?: string;
  ticketNumber?: string | null;
}

export interface RuleResultView {
  rule: string;
  outcome: RuleOutcome;
  message: string;
  evidence: RuleEvidence[];
  checkedAt: string;
}

export interface DuplicateView {
  kind: DuplicateKind;
  other: { caseId?: string; applicationId?: string; ticketNumber?: string | null; programme?: string; snapshotId?: string; row?: number };
  message: string;
}

export interface VisitView {
  visitId: string;
  officer: string;
  visitedAt: string;
  latitude: number | null;
  longitude: number | null;
  findings: string;
  recommendation: Recommendation;
  attachments: Array<{ ref: string; name?: string }>;
  recordedAt: string;
}

export interface FieldTaskView {
  taskId: string;
  caseId: string;
  applicationId: string;
  ticketNumber: string | null;
  agencyCode: string;
  serviceCode: string;
  stage: FieldStage;
  order: number;
  status: TaskStatus;
  assignee: string | null;
  assignedBy: string | null;
  assignedAt: string | null;
  createdAt: string;
  visits: VisitView[];
}

export interface CaseView {
  caseId: string;
  applicationId: string;
  ticketNumber: string | null;
  agencyCode: string;
  serviceCode: string;
  status: CaseStatus;
  outcome: 'VERIFIED' | 'REJECTED' | null;
  reason: string | null;
  openedAt: string;
  assessedAt: string | null;
  decidedAt: string | null;
  subject: { applicant: { nik: string; name: string; kkNumber: string; villageCode: string }; beneficiary: { nik: string; name: string; birthDate: string } | null; targetGroup: string | null } | null;
  registrySnapshotIds: string[];
  rules: RuleResultView[];
  duplicates: DuplicateView[];
  tasks: FieldTaskView[];
  history: Array<{ at: string; actor: string; action: string; detail: Record<string, unknown> }>;
}

export interface CaseListItem {
  caseId: string;
  applicationId: string;
  ticketNumber: string | null;
  agencyCode: string;
  serviceCode: string;
  status: CaseStatus;
  outcome: 'VERIFIED' | 'REJECTED' | null;
  openedAt: string;
  rules: Record<RuleOutcome, number>;
  duplicates: number;
}

export const outcomeColor = (o: RuleOutcome) => (o === 'PASSED' ? 'success' : o === 'FAILED' ? 'error' : 'warning');
export const caseStatusColor = (s: CaseStatus) => (s === 'VERIFIED' ? 'success' : s === 'REJECTED' ? 'error' : s === 'IN_FIELD_VERIFICATION' ? 'processing' : 'default');
export const taskStatusColor = (s: TaskStatus) => (s === 'DONE' ? 'success' : s === 'OPEN' ? 'processing' : s === 'CANCELLED' ? 'error' : 'default');

// --- Eligibility settings per service standard (EligibilitySettingsDto, EligibilityRulesView) ---

export const FIELD_STAGES: FieldStage[] = ['TRC', 'DINSOS', 'KELURAHAN'];

/** The settings verification reads; a service's settings carry only the keys that matter to it. */
export type EligibilitySettings = EligibilitySettingsDto;
export type TargetGroupRule = NonNullable<EligibilitySettingsDto['targetGroups']>[string];

/** The keys the dashboard knows, in the order it shows them. */
export const SETTING_KEYS = [
  'registryOrSktm', 'sktmDocument', 'registryOrPmks', 'maxDecile', 'beneficiaryRequired', 'beneficiaryAgeUnder', 'targetGroupAgeUnder',
  'targetGroups', 'domicileInAgencyArea', 'residentOfAgencyArea', 'notInPrograms', 'onePerHousehold', 'fieldStages',
] as const satisfies readonly (keyof EligibilitySettings)[];
export type SettingKey = (typeof SETTING_KEYS)[number];

export const BOOLEAN_SETTINGS = ['registryOrSktm', 'registryOrPmks', 'beneficiaryRequired', 'domicileInAgencyArea', 'residentOfAgencyArea', 'onePerHousehold'] as const;

/** The national programmes (APBN/APBD social assistance) an admin usually picks from. */
export const NATIONAL_PROGRAMMES = ['PKH', 'BPNT', 'PBI-JK', 'BLT-DD'];

export interface EligibilityRulesView {
  serviceCode: string;
  /** whose settings: the agency's own, its province's, or `*` (the installation's defaults) */
  agencyCode: string;
  version: number;
  settings: EligibilitySettings;
  updatedBy: string;
  updatedAt: string;
}

/** Whose settings these are, seen from the caller's agency. */
export function rulesOwner(agencyCode: string, myAgency: string | undefined): 'OWN' | 'PROVINCE' | 'DEFAULT' {
  if (agencyCode === '*') return 'DEFAULT';
  return agencyCode === myAgency ? 'OWN' : 'PROVINCE';
}
