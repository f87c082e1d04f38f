// What a user reads about a failed call, in their language: the error's code says what went
// wrong (shared/errors/error-texts.ts), each field error names its field (the feature's map
// from API paths to labels) and its rule (shared/errors/field-rules.ts). The API's own
// English message is never shown in the Indonesian interface.
import { ApiError, isAbort } from '../api/client';
import type { Lang } from '../i18n/texts';
import type { MessageKey, Translate } from '../i18n/I18n';
import { ERROR_TEXTS, isKnownErrorCode } from './error-texts';
import { ruleInIndonesian, ruleOf } from './field-rules';

/** Labels of a form's fields by the API's path: `applicant.nik`, `requirements[].code` (an index as `[]`). */
export type FieldLabels = Readonly<Record<string, MessageKey>>;

/** Fields most forms share, named the same everywhere. */
const COMMON_FIELDS: FieldLabels = {
  agencyCode: 'field.agency',
  serviceCode: 'field.service',
};

export interface FieldProblem {
  /** the API's path (`applicant.nik`) */
  path: string;
  /** the field's name in the user's language, or null when the form does not know it */
  label: string | null;
  /** the broken rule in the user's language */
  rule: string;
}

export interface ErrorView {
  /** one sentence: what went wrong */
  title: string;
  /** the error's code, shown beside a generic sentence when the dashboard has no text for it */
  code?: string;
  problems: FieldProblem[];
}

/** `requirements[0].code` → `requirements[].code`, the key of a label map. */
export const labelKeyOf = (path: string) => path.replace(/\[\d+\]/g, '[]');

/** The field's label: the form's own map, then its parent paths (`documents[].type` → `documents`), then the shared one. */
export function fieldLabel(path: string, fields: FieldLabels | undefined, t: Translate): string | null {
  let key = labelKeyOf(path);
  for (;;) {
    const k = fields?.[key] ?? COMMON_FIELDS[key];
    if (k) return t(k);
    const cut = Math.max(key.lastIndexOf('.'), key.lastIndexOf('['));
    if (cut <= 0) return null;
    key = key.slice(0, cut);
  }
}

/** A field error's rule in `lang`: the API's sentence in English, the known rules in Indonesian, else a generic one. */
export function ruleText(path: string, message: string, lang: Lang, t: Translate): string {
  const rule = ruleOf(path, message);
  if (lang === 'en') return rule;
  return ruleInIndonesian(rule) ?? ruleInIndonesian(message) ?? t('error.ruleUnknown');
}

function statusText(status: number, t: Translate): string {
  switch (status) {
    case 0:
      return t('error.network');
    case 401:
      return t('error.unauthorized');
    case 403:
      return t('error.forbidden');
    case 404:
      return t('error.notFound');
    case 409:
      return t('error.conflict');
    case 429:
      return t('error.tooMany');
    case 503:
      return t('error.unavailable');
    default:
      return status >= 500 ? t('error.server') : t('error.status', { status });
  }
}

/** The error as the user reads it; null for a cancelled call. */
export function describeError(err: unknown, lang: Lang, t: Translate, fields?: FieldLabels): ErrorView | null {
  if (isAbort(err)) return null;
  if (!(err instanceof ApiError)) return { title: t('error.generic'), problems: [] };
  const code = err.code;
  const problems = err.details.map((d) => ({
    path: d.path,
    label: fieldLabel(d.path, fields, t),
    rule: ruleText(d.path, d.message, lang, t),
  }));
  if (isKnownErrorCode(code)) return { title: ERROR_TEXTS[code][lang === 'id' ? 0 : 1], problems };
  return { title: statusText(err.status, t), code, problems };
}

/** One line for places without room for a list (a toast, a table's empty text). */
export function errorLine(err: unknown, lang: Lang, t: Translate, fields?: FieldLabels): string {
  const v = describeError(err, lang, t, fields);
  if (!v) return '';
  const head = v.code ? `${v.title} (${t('error.code', { code: v.code })})` : v.title;
  const first = v.problems[0];
  return first ? `${head} ${first.label ?? first.path}: ${first.rule}` : head;
}
