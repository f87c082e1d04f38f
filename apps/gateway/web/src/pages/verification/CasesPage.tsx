// Verification cases of the agencies the officer covers (newest first), with the counts of
// each rule outcome and the duplicates found, filtered by status.
import { useState } from 'react';
import { Button, Card, Select, Space, Table, Tag, Typography } from 'antd';
import { ReloadOutlined } from '@ant-design/icons';
import { api } from '../../api';
import { useI18n } from '../../language';
import { useLoad } from '../../hooks';
import { apiErrorText } from '../../errors';
import { formatDateTime } from '../../format';
import { Link } from '../../router';
import { CASE_STATUSES, caseStatusColor, type CaseListItem, type CaseStatus } from '../../verification/model';

const PAGE = 20;

export default function CasesPage() {
  const { t, locale } = useI18n();
  const [status, setStatus] = useState<CaseStatus | undefined>();
  const [page, setPage] = useState(1);
  const list = useLoad(
    (signal) => api.get<{ items: CaseListItem[]; total: number }>('/verification/cases', { status, limit: PAGE, offset: (page - 1) * PAGE }, signal),
    [status, page],
    30_000,
  );
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center', flexWrap: 'wrap', gap: 8 }}>
        <Typography.Title level={2} style={{ margin: 0 }}>
          {t('cases.title')}
        </Typography.Title>
        <Space wrap>
          <Select
            allowClear
            aria-label={t('cases.status')}
            placeholder={t('cases.status')}
            style={{ minWidth: 220 }}
            value={status}
            onChange={(v) => {
              setStatus(v);
              setPage(1);
            }}
            options={CASE_STATUSES.map((s) => ({ value: s, label: t(`cases.status.${s}`) }))}
          />
          <Button icon={<ReloadOutlined aria-hidden />} onClick={list.reload}>
            {t('action.refresh')}
          </Button>
        </Space>
      </div>
      <Card styles={{ body: { padding: 0 } }}>
        <Table<CaseListItem>
          rowKey="caseId"
          size="middle"
          loading={list.loading && !list.data}
          dataSource={list.data?.items ?? []}
          locale={list.error ? { emptyText: apiErrorText(list.error, t) } : { emptyText: t('cases.none') }}
          pagination={{ current: page, pageSize: PAGE, total: list.data?.total ?? 0, showSizeChanger: false, onChange: setPage, showTotal: (total) => t('common.total', { total }) }}
          scroll={{ x: 'max-content' }}
          columns={[
            {
              title: t('queue.ticket'),
              key: 'ticket',
              render: (_: unknown, c) => (
                <Link to={`/verification/cases/${c.caseId}`}>
                  <Typography.Text strong style={{ fontFamily: 'ui-monospace, monospace' }}>
                    {c.ticketNumber ?? c.caseId.slice(0, 8)}
                  </Typography.Text>
                </Link>
              ),
            },
            { title: t('queue.service'), dataIndex: 'serviceCode' },
            { title: t('queue.agency'), dataIndex: 'agencyCode' },
            { title: t('cases.status'), dataIndex: 'status', render: (s: CaseStatus) => <Tag color={caseStatusColor(s)}>{t(`cases.status.${s}`)}</Tag> },
            {
              title: t('cases.rules'),
              key: 'rules',
              render: (_: unknown, c) => (
                <Space size={4}>
                  <Tag color="success">{t('cases.outcome.PASSED')}: {c.rules.PASSED}</Tag>
                  {c.rules.NEEDS_REVIEW > 0 && <Tag color="warning">{t('cases.outcome.NEEDS_REVIEW')}: {c.rules.NEEDS_REVIEW}</Tag>}
                  {c.rules.FAILED > 0 && <Tag color="error">{t('cases.outcome.FAILED')}: {c.rules.FAILED}</Tag>}
                </Space>
              ),
            },
            { title: t('cases.duplicates'), dataIndex: 'duplicates', render: (n: number) => (n ? <Tag color="volcano">{n}</Tag> : '0') },
            { title: t('cases.openedAt'), dataIndex: 'openedAt', render: (v: string) => formatDateTime(v, locale) },
          ]}
        />
      </Card>
    </Space>
  );
}
