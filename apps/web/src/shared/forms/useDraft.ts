// A half-typed form survives an expired session, a closed tab or a click elsewhere: its values
// are kept in the browser (localStorage, one entry per form and officer), restored when the form
// opens again, and removed once the form is sent or the officer discards them. Leaving a dirty
// form through the app (a menu item, a link) asks first, through the router's guard. A reload
// or a closed tab does not ask: the draft is already kept, and the browser's beforeunload
// question would also stop every automated page load.
import { useCallback, useEffect, useRef, useState } from 'react';
import { App, type FormInstance } from 'antd';
import { useI18n } from '../i18n/I18n';
import { useSession } from '../session';
import { navigate, setNavigationGuard } from '../router';

const PREFIX = 'sigap.draft.';

interface Stored {
  savedAt: string;
  values: unknown;
}

/** Removes every draft of `username` (a manual logout on a shared office PC leaves no personal data behind). */
export function clearDrafts(username: string | undefined): void {
  if (!username) return;
  const mine = `${PREFIX}${username}.`;
  for (let i = localStorage.length - 1; i >= 0; i--) {
    const k = localStorage.key(i);
    if (k?.startsWith(mine)) localStorage.removeItem(k);
  }
}

function read(key: string): Stored | null {
  try {
    const raw = localStorage.getItem(key);
    const parsed = raw ? (JSON.parse(raw) as Stored) : null;
    return parsed && typeof parsed === 'object' && 'values' in parsed ? parsed : null;
  } catch {
    return null;
  }
}

export interface Draft {
  /** when a draft was restored: its time, for the notice with a "discard" button */
  restoredAt: string | null;
  /** give to the Form's onValuesChange */
  onValuesChange: () => void;
  /** the form was sent: forget the draft and stop asking */
  clear: () => void;
  /** the officer throws the draft away: the form empties */
  discard: () => void;
}

/**
 * Keeps `form`'s values under `name` (e.g. `filing`, `visit.<taskId>`). `omit` names top-level
 * fields that are not plain JSON (a dayjs value) and are left out of the draft.
 */
export function useDraft<V extends object>(form: FormInstance<V>, name: string, opts: { omit?: string[] } = {}): Draft {
  const { t } = useI18n();
  const { modal } = App.useApp();
  const { user } = useSession();
  const key = `${PREFIX}${user?.username ?? 'anonymous'}.${name}`;
  const dirty = useRef(false);
  const [restoredAt, setRestoredAt] = useState<string | null>(null);
  const omit = opts.omit?.join(',') ?? '';

  // restore once, after the form's initial values are in place
  useEffect(() => {
    const stored = read(key);
    if (!stored) return;
    form.setFieldsValue(stored.values as Parameters<FormInstance<V>['setFieldsValue']>[0]);
    setRestoredAt(stored.savedAt);
    dirty.current = true;
  }, [key, form]);

  const onValuesChange = useCallback(() => {
    dirty.current = true;
    const values = { ...(form.getFieldsValue(true) as Record<string, unknown>) };
    for (const f of omit ? omit.split(',') : []) delete values[f];
    try {
      localStorage.setItem(key, JSON.stringify({ savedAt: new Date().toISOString(), values }));
    } catch {
      // a full or disabled storage: the form still works, only without a draft
    }
  }, [form, key, omit]);

  const clear = useCallback(() => {
    dirty.current = false;
    localStorage.removeItem(key);
    setRestoredAt(null);
  }, [key]);

  const discard = useCallback(() => {
    clear();
    form.resetFields();
  }, [clear, form]);

  useEffect(() => {
    const release = setNavigationGuard((to) => {
      if (!dirty.current) return true;
      modal.confirm({
        title: t('draft.leaveTitle'),
        content: t('draft.leaveText'),
        okText: t('draft.leave'),
        cancelText: t('draft.stay'),
        onOk: () => navigate(to, { force: true }),
      });
      return false;
    });
    return release;
  }, [modal, t]);

  return { restoredAt, onValuesChange, clear, discard };
}
