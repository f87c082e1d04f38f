// Decrees (SK), newest first: number, date, signatory, programme, recipients and total, and how
// far their money has gone (paid, failed, waiting), in words.
import { useMemo, useState, type HTMLAttributes } from 'react';
import type { DecreeView } from '@contracts';
import { Card, Space, Table, Tag, Typography } from 'antd';
import { useI18n } from '../../../shared/i18n/I18n';
import { useLoad } from '../../../shared/useLoad';
import { useErrorText } from '../../../shared/errors/ErrorAlert';
import { formatDay } from '../../../shared/format';
import { Link } from '../../../shared/router';
import { PageHeader } from '../../../shared/components/PageHeader';
import { disbursementApi } from '../api';
import { Money } from '../components/Money';
import { LineStatusTags } from '../components/LineStatusTags';
import { useStandards } from '../components/useStandards';
import { serverPages } from '../../../shared/components/paging';

const PAGE_SIZE = 20;

export default function DecreesPage() {
  const { t, lang, locale } = useI18n();
  const errorText = useErrorText();
  const [page, setPage] = useState(1);
  const list = useLoad((signal) => disbursementApi.decrees({ limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE }, signal), [page], 60_000);
  const items = useMemo(() => list.data?.items ?? [], [list.data]);
  const standards = useStandards(
    items.map((d) => [d.agencyCode, d.serviceCode] as const),
    lang,
  );
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <PageHeader title={t('disb.decrees.title')} subtitle={t('disb.decrees.subtitle')} onRefresh={list.reload} />
      <Card styles={{ body: { padding: 0 } }}>
        <Table<DecreeView>
          rowKey="id"
          size="small"
          loading={list.loading && !list.data}
          dataSource={items}
          locale={{ emptyText: list.error ? errorText(list.error) : t('disb.decrees.empty') }}
          onRow={(d) => ({ 'data-testid': `decree-row-${d.decreeNumber}` }) as HTMLAttributes<HTMLElement>}
          pagination={serverPages({
            page,
            setPage,
            pageSize: PAGE_SIZE,
            total: list.data?.total,
            totalText: (total) => t('common.total', { total }),
          })}
          scroll={{ x: 'max-content' }}
          columns={[
            {
              title: t('disb.decree.number'),
              key: 'number',
              render: (_: unknown, d) => (
                <div style={{ maxWidth: 240, whiteSpace: 'normal' }}>
                  <Link to={`/disbursement/decrees/${encodeURIComponent(d.id)}`}>
                    <Typography.Text strong>{d.decreeNumber}</Typography.Text>
                  </Link>
                </div>
              ),
            },
            {
              title: t('disb.decree.date'),
              dataIndex: 'decreeDate',
              render: (v: string) => <span style={{ whiteSpace: 'nowrap' }}>{formatDay(`${v}T00:00:00`, locale)}</span>,
            },
            {
              title: t('disb.line.programme'),
              key: 'programme',
              render: (_: unknown, d) => (
                <div style={{ maxWidth: 220, whiteSpace: 'normal' }}>{standards.name(d.agencyCode, d.serviceCode)}</div>
              ),
            },
            { title: t('disb.proposal.count'), dataIndex: 'count', align: 'right' },
            { title: t('disb.proposal.total'), key: 'total', align: 'right', render: (_: unknown, d) => <Money value={d.total} strong /> },
            { title: t('disb.decree.progress'), key: 'progress', render: (_: unknown, d) => <LineStatusTags lines={d.lines} /> },
            {
              title: t('disb.decree.scanRef'),
              key: 'scan',
              render: (_: unknown, d) =>
                d.scanRef ? <Tag color="green">{t('disb.decree.scanRecorded')}</Tag> : <Tag>{t('disb.decree.scanMissing')}</Tag>,
            },
          ]}
        />
      </Card>
    </Space>
  );
}
