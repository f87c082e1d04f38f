// The front office's queue: applications of the agencies the officer covers, least time left
// first (intake orders them: overdue ones on top, then the closed ones), with filters by
// status, service, due soon and overdue, and a search by ticket, name or NIK.
import { useMemo, useState, type HTMLAttributes } from 'react';
import type { ApplicationListItem } from '@contracts';
import { Button, Card, Checkbox, Input, Select, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useSession } from '../../../shared/session';
import { useI18n } from '../../../shared/i18n/I18n';
import { loc } from '../../../shared/i18n/localized';
import { useLoad } from '../../../shared/useLoad';
import { useErrorText } from '../../../shared/errors/ErrorAlert';
import { formatDate } from '../../../shared/format';
import { Link, navigate } from '../../../shared/router';
import { FILING, hasRole } from '../../../shared/roles';
import { agencyOption, coveredAgencies } from '../../../shared/agencies';
import TimeLeft from '../../../shared/components/TimeLeft';
import { PageHeader } from '../../../shared/components/PageHeader';
import { intakeApi } from '../api';
import { statusColor } from '../labels';

const PAGE_SIZE = 20;

interface Filters {
  status: string[];
  serviceCode?: string;
  agencyCode?: string;
  dueSoon: boolean;
  overdue: boolean;
  q: string;
}

export default function QueuePage() {
  const { t, lang, locale } = useI18n();
  const errorText = useErrorText();
  const { user } = useSession();
  const agencies = useMemo(() => coveredAgencies(user?.agencyCode), [user?.agencyCode]);
  const [page, setPage] = useState({ current: 1, size: PAGE_SIZE });
  const [filters, setFilters] = useState<Filters>({ status: [], dueSoon: false, overdue: false, q: '' });
  const set = (patch: Partial<Filters>) => {
    setFilters((f) => ({ ...f, ...patch }));
    setPage((p) => ({ ...p, current: 1 }));
  };

  // the standards of the covered agencies: services to filter by, and the statuses they know
  const standards = useLoad((signal) => intakeApi.standards({}, signal), []);
  const mine = (standards.data ?? []).filter((s) => agencies.some((a) => a.code === s.agencyCode));
  const serviceOptions = [...new Map(mine.map((s) => [s.code, { value: s.code, label: `${loc(s.name, lang)} (${s.code})` }])).values()];
  const statusOptions = [
    ...new Map(
      mine.flatMap((s) => s.lifecycle.statuses).map((st) => [st.code, { value: st.code, label: loc(st.name, lang, st.code) }]),
    ).values(),
  ];

  const list = useLoad(
    (signal) =>
      intakeApi.queue(
        {
          status: filters.status.length ? filters.status.join(',') : undefined,
          serviceCode: filters.serviceCode,
          agencyCode: filters.agencyCode,
          dueSoon: filters.dueSoon || undefined,
          overdue: filters.overdue || undefined,
          q: filters.q.trim() || undefined,
          limit: page.size,
          offset: (page.current - 1) * page.size,
        },
        signal,
      ),
    [filters, page.current, page.size],
    60_000,
  );

  const canFile = hasRole(user?.roles, FILING);

  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <PageHeader title={t('queue.title')} onRefresh={list.reload}>
        {canFile && (
          <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => navigate('/intake/new')}>
            {t('nav.intake.new')}
          </Button>
        )}
      </PageHeader>
      <Card size="small">
        <Space wrap size="middle">
          <Input.Search
            allowClear
            placeholder={t('queue.search')}
            aria-label={t('queue.search')}
            onSearch={(q) => set({ q })}
            style={{ width: 280 }}
          />
          {agencies.length > 1 && (
            <Select
              allowClear
              aria-label={t('field.agency')}
              placeholder={t('field.agency')}
              style={{ minWidth: 200 }}
              value={filters.agencyCode}
              onChange={(agencyCode) => set({ agencyCode })}
              options={agencies.map(agencyOption)}
            />
          )}
          <Select
            allowClear
            aria-label={t('field.service')}
            placeholder={t('field.service')}
            style={{ minWidth: 220 }}
            value={filters.serviceCode}
            onChange={(serviceCode) => set({ serviceCode })}
            options={serviceOptions}
          />
          <Select
            mode="multiple"
            allowClear
            aria-label={t('field.status')}
            placeholder={t('field.status')}
            style={{ minWidth: 220 }}
            value={filters.status}
            onChange={(status) => set({ status })}
            options={statusOptions}
            maxTagCount="responsive"
          />
          <Checkbox checked={filters.dueSoon} onChange={(e) => set({ dueSoon: e.target.checked })}>
            {t('queue.dueSoon')}
          </Checkbox>
          <Checkbox checked={filters.overdue} onChange={(e) => set({ overdue: e.target.checked })}>
            {t('queue.overdue')}
          </Checkbox>
        </Space>
      </Card>
      <Card styles={{ body: { padding: 0 } }}>
        <Table<ApplicationListItem>
          rowKey="applicationId"
          size="small"
          loading={list.loading && !list.data}
          dataSource={list.data?.items ?? []}
          rowClassName={(r) => (r.overdue ? 'sigap-row-overdue' : '')}
          locale={list.error ? { emptyText: errorText(list.error) } : { emptyText: t('queue.empty') }}
          onRow={(r) => ({ 'data-testid': `queue-row-${r.ticketNumber ?? r.applicationId}` }) as HTMLAttributes<HTMLElement>}
          pagination={{
            current: page.current,
            pageSize: page.size,
            total: list.data?.total ?? 0,
            showTotal: (total) => t('common.total', { total }),
            onChange: (current, size) => setPage((p) => ({ current: size === p.size ? current : 1, size })),
          }}
          scroll={{ x: 'max-content' }}
          // the columns the queue exists for (deadline, time left) come first, right after the ticket;
          // long names and services wrap or cut inside a bounded width, so at 1366 px all fit
          columns={[
            {
              title: t('field.ticket'),
              key: 'ticket',
              render: (_: unknown, r) => (
                <div style={{ maxWidth: 170 }}>
                  <Link to={`/intake/applications/${encodeURIComponent(r.applicationId)}`}>
                    <Typography.Text strong style={{ fontFamily: 'ui-monospace, monospace', fontSize: 13 }}>
                      {r.ticketNumber ?? t('queue.noTicket')}
                    </Typography.Text>
                  </Link>
                </div>
              ),
            },
            {
              title: t('queue.dueAt'),
              dataIndex: 'dueAt',
              render: (v: string | null) => <span style={{ whiteSpace: 'nowrap' }}>{formatDate(v, locale)}</span>,
            },
            {
              title: t('queue.timeLeft'),
              key: 'timeLeft',
              render: (_: unknown, r) => <TimeLeft timeLeft={r.timeLeft} open={r.open} overdue={r.overdue} />,
            },
            {
              title: t('field.status'),
              key: 'status',
              render: (_: unknown, r) => (
                <Tag color={statusColor(r.status)} style={{ whiteSpace: 'normal', maxWidth: 160 }}>
                  {loc(r.statusName, lang, r.status)}
                </Tag>
              ),
            },
            {
              title: t('queue.applicant'),
              key: 'applicant',
              render: (_: unknown, r) => (
                <div style={{ maxWidth: 220, whiteSpace: 'normal', overflowWrap: 'normal' }}>
                  <div>{r.applicantName}</div>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {r.applicantNik}
                    {r.beneficiaryName ? ` · ${t('queue.beneficiary')}: ${r.beneficiaryName}` : ''}
                  </Typography.Text>
                </div>
              ),
            },
            {
              title: t('field.service'),
              key: 'service',
              render: (_: unknown, r) => (
                <Tooltip title={loc(r.serviceName, lang, r.serviceCode)}>
                  <Typography.Text ellipsis style={{ maxWidth: 180 }}>
                    {loc(r.serviceName, lang, r.serviceCode)}
                  </Typography.Text>
                </Tooltip>
              ),
            },
            {
              title: t('queue.filedAt'),
              dataIndex: 'filedAt',
              render: (v: string) => <span style={{ whiteSpace: 'nowrap' }}>{formatDate(v, locale)}</span>,
            },
            ...(agencies.length > 1 ? [{ title: t('field.agency'), dataIndex: 'agencyCode' }] : []),
          ]}
        />
      </Card>
    </Space>
  );
}
