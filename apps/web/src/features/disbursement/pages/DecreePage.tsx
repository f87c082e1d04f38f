// One decree (SK): its number, date, signatory, programme and total; the registered scan's
// reference; each recipient with their amount and how their money went (waiting, requested,
// paid with the SP2D, failed with the bank's reason, given up); the requests to the finance
// office with their settlements. The treasurer (bendahara) requests the unpaid recipients,
// corrects a failed one's bank account or gives them up. The distribution schedule per village
// and the handover (BAST) of each paid recipient have their tab; tabs are kept for the decree's
// PDF and XLSX and the bank's files.
import { useState, type HTMLAttributes } from 'react';
import type { DecreeView } from '@contracts';
import { App, Button, Card, Descriptions, Popconfirm, Result, Skeleton, Space, Table, Tabs, Tag, Typography } from 'antd';
import { ArrowLeftOutlined, EditOutlined, ScanOutlined, SendOutlined, StopOutlined } from '@ant-design/icons';
import { useSession } from '../../../shared/session';
import { useI18n } from '../../../shared/i18n/I18n';
import { useLoad } from '../../../shared/useLoad';
import { ErrorAlert, useErrorText } from '../../../shared/errors/ErrorAlert';
import { useSubmit } from '../../../shared/forms/useSubmit';
import { ApiError } from '../../../shared/api/client';
import { hasRole } from '../../../shared/roles';
import { formatDateTime, formatDay } from '../../../shared/format';
import { Link } from '../../../shared/router';
import { PageHeader } from '../../../shared/components/PageHeader';
import { disbursementApi } from '../api';
import { BUDGET_SOURCE_LABEL, DECREE_FIELDS, LINE_STATUS_COLOR, LINE_STATUS_LABEL } from '../labels';
import { DISTRIBUTORS, SCAN_RECORDERS, TREASURER } from '../roles';
import { formatRupiah, sumRupiah } from '../money';
import { Money } from '../components/Money';
import { LineStatusTags } from '../components/LineStatusTags';
import { RequestCard } from '../components/RequestCard';
import { DecreeDocuments } from '../components/DecreeDocuments';
import { AccountOpeningCard, BankAnswerCard, PaymentFileCard } from '../components/BankFiles';
import { CorrectDialog, GiveUpDialog, ScanDialog } from '../components/DecreeDialogs';
import { useStandards } from '../components/useStandards';
import { ScheduleCard } from '../components/ScheduleCard';
import { HandoverCard } from '../components/HandoverCard';

type Recipient = NonNullable<DecreeView['recipients']>[number];

export default function DecreePage({ id }: { id: string }) {
  const { t, label, lang, locale } = useI18n();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const { user } = useSession();
  const decree = useLoad((signal) => disbursementApi.decree(id, signal), [id]);
  const d = decree.data;
  const standards = useStandards(d ? [[d.agencyCode, d.serviceCode] as const] : [], lang);
  const [scanning, setScanning] = useState(false);
  const [correcting, setCorrecting] = useState<Recipient | null>(null);
  const [givingUp, setGivingUp] = useState<Recipient | null>(null);
  const request = useSubmit(() => disbursementApi.request(id), {
    fields: DECREE_FIELDS,
    onDone: (r) => {
      message.success(t('disb.request.done', { count: r.count, total: formatRupiah(r.total, locale) }));
      decree.reload();
    },
  });

  if (decree.error && !d) {
    const notFound = decree.error instanceof ApiError && decree.error.status === 404;
    return (
      <Result
        status={notFound ? '404' : 'error'}
        title={notFound ? t('disb.decree.notFound') : errorText(decree.error)}
        extra={<Link to="/disbursement/decrees">{t('disb.decrees.back')}</Link>}
      />
    );
  }
  if (!d) return <Skeleton active />;
  const own = d.agencyCode === user?.agencyCode;
  const treasurer = own && hasRole(user?.roles, TREASURER);
  const distributor = own && hasRole(user?.roles, DISTRIBUTORS);
  const toRequest = [d.lines.PENDING, d.lines.FAILED].filter(Boolean);
  const toRequestCount = toRequest.reduce((n, x) => n + x.count, 0);
  const toRequestAmount = sumRupiah(toRequest.map((x) => x.amount));

  const recipients = (
    <Table<Recipient>
      rowKey="applicationId"
      size="small"
      dataSource={d.recipients ?? []}
      onRow={(r) => ({ 'data-testid': `recipient-${r.ticketNumber ?? r.applicationId}` }) as HTMLAttributes<HTMLElement>}
      pagination={{ pageSize: 50, hideOnSinglePage: true, showTotal: (total) => t('common.total', { total }) }}
      scroll={{ x: 'max-content' }}
      columns={[
        {
          title: t('field.ticket'),
          key: 'ticket',
          // a long ticket wraps at its hyphens, so that at 1366 px the status, outcome and actions stay in view
          render: (_: unknown, r) => (
            <div style={{ maxWidth: 150, whiteSpace: 'normal' }}>
              <Typography.Text style={{ fontFamily: 'ui-monospace, monospace', fontSize: 12 }}>{r.ticketNumber ?? '—'}</Typography.Text>
            </div>
          ),
        },
        {
          title: t('disb.recipient.name'),
          key: 'name',
          render: (_: unknown, r) => (
            <div style={{ maxWidth: 180, whiteSpace: 'normal' }}>
              <div>{r.name}</div>
              {r.bankAccount && (
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {t('disb.recipient.accountShort', { account: r.bankAccount })}
                </Typography.Text>
              )}
            </div>
          ),
        },
        { title: t('disb.recipient.amount'), dataIndex: 'amount', align: 'right', render: (v: string) => <Money value={v} /> },
        {
          title: t('field.status'),
          key: 'status',
          render: (_: unknown, r) => (
            <Tag color={LINE_STATUS_COLOR[r.status]} data-testid="recipient-status">
              {label(LINE_STATUS_LABEL, r.status)}
            </Tag>
          ),
        },
        {
          title: t('disb.recipient.outcome'),
          key: 'outcome',
          render: (_: unknown, r) => (
            <div style={{ maxWidth: 200, whiteSpace: 'normal' }}>
              {r.sp2dNumber ? t('disb.recipient.sp2d', { sp2d: r.sp2dNumber }) : r.reason ? r.reason : '—'}
            </div>
          ),
        },
        ...(treasurer
          ? [
              {
                title: t('common.actions'),
                key: 'actions',
                render: (_: unknown, r: Recipient) =>
                  (r.status === 'FAILED' || r.status === 'PENDING') && (
                    <Space size={4} orientation="vertical">
                      <Button size="small" icon={<EditOutlined aria-hidden />} onClick={() => setCorrecting(r)}>
                        {t('disb.correct.button')}
                      </Button>
                      {r.status === 'FAILED' && (
                        <Button size="small" danger icon={<StopOutlined aria-hidden />} onClick={() => setGivingUp(r)}>
                          {t('disb.giveUp.button')}
                        </Button>
                      )}
                    </Space>
                  ),
              },
            ]
          : []),
      ]}
    />
  );

  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <PageHeader
        title={
          <Space wrap>
            <Link to="/disbursement/decrees" aria-label={t('disb.decrees.back')}>
              <Button icon={<ArrowLeftOutlined aria-hidden />} />
            </Link>
            <span data-testid="decree-number">{t('disb.decree.titleOf', { number: d.decreeNumber })}</span>
          </Space>
        }
        subtitle={`${standards.name(d.agencyCode, d.serviceCode)} · ${t('disb.lines.year', { year: d.fiscalYear })}`}
        onRefresh={decree.reload}
      >
        {own && hasRole(user?.roles, SCAN_RECORDERS) && (
          <Button icon={<ScanOutlined aria-hidden />} onClick={() => setScanning(true)}>
            {d.scanRef ? t('disb.scan.change') : t('disb.scan.record')}
          </Button>
        )}
        {treasurer && (
          <Popconfirm
            title={t('disb.request.confirm', { count: toRequestCount, total: formatRupiah(toRequestAmount, locale) })}
            okText={t('common.yes')}
            cancelText={t('common.no')}
            onConfirm={() => void request.run(undefined)}
            disabled={toRequestCount === 0}
          >
            <Button type="primary" icon={<SendOutlined aria-hidden />} loading={request.busy} disabled={toRequestCount === 0}>
              {t('disb.request.button')}
            </Button>
          </Popconfirm>
        )}
      </PageHeader>
      <ErrorAlert error={request.error} fields={DECREE_FIELDS} testId="request-error" />

      <Card size="small">
        <Descriptions size="small" bordered column={{ xs: 1, md: 2, xl: 3 }} data-testid="decree-figures">
          <Descriptions.Item label={t('disb.decree.number')}>{d.decreeNumber}</Descriptions.Item>
          <Descriptions.Item label={t('disb.decree.date')}>{formatDay(`${d.decreeDate}T00:00:00`, locale)}</Descriptions.Item>
          <Descriptions.Item label={t('disb.decree.signatory')}>{d.signatory}</Descriptions.Item>
          <Descriptions.Item label={t('disb.proposal.count')}>{d.count}</Descriptions.Item>
          <Descriptions.Item label={t('disb.proposal.total')}>
            <Money value={d.total} strong />
          </Descriptions.Item>
          <Descriptions.Item label={t('disb.line.source')}>{label(BUDGET_SOURCE_LABEL, d.budgetLineSource)}</Descriptions.Item>
          <Descriptions.Item label={t('disb.decree.issuedBy')}>
            {d.issuedBy} · {formatDateTime(d.issuedAt, locale)}
          </Descriptions.Item>
          <Descriptions.Item label={t('disb.decree.scanRef')}>
            {d.scanRef ? <span data-testid="decree-scan">{d.scanRef}</span> : <Tag>{t('disb.decree.scanMissing')}</Tag>}
          </Descriptions.Item>
          <Descriptions.Item label={t('disb.decree.progress')}>
            <LineStatusTags lines={d.lines} />
          </Descriptions.Item>
          <Descriptions.Item label={t('disb.decree.proposal')}>
            <Link to={`/disbursement/proposals/${encodeURIComponent(d.proposalId)}`}>{t('disb.decree.openProposal')}</Link>
          </Descriptions.Item>
          <Descriptions.Item label={t('disb.proposal.line')}>
            <Link to={`/disbursement/budget-lines/${encodeURIComponent(d.budgetLineId)}`}>{t('disb.decree.openLine')}</Link>
          </Descriptions.Item>
        </Descriptions>
      </Card>

      <Card size="small" styles={{ body: { paddingTop: 0 } }}>
        <Tabs
          items={[
            { key: 'recipients', label: t('disb.tab.recipients'), children: recipients },
            {
              key: 'requests',
              label: t('disb.tab.requests', { n: d.requests.length }),
              children: d.requests.length ? (
                <Space orientation="vertical" style={{ width: '100%' }}>
                  {d.requests.map((r, i) => (
                    <RequestCard key={r.requestId} request={r} index={i} />
                  ))}
                </Space>
              ) : (
                <Typography.Paragraph type="secondary">{t('disb.request.none')}</Typography.Paragraph>
              ),
            },
            {
              key: 'documents',
              label: t('disb.tab.documents'),
              children: <DecreeDocuments decree={d} />,
            },
            {
              key: 'bank',
              label: t('disb.tab.bank'),
              children: (
                <Space orientation="vertical" style={{ width: '100%' }}>
                  <AccountOpeningCard decree={d} />
                  <BankAnswerCard decree={d} onImported={decree.reload} />
                  <PaymentFileCard decree={d} />
                </Space>
              ),
            },
            {
              key: 'handover',
              label: t('disb.tab.handover'),
              children: (
                <Space orientation="vertical" style={{ width: '100%' }}>
                  <ScheduleCard decreeId={d.id} canChange={distributor} />
                  <HandoverCard decree={d} canRecord={distributor} />
                </Space>
              ),
            },
          ]}
        />
      </Card>
      {scanning && (
        <ScanDialog
          decree={d}
          onClose={() => setScanning(false)}
          onDone={() => {
            setScanning(false);
            decree.reload();
          }}
        />
      )}
      {correcting && (
        <CorrectDialog
          decree={d}
          recipient={correcting}
          onClose={() => setCorrecting(null)}
          onDone={() => {
            setCorrecting(null);
            decree.reload();
          }}
        />
      )}
      {givingUp && (
        <GiveUpDialog
          decree={d}
          recipient={givingUp}
          onClose={() => setGivingUp(null)}
          onDone={() => {
            setGivingUp(null);
            decree.reload();
          }}
        />
      )}
    </Space>
  );
}
