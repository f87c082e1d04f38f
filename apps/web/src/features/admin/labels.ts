import type { FieldLabels } from '../../shared/errors/describe';
import type { LabelMap } from '../../shared/i18n/I18n';

/** The actions the gateway records (apps/gateway/src/audit); others show their code. */
export const AUDIT_ACTION_LABEL: LabelMap<
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
  | 'AGENCY_ADMIN_OPENED'
  | 'REGISTRY_PERSON_LOOKED_UP'
  | 'REGISTRY_HOUSEHOLD_LOOKED_UP'
  | 'REGISTRY_DIFF_VIEWED'
  | 'REGISTRY_IMPORT_CONFIRMED'
  | 'REGISTRY_IMPORT_DISCARDED'
  | 'REGISTRY_SETTINGS_UPDATED'
  | 'APPLICATION_FILED'
  | 'APPLICATION_STATUS_CHANGED'
  | 'APPLICATION_COMPLETED'
  | 'CALENDAR_DAY_ADDED'
  | 'CALENDAR_DAY_REMOVED'
  | 'CASE_ASSESSED'
  | 'CASE_DECIDED'
  | 'FIELD_TASK_ASSIGNED'
  | 'FIELD_VISIT_RECORDED'
  | 'AGENCY_CONTACT_UPDATED'
> = {
  USER_CREATED: 'audit.action.USER_CREATED',
  USER_UPDATED: 'audit.action.USER_UPDATED',
  USER_DISABLED: 'audit.action.USER_DISABLED',
  USER_ENABLED: 'audit.action.USER_ENABLED',
  PASSWORD_RESET: 'audit.action.PASSWORD_RESET',
  PASSWORD_CHANGED: 'audit.action.PASSWORD_CHANGED',
  LOGIN_SUCCEEDED: 'audit.action.LOGIN_SUCCEEDED',
  LOGIN_FAILED: 'audit.action.LOGIN_FAILED',
  LOGIN_LOCKED_OUT: 'audit.action.LOGIN_LOCKED_OUT',
  LOGIN_REFUSED_LOCKED: 'audit.action.LOGIN_REFUSED_LOCKED',
  REJECTED_MESSAGE_REPLAYED: 'audit.action.REJECTED_MESSAGE_REPLAYED',
  REJECTED_PAYLOADS_PURGED: 'audit.action.REJECTED_PAYLOADS_PURGED',
  AGENCY_ADMIN_OPENED: 'audit.action.AGENCY_ADMIN_OPENED',
  REGISTRY_PERSON_LOOKED_UP: 'audit.action.REGISTRY_PERSON_LOOKED_UP',
  REGISTRY_HOUSEHOLD_LOOKED_UP: 'audit.action.REGISTRY_HOUSEHOLD_LOOKED_UP',
  REGISTRY_DIFF_VIEWED: 'audit.action.REGISTRY_DIFF_VIEWED',
  REGISTRY_IMPORT_CONFIRMED: 'audit.action.REGISTRY_IMPORT_CONFIRMED',
  REGISTRY_IMPORT_DISCARDED: 'audit.action.REGISTRY_IMPORT_DISCARDED',
  REGISTRY_SETTINGS_UPDATED: 'audit.action.REGISTRY_SETTINGS_UPDATED',
  APPLICATION_FILED: 'audit.action.APPLICATION_FILED',
  APPLICATION_STATUS_CHANGED: 'audit.action.APPLICATION_STATUS_CHANGED',
  APPLICATION_COMPLETED: 'audit.action.APPLICATION_COMPLETED',
  CALENDAR_DAY_ADDED: 'audit.action.CALENDAR_DAY_ADDED',
  CALENDAR_DAY_REMOVED: 'audit.action.CALENDAR_DAY_REMOVED',
  CASE_ASSESSED: 'audit.action.CASE_ASSESSED',
  CASE_DECIDED: 'audit.action.CASE_DECIDED',
  FIELD_TASK_ASSIGNED: 'audit.action.FIELD_TASK_ASSIGNED',
  FIELD_VISIT_RECORDED: 'audit.action.FIELD_VISIT_RECORDED',
  AGENCY_CONTACT_UPDATED: 'audit.action.AGENCY_CONTACT_UPDATED',
};

/** The actions the audit trail says in a sentence of their own (`audit.say.<ACTION>`); the others in a general one. */
export const AUDIT_SENTENCE: LabelMap<
  | 'APPLICATION_FILED'
  | 'APPLICATION_STATUS_CHANGED'
  | 'APPLICATION_COMPLETED'
  | 'CALENDAR_DAY_ADDED'
  | 'CALENDAR_DAY_REMOVED'
  | 'CASE_ASSESSED'
  | 'CASE_DECIDED'
  | 'FIELD_TASK_ASSIGNED'
  | 'FIELD_VISIT_RECORDED'
  | 'AGENCY_CONTACT_UPDATED'
  | 'REJECTED_MESSAGE_REPLAYED'
  | 'REGISTRY_PERSON_LOOKED_UP'
  | 'REGISTRY_HOUSEHOLD_LOOKED_UP'
  | 'REGISTRY_DIFF_VIEWED'
  | 'LOGIN_SUCCEEDED'
  | 'LOGIN_FAILED'
  | 'USER_CREATED'
  | 'USER_UPDATED'
> = {
  APPLICATION_FILED: 'audit.say.APPLICATION_FILED',
  APPLICATION_STATUS_CHANGED: 'audit.say.APPLICATION_STATUS_CHANGED',
  APPLICATION_COMPLETED: 'audit.say.APPLICATION_COMPLETED',
  CALENDAR_DAY_ADDED: 'audit.say.CALENDAR_DAY_ADDED',
  CALENDAR_DAY_REMOVED: 'audit.say.CALENDAR_DAY_REMOVED',
  CASE_ASSESSED: 'audit.say.CASE_ASSESSED',
  CASE_DECIDED: 'audit.say.CASE_DECIDED',
  FIELD_TASK_ASSIGNED: 'audit.say.FIELD_TASK_ASSIGNED',
  FIELD_VISIT_RECORDED: 'audit.say.FIELD_VISIT_RECORDED',
  AGENCY_CONTACT_UPDATED: 'audit.say.AGENCY_CONTACT_UPDATED',
  REJECTED_MESSAGE_REPLAYED: 'audit.say.REJECTED_MESSAGE_REPLAYED',
  REGISTRY_PERSON_LOOKED_UP: 'audit.say.REGISTRY_PERSON_LOOKED_UP',
  REGISTRY_HOUSEHOLD_LOOKED_UP: 'audit.say.REGISTRY_HOUSEHOLD_LOOKED_UP',
  REGISTRY_DIFF_VIEWED: 'audit.say.REGISTRY_DIFF_VIEWED',
  LOGIN_SUCCEEDED: 'audit.say.LOGIN_SUCCEEDED',
  LOGIN_FAILED: 'audit.say.LOGIN_FAILED',
  USER_CREATED: 'audit.say.USER_CREATED',
  USER_UPDATED: 'audit.say.USER_UPDATED',
};

/** The agency form's fields, by the API's paths. */
export const AGENCY_FIELDS: FieldLabels = {
  address: 'agency.address',
  phone: 'agency.phone',
  email: 'agency.email',
  officeHours: 'agency.hours',
};

/** The account forms' fields, by the API's paths. */
export const USER_FIELDS: FieldLabels = {
  username: 'users.username',
  displayName: 'users.displayName',
  password: 'newPassword.label',
  agencyCode: 'users.agency',
  roles: 'users.roles',
  'roles[]': 'users.roles',
  disabled: 'users.status.disabled',
};

/** The replay dialog's field. */
export const REPLAY_FIELDS: FieldLabels = { payload: 'rejected.payload' };

/** Application statuses the audit trail names (the standards' own names are intake's; these are the common ones). */
export const AUDIT_STATUS_LABEL: LabelMap<
  'REGISTERED' | 'RETURNED' | 'IN_VERIFICATION' | 'VERIFIED' | 'REJECTED' | 'WITHDRAWN' | 'IN_PROCESS'
> = {
  REGISTERED: 'audit.status.REGISTERED',
  RETURNED: 'audit.status.RETURNED',
  IN_VERIFICATION: 'audit.status.IN_VERIFICATION',
  VERIFIED: 'audit.status.VERIFIED',
  REJECTED: 'audit.status.REJECTED',
  WITHDRAWN: 'audit.status.WITHDRAWN',
  IN_PROCESS: 'audit.status.IN_PROCESS',
};
