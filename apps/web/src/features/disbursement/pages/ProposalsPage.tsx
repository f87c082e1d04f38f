// Proposals (usulan), newest first: the programme, the budget line, how many recipients and the
// total, and the status in words. A head filters those awaiting approval; officers make new ones.
import { useMemo, useState, type HTMLAttributes } from 'react';
import type { ProposalStatus, ProposalView } from '@contracts';
import { Button, Card, Segmented, Space, Table, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useSession } from '../../../shared/session';
import { useI18n, valuesOf } from '../../../shared/i18n/I18n';
import { useLoad } from '../../../shared/useLoad';
import { useErrorText } from '../../../shared/errors/ErrorAlert';
import { hasRole } from '../../../shared/roles';
import { formatDate } from '../../../shared/format';
import { Link, navigate } from '../../../shared/router';
import { PageHeader } from '../../../shared/components/PageHeader';
import { disbursementApi } from '../api';
import { PROPOSAL_STATUS_COLOR, PROPOSAL_STATUS_LABEL } from '../labels';
import { HEADS, PROPOSERS } from '../roles';
import { Money } from '../components/Money';
import { useStandards } from '../components/useStandards';
import { serverPages } from '../../../shared/components/paging';

const PAGE_SIZE = 20;

export default function ProposalsPage() {
  const { t, label, lang, locale } = useI18n();
  const errorText = useErrorText();
  const { user } = useSession();
  const isHead = hasRole(user?.roles, HEADS);
  // a head lands on what awaits their approval
  const [status, setStatus] = useState<ProposalStatus | 'ALL'>(isHead ? 'SUBMITTED' : 'ALL');
  const [page, setPage] = useState(1);
  const list = useLoad(
    (signal) =>
      disbursementApi.proposals(
        { status: status === 'ALL' ? undefined : status, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE },
        signal,
      ),
    [status, page],
    60_000,
  );
  const items = useMemo(() => list.data?.items ?? [], [list.data]);
  const standards = useStandards(
    items.map((p) => [p.agencyCode, p.serviceCode] as const),
    lang,
  );

  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <PageHeader title={t('disb.proposals.title')} subtitle={t('disb.proposals.subtitle')} onRefresh={list.reload}>
        {hasRole(user?.roles, PROPOSERS) && (
          <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => navigate('/disbursement/proposals/new')}>
            {t('disb.proposal.new')}
          </Button>
        )}
      </PageHeader>
      <Card size="small">
        <Segmented<ProposalStatus | 'ALL'>
          aria-label={t('field.status')}
          value={status}
          onChange={(s) => {
            setStatus(s);
            setPage(1);
          }}
          options={[
            { value: 'ALL', label: t('disb.proposals.all') },
            ...valuesOf(PROPOSAL_STATUS_LABEL).map((s) => ({ value: s, label: label(PROPOSAL_STATUS_LABEL, s) })),
          ]}
          style={{ maxWidth: '100%', overflowX: 'auto' }}
        />
      </Card>
      <Card styles={{ body: { padding: 0 } }}>
        <Table<ProposalView>
          rowKey="id"
          size="small"
          loading={list.loading && !list.data}
          dataSource={items}
          locale={{ emptyText: list.error ? errorText(list.error) : t('disb.proposals.empty') }}
          onRow={(p) => ({ 'data-testid': `proposal-row-${p.id}` }) as HTMLAttributes<HTMLElement>}
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
              title: t('disb.proposals.made'),
              dataIndex: 'createdAt',
              render: (v: string, p) => (
                <Link to={`/disbursement/proposals/${encodeURIComponent(p.id)}`}>
                  <span style={{ whiteSpace: 'nowrap' }}>{formatDate(v, locale)}</span>
                </Link>
              ),
            },
            {
              title: t('field.status'),
              key: 'status',
              render: (_: unknown, p) => <Tag color={PROPOSAL_STATUS_COLOR[p.status]}>{label(PROPOSAL_STATUS_LABEL, p.status)}</Tag>,
            },
            {
              title: t('disb.line.programme'),
              key: 'programme',
              render: (_: unknown, p) => (
                <div style={{ maxWidth: 260, whiteSpace: 'normal' }}>
                  <div>{standards.name(p.agencyCode, p.serviceCode)}</div>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {p.budgetLine.name}
                  </Typography.Text>
                </div>
              ),
            },
            { title: t('disb.proposal.count'), dataIndex: 'count', align: 'right' },
            { title: t('disb.proposal.total'), key: 'total', align: 'right', render: (_: unknown, p) => <Money value={p.total} strong /> },
            {
              title: t('disb.proposal.fits'),
              key: 'fits',
              render: (_: unknown, p) =>
                p.status === 'DRAFT' || p.status === 'SUBMITTED' ? (
                  p.fitsBudget ? (
                    <Tag color="green">{t('disb.proposal.fitsYes')}</Tag>
                  ) : (
                    <Tag color="red">{t('disb.proposal.fitsNo')}</Tag>
                  )
                ) : (
                  '—'
                ),
            },
            { title: t('disb.proposal.preparedBy'), dataIndex: 'createdBy' },
          ]}
        />
      </Card>
    </Space>
  );
}
