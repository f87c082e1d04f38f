// One proposal: its recipients and amounts, the total against its budget line, who prepared,
// submitted and decided it, and what the user may do now by role: send a draft to the head;
// as head, approve (commits the money) or return it with a reason; record the signed decree.
import { useState } from 'react';
import type { ProposalView } from '@contracts';
import { Alert, App, Button, Card, Descriptions, Popconfirm, Result, Skeleton, Space, Table, Tag, Typography } from 'antd';
import { ArrowLeftOutlined, CheckOutlined, FileDoneOutlined, RollbackOutlined, SendOutlined } from '@ant-design/icons';
import { useSession } from '../../../shared/session';
import { useI18n } from '../../../shared/i18n/I18n';
import { useLoad } from '../../../shared/useLoad';
import { ErrorAlert, useErrorText } from '../../../shared/errors/ErrorAlert';
import { useSubmit } from '../../../shared/forms/useSubmit';
import { ApiError } from '../../../shared/api/client';
import { hasRole } from '../../../shared/roles';
import { formatDateTime } from '../../../shared/format';
import { Link, navigate } from '../../../shared/router';
import { PageHeader } from '../../../shared/components/PageHeader';
import { disbursementApi } from '../api';
import { BUDGET_SOURCE_LABEL, PROPOSAL_FIELDS, PROPOSAL_STATUS_COLOR, PROPOSAL_STATUS_LABEL } from '../labels';
import { HEADS, PROPOSERS } from '../roles';
import { formatRupiah } from '../money';
import { Money } from '../components/Money';
import { IssueDecreeDialog, ReturnProposalDialog } from '../components/ProposalDialogs';
import { useStandards } from '../components/useStandards';

type Item = NonNullable<ProposalView['items']>[number];

export default function ProposalPage({ id }: { id: string }) {
  const { t, label, lang, locale } = useI18n();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const { user } = useSession();
  const proposal = useLoad((signal) => disbursementApi.proposal(id, signal), [id]);
  const p = proposal.data;
  const standards = useStandards(p ? [[p.agencyCode, p.serviceCode] as const] : [], lang);
  const [returning, setReturning] = useState(false);
  const [decreeing, setDecreeing] = useState(false);
  const action = (run: () => Promise<unknown>, done: string) => ({
    run,
    opts: {
      fields: PROPOSAL_FIELDS,
      onDone: () => {
        message.success(done);
        proposal.reload();
      },
    },
  });
  const submitA = action(() => disbursementApi.submit(id), t('disb.proposal.submitted'));
  const approveA = action(() => disbursementApi.approve(id), t('disb.proposal.approved'));
  const submit = useSubmit(submitA.run, submitA.opts);
  const approve = useSubmit(approveA.run, approveA.opts);

  if (proposal.error && !p) {
    const notFound = proposal.error instanceof ApiError && proposal.error.status === 404;
    return (
      <Result
        status={notFound ? '404' : 'error'}
        title={notFound ? t('disb.proposal.notFound') : errorText(proposal.error)}
        extra={<Link to="/disbursement/proposals">{t('disb.proposals.back')}</Link>}
      />
    );
  }
  if (!p) return <Skeleton active />;
  const isHead = hasRole(user?.roles, HEADS);
  const own = p.agencyCode === user?.agencyCode;
  const preparedByMe = p.createdBy === user?.username || p.submittedBy === user?.username;
  const open = p.status === 'DRAFT' || p.status === 'SUBMITTED';

  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <PageHeader
        title={
          <Space wrap>
            <Link to="/disbursement/proposals" aria-label={t('disb.proposals.back')}>
              <Button icon={<ArrowLeftOutlined aria-hidden />} />
            </Link>
            {t('disb.proposal.title')}
            <Tag color={PROPOSAL_STATUS_COLOR[p.status]} style={{ fontSize: 14 }} data-testid="proposal-status">
              {label(PROPOSAL_STATUS_LABEL, p.status)}
            </Tag>
          </Space>
        }
        subtitle={`${standards.name(p.agencyCode, p.serviceCode)} · ${t('disb.lines.year', { year: p.fiscalYear })}`}
        onRefresh={proposal.reload}
      >
        {own && p.status === 'DRAFT' && hasRole(user?.roles, PROPOSERS) && (
          <Popconfirm
            title={t('disb.proposal.submitConfirm')}
            okText={t('common.yes')}
            cancelText={t('common.no')}
            onConfirm={() => void submit.run(undefined)}
          >
            <Button type="primary" icon={<SendOutlined aria-hidden />} loading={submit.busy}>
              {t('disb.proposal.submit')}
            </Button>
          </Popconfirm>
        )}
        {own && p.status === 'SUBMITTED' && isHead && (
          <>
            <Popconfirm
              title={t('disb.proposal.approveConfirm', { total: formatRupiah(p.total, locale), line: p.budgetLine.name })}
              okText={t('common.yes')}
              cancelText={t('common.no')}
              onConfirm={() => void approve.run(undefined)}
            >
              <Button type="primary" icon={<CheckOutlined aria-hidden />} loading={approve.busy}>
                {t('disb.proposal.approve')}
              </Button>
            </Popconfirm>
            <Button danger icon={<RollbackOutlined aria-hidden />} onClick={() => setReturning(true)}>
              {t('disb.proposal.return')}
            </Button>
          </>
        )}
        {own && p.status === 'APPROVED' && isHead && (
          <Button type="primary" icon={<FileDoneOutlined aria-hidden />} onClick={() => setDecreeing(true)}>
            {t('disb.decree.issue')}
          </Button>
        )}
        {p.decreeId && (
          <Link to={`/disbursement/decrees/${encodeURIComponent(p.decreeId)}`}>
            <Button icon={<FileDoneOutlined aria-hidden />}>{t('disb.proposal.openDecree')}</Button>
          </Link>
        )}
      </PageHeader>

      {p.status === 'SUBMITTED' && isHead && preparedByMe && <Alert type="info" showIcon title={t('disb.proposal.secondOfficer')} />}
      {p.status === 'RETURNED' && p.returnReason && (
        <Alert
          type="warning"
          showIcon
          title={t('disb.proposal.returnedBecause')}
          description={p.returnReason}
          data-testid="return-reason"
        />
      )}
      {open && !p.fitsBudget && <Alert type="error" showIcon title={t('disb.proposal.overBudget')} />}
      <ErrorAlert error={submit.error ?? approve.error} fields={PROPOSAL_FIELDS} testId="proposal-action-error" />

      <Card size="small">
        <Descriptions size="small" bordered column={{ xs: 1, md: 2, xl: 3 }} data-testid="proposal-figures">
          <Descriptions.Item label={t('disb.proposal.line')}>
            <Link to={`/disbursement/budget-lines/${encodeURIComponent(p.budgetLine.id)}`}>{p.budgetLine.name}</Link>
            <Typography.Text type="secondary"> · {label(BUDGET_SOURCE_LABEL, p.budgetLine.source)}</Typography.Text>
          </Descriptions.Item>
          <Descriptions.Item label={t('disb.proposal.count')}>{p.count}</Descriptions.Item>
          <Descriptions.Item label={t('disb.proposal.total')}>
            <Money value={p.total} strong />
          </Descriptions.Item>
          <Descriptions.Item label={t('disb.line.ceiling')}>
            <Money value={p.budgetLine.ceiling} />
          </Descriptions.Item>
          <Descriptions.Item label={t('disb.line.committed')}>
            <Money value={p.budgetLine.committed} />
          </Descriptions.Item>
          <Descriptions.Item label={t('disb.line.remaining')}>
            <Money value={p.budgetLine.remaining} strong type={open && !p.fitsBudget ? 'danger' : undefined} />
          </Descriptions.Item>
          <Descriptions.Item label={t('disb.proposal.preparedBy')}>
            {p.createdBy} · {formatDateTime(p.createdAt, locale)}
          </Descriptions.Item>
          <Descriptions.Item label={t('disb.proposal.submittedBy')}>
            {p.submittedBy ? `${p.submittedBy} · ${formatDateTime(p.submittedAt, locale)}` : '—'}
          </Descriptions.Item>
          <Descriptions.Item label={t('disb.proposal.decidedBy')}>
            {p.decidedBy ? `${p.decidedBy} · ${formatDateTime(p.decidedAt, locale)}` : '—'}
          </Descriptions.Item>
          {p.note && <Descriptions.Item label={t('disb.proposal.note')}>{p.note}</Descriptions.Item>}
        </Descriptions>
      </Card>

      <Card size="small" title={t('disb.proposal.recipients')} styles={{ body: { padding: 0 } }}>
        <Table<Item>
          rowKey="applicationId"
          size="small"
          dataSource={p.items ?? []}
          pagination={{ pageSize: 50, hideOnSinglePage: true, showTotal: (total) => t('common.total', { total }) }}
          scroll={{ x: 'max-content' }}
          columns={[
            {
              title: t('field.ticket'),
              key: 'ticket',
              render: (_: unknown, i) =>
                i.ticketNumber ? (
                  <Link to={`/intake/applications/${encodeURIComponent(i.applicationId)}`}>
                    <Typography.Text style={{ fontFamily: 'ui-monospace, monospace', fontSize: 12 }}>{i.ticketNumber}</Typography.Text>
                  </Link>
                ) : (
                  '—'
                ),
            },
            {
              title: t('disb.recipient.name'),
              dataIndex: 'name',
              render: (v: string) => <div style={{ maxWidth: 260, whiteSpace: 'normal' }}>{v}</div>,
            },
            {
              title: t('field.targetGroup'),
              key: 'group',
              render: (_: unknown, i) => standards.group(p.agencyCode, p.serviceCode, i.targetGroup),
            },
            { title: t('disb.recipient.village'), dataIndex: 'villageCode', render: (v: string | null) => v ?? '—' },
            { title: t('disb.recipient.amount'), dataIndex: 'amount', align: 'right', render: (v: string) => <Money value={v} /> },
          ]}
        />
      </Card>
      {returning && (
        <ReturnProposalDialog
          proposal={p}
          onClose={() => setReturning(false)}
          onDone={() => {
            setReturning(false);
            proposal.reload();
          }}
        />
      )}
      {decreeing && (
        <IssueDecreeDialog
          proposal={p}
          onClose={() => setDecreeing(false)}
          onDone={(d) => {
            setDecreeing(false);
            navigate(`/disbursement/decrees/${encodeURIComponent(d.id)}`);
          }}
        />
      )}
    </Space>
  );
}
