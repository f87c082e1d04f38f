// A new proposal (usulan): the officer picks a budget line, then verified applications of its
// programme waiting in the pool, and sees the total against what the line has left before
// making it. The amounts are the standard's benefit per target group; the proposal made is the
// authority (disbursement reads the standard again), and it is sent to the head from its page.
import { useMemo, useState, type HTMLAttributes } from 'react';
import type { BudgetLineView, PoolItemView } from '@contracts';
import { Alert, App, Button, Card, Col, Descriptions, Input, Row, Select, Space, Statistic, Table, Tag, Typography } from 'antd';
import { ArrowLeftOutlined, FileAddOutlined } from '@ant-design/icons';
import { useSession } from '../../../shared/session';
import { useI18n } from '../../../shared/i18n/I18n';
import { useLoad } from '../../../shared/useLoad';
import { ErrorAlert, useErrorText } from '../../../shared/errors/ErrorAlert';
import { useSubmit } from '../../../shared/forms/useSubmit';
import { formatDate } from '../../../shared/format';
import { Link, navigate, useSearch } from '../../../shared/router';
import { PageHeader } from '../../../shared/components/PageHeader';
import { disbursementApi } from '../api';
import { BUDGET_SOURCE_LABEL, PROPOSAL_FIELDS } from '../labels';
import { atMost, formatRupiah, minusRupiah, sumRupiah } from '../money';
import { Money } from '../components/Money';
import { benefitFor, useStandards } from '../components/useStandards';
import { serverPages } from '../../../shared/components/paging';

const PAGE_SIZE = 100;

export default function NewProposalPage() {
  const { t, label, lang, locale } = useI18n();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const { user } = useSession();
  const search = useSearch();
  const thisYear = new Date().getFullYear();
  // a line's page links here with its year and itself picked
  const [year, setYear] = useState(Number(search.get('year')) || thisYear);
  const [lineId, setLineId] = useState<string | undefined>(search.get('line') ?? undefined);
  const [selected, setSelected] = useState<PoolItemView[]>([]);
  const [page, setPage] = useState(1);
  const [note, setNote] = useState('');

  // lines of the officer's own agency: a proposal is made only there
  const lines = useLoad(
    (signal) => disbursementApi.lines({ fiscalYear: year, agencyCode: user?.agencyCode }, signal),
    [year, user?.agencyCode],
  );
  const line: BudgetLineView | undefined = (lines.data ?? []).find((l) => l.id === lineId);
  const pool = useLoad(
    (signal) =>
      line
        ? disbursementApi.pool(
            {
              serviceCode: line.serviceCode,
              agencyCode: line.agencyCode,
              status: 'ELIGIBLE',
              limit: PAGE_SIZE,
              offset: (page - 1) * PAGE_SIZE,
            },
            signal,
          )
        : Promise.resolve({ items: [] as PoolItemView[], total: 0 }),
    [line?.id, page],
  );
  const standards = useStandards(line ? [[line.agencyCode, line.serviceCode] as const] : [], lang);
  const standard = line ? standards.get(line.agencyCode, line.serviceCode) : null;

  // the total as the standard's benefit gives it; unknown while any picked recipient's amount is
  const amounts = selected.map((p) => benefitFor(standard, p.targetGroup));
  const estimate = amounts.every((a): a is string => a !== null) ? sumRupiah(amounts) : null;
  const left = line && estimate !== null ? minusRupiah(line.remaining, estimate) : null;
  const fits = line && estimate !== null ? atMost(estimate, line.remaining) : true;

  const create = useSubmit(
    () =>
      disbursementApi.createProposal({
        agencyCode: line!.agencyCode,
        budgetLineId: line!.id,
        applicationIds: selected.map((p) => p.applicationId),
        ...(note.trim() ? { note: note.trim() } : {}),
      }),
    {
      fields: PROPOSAL_FIELDS,
      onDone: (p) => {
        message.success(t('disb.proposal.created', { count: p.count }));
        navigate(`/disbursement/proposals/${encodeURIComponent(p.id)}`);
      },
    },
  );

  const lineOptions = useMemo(
    () =>
      (lines.data ?? []).map((l) => ({
        value: l.id,
        label: `${l.name} · ${label(BUDGET_SOURCE_LABEL, l.source)} · ${t('disb.line.remaining')} ${formatRupiah(l.remaining, locale)}`,
      })),
    [lines.data, label, t, locale],
  );

  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <PageHeader
        title={
          <Space>
            <Link to="/disbursement/proposals" aria-label={t('disb.proposals.back')}>
              <Button icon={<ArrowLeftOutlined aria-hidden />} />
            </Link>
            {t('disb.proposal.newTitle')}
          </Space>
        }
        subtitle={t('disb.proposal.newSubtitle')}
        onRefresh={pool.reload}
      />
      <Card size="small" title={t('disb.proposal.step1')}>
        <Space wrap size="middle">
          <Select
            aria-label={t('disb.line.fiscalYear')}
            style={{ width: 160 }}
            value={year}
            onChange={(y) => {
              setYear(y);
              setLineId(undefined);
              setSelected([]);
            }}
            options={[...new Set([thisYear - 1, thisYear, thisYear + 1, year])]
              .sort()
              .map((y) => ({ value: y, label: t('disb.lines.year', { year: y }) }))}
          />
          <Select
            aria-label={t('disb.proposal.line')}
            placeholder={t('disb.proposal.linePick')}
            style={{ width: 520, maxWidth: '100%' }}
            value={lineId}
            loading={lines.loading}
            notFoundContent={lines.error ? errorText(lines.error) : t('disb.lines.empty', { year })}
            onChange={(id) => {
              setLineId(id);
              setSelected([]);
              setPage(1);
            }}
            options={lineOptions}
          />
        </Space>
        {line && (
          <Descriptions size="small" style={{ marginTop: 12 }} column={{ xs: 1, md: 3 }}>
            <Descriptions.Item label={t('disb.line.programme')}>{standards.name(line.agencyCode, line.serviceCode)}</Descriptions.Item>
            <Descriptions.Item label={t('disb.line.ceiling')}>
              <Money value={line.ceiling} />
            </Descriptions.Item>
            <Descriptions.Item label={t('disb.line.remaining')}>
              <Money value={line.remaining} strong />
            </Descriptions.Item>
          </Descriptions>
        )}
      </Card>

      {line && (
        <Row gutter={[16, 16]}>
          <Col xs={24} xl={17}>
            <Card size="small" title={t('disb.proposal.step2')} styles={{ body: { padding: 0 } }}>
              <Table<PoolItemView>
                rowKey="applicationId"
                size="small"
                loading={pool.loading}
                dataSource={pool.data?.items ?? []}
                locale={{ emptyText: pool.error ? errorText(pool.error) : t('disb.pool.empty') }}
                onRow={(p) => ({ 'data-testid': `pool-row-${p.ticketNumber ?? p.applicationId}` }) as HTMLAttributes<HTMLElement>}
                rowSelection={{
                  selectedRowKeys: selected.map((p) => p.applicationId),
                  preserveSelectedRowKeys: true,
                  onChange: (_keys, rows) => setSelected(rows.filter(Boolean)),
                  getCheckboxProps: (p) => ({
                    disabled: !p.dossierReady,
                    'aria-label': t('disb.pool.pick', { name: p.name ?? p.ticketNumber ?? '' }),
                  }),
                }}
                pagination={serverPages({
                  page,
                  setPage,
                  pageSize: PAGE_SIZE,
                  total: pool.data?.total,
                  totalText: (total) => t('disb.pool.total', { total }),
                })}
                scroll={{ x: 'max-content' }}
                columns={[
                  {
                    title: t('field.ticket'),
                    key: 'ticket',
                    render: (_: unknown, p) => (
                      <Typography.Text style={{ fontFamily: 'ui-monospace, monospace', fontSize: 12 }}>
                        {p.ticketNumber ?? '—'}
                      </Typography.Text>
                    ),
                  },
                  {
                    title: t('disb.recipient.name'),
                    key: 'name',
                    render: (_: unknown, p) =>
                      p.dossierReady ? (
                        <div style={{ maxWidth: 220, whiteSpace: 'normal' }}>{p.name}</div>
                      ) : (
                        <Tag color="orange">{t('disb.pool.dossierPending')}</Tag>
                      ),
                  },
                  {
                    title: t('field.targetGroup'),
                    key: 'group',
                    render: (_: unknown, p) => standards.group(p.agencyCode, p.serviceCode ?? line.serviceCode, p.targetGroup),
                  },
                  { title: t('disb.recipient.village'), dataIndex: 'villageCode', render: (v: string | null) => v ?? '—' },
                  {
                    title: t('disb.pool.verifiedAt'),
                    dataIndex: 'verifiedAt',
                    render: (v: string) => <span style={{ whiteSpace: 'nowrap' }}>{formatDate(v, locale)}</span>,
                  },
                  {
                    title: t('disb.recipient.amount'),
                    key: 'amount',
                    align: 'right',
                    render: (_: unknown, p) => <Money value={benefitFor(standard, p.targetGroup)} />,
                  },
                ]}
              />
            </Card>
          </Col>
          <Col xs={24} xl={7}>
            <Card size="small" title={t('disb.proposal.summary')} data-testid="proposal-summary">
              <Space orientation="vertical" style={{ width: '100%' }}>
                <Statistic title={t('disb.proposal.picked')} value={selected.length} />
                <div>
                  <Typography.Text type="secondary">{t('disb.proposal.total')}</Typography.Text>
                  <div data-testid="proposal-estimate">
                    {estimate !== null ? (
                      <Money value={estimate} strong />
                    ) : (
                      <Typography.Text>{t('disb.proposal.totalUnknown')}</Typography.Text>
                    )}
                  </div>
                </div>
                <div>
                  <Typography.Text type="secondary">{t('disb.line.remaining')}</Typography.Text>
                  <div>
                    <Money value={line.remaining} />
                  </div>
                </div>
                {left !== null && (
                  <div>
                    <Typography.Text type="secondary">{t('disb.proposal.leftAfter')}</Typography.Text>
                    <div data-testid="proposal-left">
                      <Money value={left} strong type={fits ? 'success' : 'danger'} />
                    </div>
                  </div>
                )}
                {!fits && <Alert type="error" showIcon title={t('disb.proposal.overBudget')} />}
                {standard && !standard.benefitAmount?.set && <Alert type="warning" showIcon title={t('disb.proposal.benefitUnset')} />}
                <Input.TextArea
                  aria-label={t('disb.proposal.note')}
                  placeholder={t('disb.proposal.note')}
                  rows={2}
                  maxLength={2000}
                  value={note}
                  onChange={(e) => setNote(e.target.value)}
                />
                <Button
                  type="primary"
                  block
                  icon={<FileAddOutlined aria-hidden />}
                  disabled={selected.length === 0 || !fits}
                  loading={create.busy}
                  onClick={() => void create.run(undefined)}
                >
                  {t('disb.proposal.create')}
                </Button>
                <ErrorAlert error={create.error} fields={create.fields} testId="proposal-error" />
              </Space>
            </Card>
          </Col>
        </Row>
      )}
    </Space>
  );
}
