import type { CSSProperties, ReactNode } from 'react';
import { Alert, Typography } from 'antd';
import { useI18n } from '../i18n/I18n';
import { describeError, errorLine, type FieldLabels } from './describe';

/** `(err) => one line in the user's language`, for toasts and tables' empty texts. */
export function useErrorText(): (err: unknown, fields?: FieldLabels) => string {
  const { lang, t } = useI18n();
  return (err, fields) => errorLine(err, lang, t, fields);
}

/**
 * A failed call in the user's language: what went wrong, the code when the dashboard has no
 * text for it, and each field error with its field's name; `title` (what failed) goes above
 * them. Renders nothing without an error.
 */
export function ErrorAlert({
  error,
  fields,
  title,
  testId,
  style,
}: {
  error: unknown;
  fields?: FieldLabels;
  title?: ReactNode;
  testId?: string;
  style?: CSSProperties;
}) {
  const { lang, t } = useI18n();
  if (error === null || error === undefined) return null;
  const view = describeError(error, lang, t, fields);
  if (!view) return null;
  const what = (
    <>
      {view.title}
      {view.code && <Typography.Text type="secondary"> ({t('error.code', { code: view.code })})</Typography.Text>}
    </>
  );
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      data-testid={testId}
      data-code={view.code}
      style={style}
      title={title ?? what}
      description={
        (title || view.problems.length > 0) && (
          <>
            {title && <div>{what}</div>}
            {view.problems.length > 0 && (
              <ul style={{ margin: 0, paddingInlineStart: 20 }} data-testid="field-problems">
                {view.problems.map((p, i) => (
                  <li key={`${p.path}-${i}`}>
                    {p.label ? <strong>{p.label}</strong> : <Typography.Text code>{p.path}</Typography.Text>}: {p.rule}
                  </li>
                ))}
              </ul>
            )}
          </>
        )
      }
    />
  );
}
