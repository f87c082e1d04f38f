import type { FieldError } from '@contracts';
import { Typography } from 'antd';

/**
 * The errors a consumer gave a message it rejected, as it gave them: the operator reads what
 * the service said about the payload (the path and the rule), not a text of the dashboard.
 */
export function MessageErrors({ errors }: { errors: FieldError[] | undefined }) {
  const list = Array.isArray(errors) ? errors : [];
  if (list.length === 0) return <Typography.Text type="secondary">—</Typography.Text>;
  return (
    <ul style={{ margin: 0, paddingInlineStart: 18 }}>
      {list.map((e, i) => (
        <li key={i}>
          {e?.path ? <Typography.Text code>{String(e.path)}</Typography.Text> : null} {String(e?.message ?? '')}
        </li>
      ))}
    </ul>
  );
}
