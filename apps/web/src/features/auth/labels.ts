import type { FieldLabels } from '../../shared/errors/describe';

/** The change-password form's fields, by the API's paths. */
export const PASSWORD_FIELDS: FieldLabels = {
  currentPassword: 'password.current',
  newPassword: 'password.new',
};

/** The login form's fields, by the API's paths. */
export const LOGIN_FIELDS: FieldLabels = {
  username: 'login.username',
  password: 'login.password',
};
