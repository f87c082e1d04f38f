// One request to the finance office (BPKAD): when and by whom, its total and recipients, and,
// opened, its lines per status and each settlement the finance office sent (SP2D or reason).
import { useState } from 'react';
import type { DecreeView } from '@contracts';
import { Button, Card, Descriptions, Space, Table, Tag, Typography } from 'antd';
import { useI18n, valuesOf } from '../../../shared/i18n/I18n';
import { useLoad } from '../../../shared/useLoad';
import { useErrorText } from '../../../shared/errors/ErrorAlert';
import { formatDateTime } from '../../../shared/format';
import { disbursementApi, type DisbursementRequestView } from '../api';
import { REQUEST_LINE_STATUS_LABEL, REQUEST_STATUS_LABEL } from '../labels';
import { Money } from './Money';

type Request = DecreeView['requests'][number];
type Settlement = DisbursementRequestView['settlements'][number];

const STATUS_COLOR: Record<string, string> = {
  REQUESTED: 'blue',
  PARTLY_SETTLED: 'gold',
  SETTLED: 'green',
  PAID: 'green',
  REJECTED: 'red',
};

export function RequestCard({ request, index }: { request: Request; index: number }) {
  const { t, label, locale } = useI18n();
  const errorText = useErrorText();
  const [open, setOpen] = useState(false);
  const detail = useLoad(
    (signal) => (open ? disbursementApi.requestView(request.requestId, signal) : Promise.resolve(undefined)),
    [open, request.requestId, request.status],
  );
  const d = detail.data;
  return (
    <Card
      size="small"
      data-testid={`request-${index + 1}`}
      title={
        <Space wrap>
          {t('disb.request.nth', { n: index + 1 })}
          <Tag color={STATUS_COLOR[request.status] ?? 'default'}>{label(REQUEST_STATUS_LABEL, request.status)}</Tag>
        </Space>
      }
      extra={
        <Button size="small" onClick={() => setOpen((o) => !o)} aria-expanded={open}>
          {open ? t('disb.request.hide') : t('disb.request.show')}
        </Button>
      }
    >
      <Descriptions size="small" column={{ xs: 1, md: 2, xl: 4 }}>
        <Descriptions.Item label={t('disb.request.sentAt')}>{formatDateTime(request.createdAt, locale)}</Descriptions.Item>
        <Descriptions.Item label={t('disb.request.sentBy')}>{request.createdBy}</Descriptions.Item>
        <Descriptions.Item label={t('disb.proposal.count')}>{request.count}</Descriptions.Item>
        <Descriptions.Item label={t('disb.proposal.total')}>
          <Money value={request.total} strong />
        </Descriptions.Item>
      </Descriptions>
      {open && detail.error !== null && detail.error !== undefined && (
        <Typography.Text type="danger">{errorText(detail.error)}</Typography.Text>
      )}
      {open && d && (
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Space wrap>
            {valuesOf(REQUEST_LINE_STATUS_LABEL).map((s) => (
              <Tag key={s} color={STATUS_COLOR[s]}>
                {label(REQUEST_LINE_STATUS_LABEL, s)}: {d.lines[s]?.count ?? 0}
              </Tag>
            ))}
          </Space>
          <Table<Settlement>
            rowKey="eventId"
            size="small"
            pagination={false}
            dataSource={d.settlements}
            locale={{ emptyText: t('disb.request.noSettlement') }}
            scroll={{ x: 'max-content' }}
            columns={[
              {
                title: t('disb.settlement.receivedAt'),
                dataIndex: 'receivedAt',
                render: (v: string) => <span style={{ whiteSpace: 'nowrap' }}>{formatDateTime(v, locale)}</span>,
              },
              {
                title: t('disb.settlement.outcome'),
                dataIndex: 'status',
                render: (v: string) => <Tag color={STATUS_COLOR[v] ?? 'default'}>{label(REQUEST_LINE_STATUS_LABEL, v)}</Tag>,
              },
              { title: t('disb.settlement.sp2d'), dataIndex: 'sp2dNumber', render: (v: string | null) => v ?? '—' },
              {
                title: t('disb.settlement.reason'),
                dataIndex: 'reason',
                render: (v: string | null) => <div style={{ maxWidth: 320, whiteSpace: 'normal' }}>{v ?? '—'}</div>,
              },
              { title: t('disb.settlement.settled'), dataIndex: 'linesSettled', align: 'right' },
            ]}
          />
        </Space>
      )}
    </Card>
  );
}
