import { useState } from 'react';
import { Card, Space, Table, Typography } from 'antd';
import { isLabelled, useI18n } from '../../../shared/i18n/I18n';
import { useLoad } from '../../../shared/useLoad';
import { useErrorText } from '../../../shared/errors/ErrorAlert';
import { displayValue, formatDateTime } from '../../../shared/format';
import JsonView from '../../../shared/components/JsonView';
import { PageHeader } from '../../../shared/components/PageHeader';
import { adminApi, type AuditEntry } from '../api';
import { AUDIT_ACTION_LABEL } from '../labels';

const PAGE_SIZE = 25;

function str(v: unknown): string | undefined {
  return typeof v === 'string' && v ? v : typeof v === 'number' ? String(v) : undefined;
}

/** `{ id, username }` (or a plain string); an entry without an actor was done by nobody logged in. */
function actorText(v: unknown, nobody: string): string {
  if (v === null || v === undefined) return nobody;
  if (typeof v !== 'object') return displayValue(v);
  const o = v as Record<string, unknown>;
  const name = str(o.username) ?? str(o.displayName) ?? str(o.name);
  if (name) return name;
  if (str(o.id)) return str(o.id)!;
  return Object.values(o).every((x) => x === null || x === undefined) ? nobody : displayValue(v);
}

/** `{ type, id, label }` (or a plain string). */
function targetText(v: unknown): string {
  if (v === null || v === undefined || typeof v !== 'object') return displayValue(v);
  const o = v as Record<string, unknown>;
  const what = str(o.label) ?? str(o.username) ?? str(o.name) ?? str(o.id);
  const type = str(o.type);
  if (what || type) return [type, what].filter(Boolean).join(' · ');
  return displayValue(v);
}

/** Who did what to which record, newest first. Entries of any shape are shown, never dropped. */
export default function AuditPage() {
  const { t, label, locale } = useI18n();
  const errorText = useErrorText();
  const [page, setPage] = useState({ current: 1, size: PAGE_SIZE });
  const audit = useLoad((signal) => adminApi.audit({ limit: page.size, offset: (page.current - 1) * page.size }, signal), [page.current, page.size]);

  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <PageHeader title={t('audit.title')} onRefresh={audit.reload} />
      <Card styles={{ body: { padding: 0 } }}>
        <Table<AuditEntry>
          rowKey={(r) => String(r.id ?? JSON.stringify(r))}
          size="middle"
          loading={audit.loading}
          dataSource={audit.data?.items ?? []}
          locale={audit.error ? { emptyText: errorText(audit.error) } : undefined}
          scroll={{ x: 'max-content' }}
          pagination={{
            current: page.current,
            pageSize: page.size,
            total: audit.data?.total ?? 0,
            showSizeChanger: true,
            showTotal: (total) => t('common.total', { total }),
            onChange: (current, size) => setPage({ current: size === page.size ? current : 1, size }),
          }}
          expandable={{ expandedRowRender: (r) => <JsonView value={r} /> }}
          columns={[
            { title: t('audit.at'), dataIndex: 'at', render: (v) => formatDateTime(v, locale), width: 200 },
            { title: t('audit.actor'), dataIndex: 'actor', render: (v) => actorText(v, t('audit.nobody')) },
            {
              title: t('audit.action'),
              dataIndex: 'action',
              render: (v) => {
                const code = displayValue(v);
                return isLabelled(AUDIT_ACTION_LABEL, code) ? (
                  <span title={code}>{label(AUDIT_ACTION_LABEL, code)}</span>
                ) : (
                  <Typography.Text code>{code}</Typography.Text>
                );
              },
            },
            { title: t('audit.target'), dataIndex: 'target', render: (v) => <span style={{ wordBreak: 'break-all' }}>{targetText(v)}</span> },
            { title: t('audit.agency'), dataIndex: 'agencyCode', render: (v) => displayValue(v) },
            { title: t('audit.ip'), dataIndex: 'ip', render: (v) => displayValue(v) },
          ]}
        />
      </Card>
    </Space>
  );
}
