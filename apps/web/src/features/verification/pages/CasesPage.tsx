// Verification cases of the agencies the officer covers (newest first), with the applicant and
// the desa, the counts of each rule outcome and the duplicates found, filtered by status and
// searched by ticket, name, desa or a whole NIK (sent in the body, never in the URL; NIKs shown
// masked but the last 4 digits).
import { useState } from 'react';
import type { CaseListItem, CaseStatus } from '@contracts';
import { Card, Input, Select, Space, Table, Tag, Typography } from 'antd';
import { useI18n, valuesOf } from '../../../shared/i18n/I18n';
import { useLoad } from '../../../shared/useLoad';
import { useErrorText } from '../../../shared/errors/ErrorAlert';
import { formatDateTime } from '../../../shared/format';
import { Link } from '../../../shared/router';
import { PageHeader } from '../../../shared/components/PageHeader';
import { verificationApi } from '../api';
import { CASE_STATUS_LABEL, RULE_OUTCOME_LABEL, caseStatusColor } from '../labels';
import { useSession } from '../../../shared/session';
import { serviceName, useStandards } from '../components/caseWords';
import { serverPages } from '../../../shared/components/paging';

const PAGE = 20;

export default function CasesPage() {
  const { t, label, locale, lang } = useI18n();
  const errorText = useErrorText();
  const { user } = useSession();
  // services by name: the standards of the officer's agency (a covered regency's fall back to the code)
  const standards = useStandards(user?.agencyCode);
  const [status, setStatus] = useState<CaseStatus | undefined>();
  const [page, setPage] = useState(1);
  const [q, setQ] = useState('');
  const list = useLoad(
    (signal) =>
      q
        ? verificationApi.searchCases({ q, status, limit: PAGE, offset: (page - 1) * PAGE }, signal)
        : verificationApi.cases({ status, limit: PAGE, offset: (page - 1) * PAGE }, signal),
    [status, page, q],
    30_000,
  );
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <PageHeader title={t('cases.title')} onRefresh={list.reload}>
        <Input.Search
          allowClear
          type="search"
          aria-label={t('cases.search')}
          placeholder={t('cases.searchPlaceholder')}
          style={{ width: 300, maxWidth: '100%' }}
          onSearch={(v) => {
            setQ(v.trim());
            setPage(1);
          }}
        />
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
          options={valuesOf(CASE_STATUS_LABEL).map((s) => ({ value: s, label: label(CASE_STATUS_LABEL, s) }))}
        />
      </PageHeader>
      <Card styles={{ body: { padding: 0 } }}>
        <Table<CaseListItem>
          rowKey="caseId"
          size="middle"
          loading={list.loading && !list.data}
          dataSource={list.data?.items ?? []}
          locale={list.error ? { emptyText: errorText(list.error) } : { emptyText: q ? t('cases.noMatch', { q }) : t('cases.none') }}
          pagination={serverPages({
            page,
            setPage,
            pageSize: PAGE,
            total: list.data?.total,
            totalText: (total) => t('common.total', { total }),
          })}
          scroll={{ x: 'max-content' }}
          columns={[
            {
              title: t('field.ticket'),
              key: 'ticket',
              render: (_: unknown, c) => (
                <Link to={`/verification/cases/${c.caseId}`}>
                  <Typography.Text strong style={{ fontFamily: 'ui-monospace, monospace' }}>
                    {c.ticketNumber ?? c.caseId.slice(0, 8)}
                  </Typography.Text>
                </Link>
              ),
            },
            {
              title: t('cases.applicant'),
              key: 'applicant',
              render: (_: unknown, c) =>
                c.applicantName ? (
                  <div data-testid="case-applicant">
                    <div>{c.applicantName}</div>
                    <Typography.Text type="secondary" style={{ fontSize: 12, fontFamily: 'ui-monospace, monospace' }}>
                      {c.applicantNik}
                    </Typography.Text>
                  </div>
                ) : (
                  '—'
                ),
            },
            {
              title: t('cases.place'),
              key: 'place',
              render: (_: unknown, c) =>
                c.villageName || c.villageCode ? (
                  <div>
                    <div>{c.villageName ?? c.villageCode}</div>
                    {c.districtName && (
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        Kec. {c.districtName}
                      </Typography.Text>
                    )}
                  </div>
                ) : (
                  '—'
                ),
            },
            {
              title: t('field.service'),
              dataIndex: 'serviceCode',
              render: (code: string) => <span title={code}>{serviceName(standards, code, lang)}</span>,
            },
            { title: t('field.agency'), dataIndex: 'agencyCode' },
            {
              title: t('cases.status'),
              dataIndex: 'status',
              render: (s: CaseStatus) => <Tag color={caseStatusColor(s)}>{label(CASE_STATUS_LABEL, s)}</Tag>,
            },
            {
              title: t('cases.rules'),
              key: 'rules',
              render: (_: unknown, c) =>
                // a case nobody has assessed yet is waiting, not a green "Lolos: 0"
                c.rules.PASSED + c.rules.NEEDS_REVIEW + c.rules.FAILED === 0 ? (
                  <Tag data-testid="case-waiting">{t('cases.waiting')}</Tag>
                ) : (
                  <Space size={4}>
                    <Tag color="success">
                      {label(RULE_OUTCOME_LABEL, 'PASSED')}: {c.rules.PASSED}
                    </Tag>
                    {c.rules.NEEDS_REVIEW > 0 && (
                      <Tag color="warning">
                        {label(RULE_OUTCOME_LABEL, 'NEEDS_REVIEW')}: {c.rules.NEEDS_REVIEW}
                      </Tag>
                    )}
                    {c.rules.FAILED > 0 && (
                      <Tag color="error">
                        {label(RULE_OUTCOME_LABEL, 'FAILED')}: {c.rules.FAILED}
                      </Tag>
                    )}
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
