// Every form that calls the API does the same: busy while the call runs, the failure kept to
// be shown (shared/errors/ErrorAlert), each field error under its field, and something to do
// after a success. `useSubmit` is that, once.
import { useCallback, useState } from 'react';
import type { FormInstance } from 'antd';
import { ApiError, isAbort } from '../api/client';
import { useI18n } from '../i18n/I18n';
import { ruleText, type FieldLabels } from '../errors/describe';

export interface SubmitOptions<V, R> {
  /** the form whose fields get the API's field errors (those it has; the others stay in the alert) */
  form?: FormInstance;
  /** the form's field labels by API path, to name the fields in the alert */
  fields?: FieldLabels;
  /** the part of the API's paths the form's names leave out (`settings.` for the rules editor) */
  pathPrefix?: string;
  /** after a success */
  onDone?: (result: R, values: V) => void;
}

export interface Submit<V> {
  /** runs the action (a Form's `onFinish`) */
  run: (values: V) => Promise<void>;
  busy: boolean;
  /** the last failure, null after a success or before the first try */
  error: unknown;
  fields?: FieldLabels;
}

/** `a.b[0].c` → `a.b.0.c`, as antd joins a NamePath. */
const joined = (path: string) => path.replace(/\[(\d+)\]/g, '.$1');

/** Puts each field error of `err` under the form's field of that path, in the user's language. */
function placeFieldErrors(form: FormInstance, err: ApiError, prefix: string, rule: (path: string, message: string) => string): void {
  const registered = new Map(form.getFieldsError().map((f) => [(f.name as (string | number)[]).join('.'), f.name]));
  const errors = new Map<string, string[]>();
  for (const d of err.details) {
    const path = joined(prefix && d.path.startsWith(prefix) ? d.path.slice(prefix.length) : d.path);
    if (registered.has(path)) errors.set(path, [...(errors.get(path) ?? []), rule(d.path, d.message)]);
  }
  form.setFields([...errors].map(([path, list]) => ({ name: registered.get(path)!, errors: list })));
}

export function useSubmit<V, R = unknown>(action: (values: V) => Promise<R>, opts: SubmitOptions<V, R> = {}): Submit<V> {
  const { lang, t } = useI18n();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const { form, pathPrefix = '', onDone } = opts;

  const run = useCallback(
    async (values: V) => {
      setBusy(true);
      setError(null);
      try {
        const result = await action(values);
        setBusy(false);
        onDone?.(result, values);
      } catch (e) {
        setBusy(false);
        if (isAbort(e)) return;
        if (form && e instanceof ApiError) placeFieldErrors(form, e, pathPrefix, (p, m) => ruleText(p, m, lang, t));
        setError(e);
      }
    },
    [action, form, pathPrefix, onDone, lang, t],
  );
  return { run, busy, error, fields: opts.fields };
}
