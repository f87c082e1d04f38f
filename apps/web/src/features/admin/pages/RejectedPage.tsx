import { useState } from 'react';
import type { FieldError } from '@contracts';
import { Button, Card, Descriptions, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { RedoOutlined } from '@ant-design/icons';
import { useI18n } from '../../../shared/i18n/I18n';
import { useLoad } from '../../../shared/useLoad';
import { useErrorText } from '../../../shared/errors/ErrorAlert';
import { formatDateTime } from '../../../shared/format';
import JsonView from '../../../shared/components/JsonView';
import { PageHeader } from '../../../shared/components/PageHeader';
import { adminApi, type RejectedMessage } from '../api';
import { ReplayDialog } from '../components/ReplayDialog';
import { MessageErrors } from '../components/MessageErrors';

const PAGE_SIZE = 20;

/** Messages of `sigap.rejected`: what a consumer refused and why, and a way to send them again. */
export default function RejectedPage() {
  const { t, locale } = useI18n();
  const errorText = useErrorText();
  const [page, setPage] = useState({ current: 1, size: PAGE_SIZE });
  const [replaying, setReplaying] = useState<RejectedMessage | null>(null);
  const rejected = useLoad(
    (signal) => adminApi.rejected({ limit: page.size, offset: (page.current - 1) * page.size }, signal),
    [page.current, page.size],
  );

  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <PageHeader title={t('rejected.title')} subtitle={t('rejected.subtitle')} onRefresh={rejected.reload} />
      <Card styles={{ body: { padding: 0 } }}>
        <Table<RejectedMessage>
          rowKey="id"
          size="middle"
          loading={rejected.loading}
          dataSource={rejected.data?.items ?? []}
          locale={rejected.error ? { emptyText: errorText(rejected.error) } : { emptyText: t('rejected.empty') }}
          scroll={{ x: 'max-content' }}
          pagination={{
            current: page.current,
            pageSize: page.size,
            total: rejected.data?.total ?? 0,
            showTotal: (total) => t('common.total', { total }),
            onChange: (current, size) => setPage({ current: size === page.size ? current : 1, size }),
          }}
          expandable={{
            expandedRowRender: (r) => (
              <Descriptions
                size="small"
                column={1}
                bordered
                items={[
                  { key: 'eventId', label: t('rejected.eventId'), children: r.eventId ?? '—' },
                  { key: 'payload', label: t('rejected.payload'), children: <JsonView value={r.payload} /> },
                ]}
              />
            ),
          }}
          columns={[
            { title: t('rejected.rejectedAt'), dataIndex: 'rejectedAt', render: (v) => formatDateTime(v, locale) },
            // what went wrong comes first; the long subject is cut (its full text in a tooltip)
            {
              title: t('rejected.errors'),
              dataIndex: 'errors',
              render: (v: FieldError[] | undefined) => (
                <div style={{ maxWidth: 360, minWidth: 220, whiteSpace: 'normal' }}>
                  <MessageErrors errors={v} />
                </div>
              ),
            },
            {
              title: t('rejected.subject'),
              dataIndex: 'subject',
              render: (v) => (
                <Typography.Text code ellipsis={{ tooltip: v }} style={{ maxWidth: 220 }}>
                  {v ?? '—'}
                </Typography.Text>
              ),
            },
            { title: t('rejected.consumer'), dataIndex: 'consumer', render: (v) => v ?? '—' },
            { title: t('rejected.reason'), dataIndex: 'reason', render: (v) => v ?? '—' },
            {
              title: t('rejected.replays'),
              dataIndex: 'replayCount',
              render: (n: number | undefined, r) =>
                n ? (
                  <Tooltip
                    title={`${t('rejected.lastReplayedAt', { at: formatDateTime(r.lastReplayedAt, locale) })}${r.lastReplayedBy ? ` ${t('rejected.lastReplayedBy', { who: r.lastReplayedBy })}` : ''}`}
                  >
                    <Tag color="blue">{n}×</Tag>
                  </Tooltip>
                ) : (
                  <Tag>0</Tag>
                ),
            },
            {
              title: t('common.actions'),
              key: 'actions',
              fixed: 'right',
              render: (_: unknown, r) => (
                <Button size="small" icon={<RedoOutlined aria-hidden />} onClick={() => setReplaying(r)}>
                  {t('rejected.replay')}
                </Button>
              ),
            },
          ]}
        />
      </Card>
      {replaying && (
        <ReplayDialog
          message={replaying}
          onClose={() => setReplaying(null)}
          onDone={() => {
            setReplaying(null);
            rejected.reload();
          }}
        />
      )}
    </Space>
  );
}
