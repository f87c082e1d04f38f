import type { FieldLabels } from '../../shared/errors/describe';
import type { LabelMap } from '../../shared/i18n/I18n';

/** The actions the gateway records (apps/gateway/src/audit); others show their code. */
export const AUDIT_ACTION_LABEL: LabelMap<
  | 'USER_CREATED' | 'USER_UPDATED' | 'USER_DISABLED' | 'USER_ENABLED' | 'PASSWORD_RESET' | 'PASSWORD_CHANGED'
  | 'LOGIN_SUCCEEDED' | 'LOGIN_FAILED' | 'LOGIN_LOCKED_OUT' | 'LOGIN_REFUSED_LOCKED' | 'REJECTED_MESSAGE_REPLAYED'
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
