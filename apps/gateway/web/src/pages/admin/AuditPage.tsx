import { useState } from 'react';
import { Button, Card, Space, Table, Typography } from 'antd';
import { ReloadOutlined } from '@ant-design/icons';
import { api, asPage, type AuditEntry } from '../../api';
import { useI18n } from '../../language';
import type { MessageKey } from '../../i18n';
import { useLoad } from '../../hooks';
import { apiErrorText } from '../../errors';
import { displayValue, formatDateTime } from '../../format';
import JsonView from '../../components/JsonView';

const PAGE_SIZE = 25;

/** Actions the gateway records today (apps/gateway/src/audit); others show their code only. */
const ACTIONS = [
  'USER_CREATED', 'USER_UPDATED', 'USER_DISABLED', 'USER_ENABLED', 'PASSWORD_RESET', 'PASSWORD_CHANGED',
  'LOGIN_SUCCEEDED', 'LOGIN_FAILED', 'LOGIN_LOCKED_OUT', 'LOGIN_REFUSED_LOCKED', 'REJECTED_MESSAGE_REPLAYED',
] as const;

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
  const { t, locale } = useI18n();
  const [page, setPage] = useState({ current: 1, size: PAGE_SIZE });
  const audit = useLoad(
    (signal) => api.get<unknown>('/audit', { limit: page.size, offset: (page.current - 1) * page.size }, signal).then((d) => asPage<AuditEntry>(d)),
    [page.current, page.size],
  );

  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center', flexWrap: 'wrap', gap: 8 }}>
        <Typography.Title level={2} style={{ margin: 0 }}>
          {t('audit.title')}
        </Typography.Title>
        <Button icon={<ReloadOutlined aria-hidden />} onClick={audit.reload}>
          {t('action.refresh')}
        </Button>
      </div>
      <Card styles={{ body: { padding: 0 } }}>
        <Table<AuditEntry>
          rowKey={(r) => String(r.id ?? JSON.stringify(r))}
          size="middle"
          loading={audit.loading}
          dataSource={audit.data?.items ?? []}
          locale={audit.error ? { emptyText: apiErrorText(audit.error, t) } : undefined}
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
                const known = (ACTIONS as readonly string[]).includes(code);
                return known ? (
                  <span title={code}>{t(`audit.action.${code}` as MessageKey)}</span>
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
