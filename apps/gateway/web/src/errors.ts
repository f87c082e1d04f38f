import { ApiError } from './api';
import type { MessageKey, Vars } from './i18n';

type T = (key: MessageKey, vars?: Vars) => string;

/**
 * What to tell the user about a failed call: the common statuses in their language, the
 * API's own message otherwise (it names the field or the conflict).
 */
export function apiErrorText(err: unknown, t: T): string {
  if (!(err instanceof ApiError)) return err instanceof Error && err.message ? err.message : t('error.generic');
  switch (err.status) {
    case 0:
      return t('error.network');
    case 401:
      return t('error.unauthorized');
    case 403:
      return t('error.forbidden');
    case 429:
      return t('error.tooMany');
    case 503:
      return err.apiMessage ? `${t('error.unavailable')} (${err.apiMessage})` : t('error.unavailable');
    default:
      return err.apiMessage ?? t('error.status', { status: err.status });
  }
}

/** The API's field errors in antd's `form.setFields` shape, for the fields the form has. */
export function fieldErrors<F extends string>(err: unknown, fields: readonly F[]): { name: F; errors: string[] }[] {
  if (!(err instanceof ApiError)) return [];
  const by = new Map<F, string[]>();
  for (const d of err.details) {
    const name = String(d.path ?? '').split(/[.[]/)[0] as F;
    if (name && fields.includes(name)) by.set(name, [...(by.get(name) ?? []), d.message]);
  }
  return [...by].map(([name, errors]) => ({ name, errors }));
}
