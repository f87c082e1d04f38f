// Verification's codes by their users' names, each map typed by the contract's list (a code
// the contract adds without a label here does not compile), their colours, and the names of
// the forms' fields by the API's paths.
import type {
  CaseStatus,
  DiffChange,
  DuplicateKind,
  FieldStage,
  ImportStatus,
  Recommendation,
  RegistrySnapshotView,
  RuleOutcome,
  TaskStatus,
} from '@contracts';
import type { FieldLabels } from '../../shared/errors/describe';
import type { LabelMap } from '../../shared/i18n/I18n';
import type { SettingKey } from './settings';

export const CASE_STATUS_LABEL: LabelMap<CaseStatus> = {
  AWAITING_ASSESSMENT: 'cases.status.AWAITING_ASSESSMENT',
  IN_FIELD_VERIFICATION: 'cases.status.IN_FIELD_VERIFICATION',
  VERIFIED: 'cases.status.VERIFIED',
  REJECTED: 'cases.status.REJECTED',
  CLOSED: 'cases.status.CLOSED',
};

export const RULE_OUTCOME_LABEL: LabelMap<RuleOutcome> = {
  PASSED: 'cases.outcome.PASSED',
  FAILED: 'cases.outcome.FAILED',
  NEEDS_REVIEW: 'cases.outcome.NEEDS_REVIEW',
};

/** The rules verification assesses (apps/verification eligibility); a rule it adds shows its code until named here. */
export const RULE_LABEL: LabelMap<
  'BENEFICIARY_AGE' | 'TARGET_GROUP' | 'NO_NATIONAL_PROGRAMME' | 'NO_DUPLICATE' | 'REGISTRY_OR_SKTM' | 'DOMICILE_IN_AREA' | 'RESIDENCE'
> = {
  BENEFICIARY_AGE: 'rule.BENEFICIARY_AGE',
  TARGET_GROUP: 'rule.TARGET_GROUP',
  NO_NATIONAL_PROGRAMME: 'rule.NO_NATIONAL_PROGRAMME',
  NO_DUPLICATE: 'rule.NO_DUPLICATE',
  REGISTRY_OR_SKTM: 'rule.REGISTRY_OR_SKTM',
  DOMICILE_IN_AREA: 'rule.DOMICILE_IN_AREA',
  RESIDENCE: 'rule.RESIDENCE',
};

export const DUPLICATE_LABEL: LabelMap<DuplicateKind> = {
  OPEN_CASE_SAME_SERVICE: 'duplicate.OPEN_CASE_SAME_SERVICE',
  PAID_THIS_YEAR: 'duplicate.PAID_THIS_YEAR',
  NATIONAL_PROGRAMME: 'duplicate.NATIONAL_PROGRAMME',
  SAME_HOUSEHOLD: 'duplicate.SAME_HOUSEHOLD',
};

export const STAGE_LABEL: LabelMap<FieldStage> = {
  TRC: 'stage.TRC',
  DINSOS: 'stage.DINSOS',
  KELURAHAN: 'stage.KELURAHAN',
};

export const TASK_STATUS_LABEL: LabelMap<TaskStatus> = {
  WAITING: 'task.status.WAITING',
  OPEN: 'task.status.OPEN',
  DONE: 'task.status.DONE',
  CANCELLED: 'task.status.CANCELLED',
};

export const RECOMMENDATION_LABEL: LabelMap<Recommendation> = {
  ELIGIBLE: 'visit.ELIGIBLE',
  NOT_ELIGIBLE: 'visit.NOT_ELIGIBLE',
};

export const IMPORT_STATUS_LABEL: LabelMap<ImportStatus> = {
  QUEUED: 'registry.status.QUEUED',
  RUNNING: 'registry.status.RUNNING',
  AWAITING_CONFIRMATION: 'registry.status.AWAITING_CONFIRMATION',
  DISCARDED: 'registry.status.DISCARDED',
  COMPLETED: 'registry.status.COMPLETED',
  FAILED: 'registry.status.FAILED',
};

export const SNAPSHOT_STATUS_LABEL: LabelMap<RegistrySnapshotView['status']> = {
  LOADING: 'snapshots.status.LOADING',
  COMPLETE: 'snapshots.status.COMPLETE',
  AWAITING_CONFIRMATION: 'snapshots.status.AWAITING_CONFIRMATION',
  DISCARDED: 'snapshots.status.DISCARDED',
  FAILED: 'snapshots.status.FAILED',
};

export const SNAPSHOT_SOURCE_LABEL: LabelMap<RegistrySnapshotView['source']> = {
  IMPORT: 'snapshots.source.IMPORT',
  EVENT: 'snapshots.source.EVENT',
};

export const DIFF_CHANGE_LABEL: LabelMap<DiffChange> = {
  ADDED: 'snapshots.change.ADDED',
  REMOVED: 'snapshots.change.REMOVED',
  CHANGED: 'snapshots.change.CHANGED',
};

/** The person fields a snapshot diff names (verification's registry FIELDS). */
export const REGISTRY_FIELD_LABEL: LabelMap<'kkNumber' | 'name' | 'birthDate' | 'sex' | 'address' | 'villageCode' | 'decile' | 'programs'> =
  {
    kkNumber: 'registryField.kkNumber',
    name: 'registryField.name',
    birthDate: 'registryField.birthDate',
    sex: 'registryField.sex',
    address: 'registryField.address',
    villageCode: 'registryField.villageCode',
    decile: 'registryField.decile',
    programs: 'registryField.programs',
  };

/** Each eligibility setting in words; a setting the contract adds without a label here does not compile. */
export const SETTING_LABEL: LabelMap<SettingKey> = {
  registryOrSktm: 'rules.field.registryOrSktm',
  sktmDocument: 'rules.field.sktmDocument',
  registryOrPmks: 'rules.field.registryOrPmks',
  maxDecile: 'rules.field.maxDecile',
  beneficiaryRequired: 'rules.field.beneficiaryRequired',
  beneficiaryAgeUnder: 'rules.field.beneficiaryAgeUnder',
  targetGroupAgeUnder: 'rules.field.targetGroupAgeUnder',
  targetGroups: 'rules.field.targetGroups',
  domicileInAgencyArea: 'rules.field.domicileInAgencyArea',
  residentOfAgencyArea: 'rules.field.residentOfAgencyArea',
  notInPrograms: 'rules.field.notInPrograms',
  onePerHousehold: 'rules.field.onePerHousehold',
  fieldStages: 'rules.field.fieldStages',
};

/** Whose settings are in force: the agency's own, its province's, or the installation's defaults. */
export const RULES_OWNER_LABEL: LabelMap<'OWN' | 'PROVINCE' | 'DEFAULT'> = {
  OWN: 'rules.owner.OWN',
  PROVINCE: 'rules.owner.PROVINCE',
  DEFAULT: 'rules.owner.DEFAULT',
};

export const outcomeColor = (o: RuleOutcome) => (o === 'PASSED' ? 'success' : o === 'FAILED' ? 'error' : 'warning');
export const caseStatusColor = (s: CaseStatus) =>
  s === 'VERIFIED'
    ? 'success'
    : s === 'REJECTED'
      ? 'error'
      : s === 'IN_FIELD_VERIFICATION'
        ? 'processing'
        : s === 'CLOSED'
          ? 'warning'
          : 'default';
export const taskStatusColor = (s: TaskStatus) =>
  s === 'DONE' ? 'success' : s === 'OPEN' ? 'processing' : s === 'CANCELLED' ? 'error' : 'default';
export const importStatusColor = (s: ImportStatus) =>
  s === 'COMPLETED' ? 'success' : s === 'FAILED' ? 'error' : s === 'RUNNING' ? 'processing' : 'default';
export const importRunning = (s: ImportStatus | undefined) => s === 'QUEUED' || s === 'RUNNING';

/** The visit form's fields. */
export const VISIT_FIELDS: FieldLabels = {
  findings: 'visit.findings',
  recommendation: 'visit.recommendation',
  visitedAt: 'visit.visitedAt',
  latitude: 'visit.latitude',
  longitude: 'visit.longitude',
  attachments: 'visit.attachments',
  publicReason: 'visit.publicReason',
};

/** The assign form's field. */
export const ASSIGN_FIELDS: FieldLabels = { assignee: 'task.officer' };

/** The settlement form's fields. */
export const SETTLE_FIELDS: FieldLabels = { outcome: 'cases.settleOutcome', reason: 'cases.settleReason', rule: 'cases.rule' };

/** The rules editor's fields, by the API's paths (`settings.maxDecile`). */
export const RULES_FIELDS: FieldLabels = {
  settings: 'rules.title',
  ...Object.fromEntries(Object.entries(SETTING_LABEL).map(([k, v]) => [`settings.${k}`, v])),
};

/** The registry upload's fields. */
export const UPLOAD_FIELDS: FieldLabels = { agencyCode: 'field.agency', file: 'registry.file' };

/** The registry look-up's numbers. */
export const LOOKUP_FIELDS: FieldLabels = { nik: 'person.nik', kkNumber: 'person.kk', kk: 'person.kk' };
