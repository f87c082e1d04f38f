// Budget lines (pagu) of one fiscal year: per line its ceiling and what is committed, requested
// at the finance office, paid, returned and remaining, in Rupiah. The agency's ADMIN opens and
// revises lines here; every revision is kept (the line's own page shows the history).
import { useMemo, useState, type HTMLAttributes } from 'react';
import type { BudgetLineView } from '@contracts';
import { Button, Card, Select, Space, Table, Typography } from 'antd';
import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import { useSession } from '../../../shared/session';
import { useI18n } from '../../../shared/i18n/I18n';
import { useLoad } from '../../../shared/useLoad';
import { useErrorText } from '../../../shared/errors/ErrorAlert';
import { hasRole } from '../../../shared/roles';
import { agencyOption, coveredAgencies } from '../../../shared/agencies';
import { Link, navigate, useSearch } from '../../../shared/router';
import { PageHeader } from '../../../shared/components/PageHeader';
import { disbursementApi } from '../api';
import { BUDGET_SOURCE_LABEL } from '../labels';
import { LINE_ADMIN } from '../roles';
import { Money } from '../components/Money';
import { OpenLineDialog, ReviseLineDialog } from '../components/LineDialog';
import { RealisationCard } from '../components/RealisationCard';
import { useStandards } from '../components/useStandards';

export default function BudgetLinesPage() {
  const { t, label, lang } = useI18n();
  const errorText = useErrorText();
  const { user } = useSession();
  const agencies = useMemo(() => coveredAgencies(user?.agencyCode), [user?.agencyCode]);
  const search = useSearch();
  const thisYear = new Date().getFullYear();
  const year = Number(search.get('year')) || thisYear;
  const [agencyCode, setAgencyCode] = useState<string | undefined>();
  const [opening, setOpening] = useState(false);
  const [revising, setRevising] = useState<BudgetLineView | null>(null);
  const lines = useLoad((signal) => disbursementApi.lines({ fiscalYear: year, agencyCode }, signal), [year, agencyCode]);
  const items = lines.data ?? [];
  const standards = useStandards(
    items.map((l) => [l.agencyCode, l.serviceCode] as const),
    lang,
  );
  const isAdmin = hasRole(user?.roles, LINE_ADMIN);
  // an admin changes only their own agency's lines (a province's admin reads its regencies')
  const own = agencies.filter((a) => a.code === user?.agencyCode);
  const years = [thisYear - 1, thisYear, thisYear + 1, ...(year < thisYear - 1 || year > thisYear + 1 ? [year] : [])].sort();

  const money = (key: keyof BudgetLineView, title: string) => ({
    title,
    key,
    align: 'right' as const,
    render: (_: unknown, l: BudgetLineView) => <Money value={String(l[key])} strong={key === 'remaining'} />,
  });

  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <PageHeader title={t('disb.lines.title')} subtitle={t('disb.lines.subtitle')} onRefresh={lines.reload}>
        {isAdmin && (
          <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setOpening(true)}>
            {t('disb.line.open')}
          </Button>
        )}
      </PageHeader>
      <Card size="small">
        <Space wrap size="middle">
          <Select
            aria-label={t('disb.line.fiscalYear')}
            style={{ width: 160 }}
            value={year}
            onChange={(y) => navigate(`/disbursement/budget-lines?year=${y}`, { replace: true })}
            options={years.map((y) => ({ value: y, label: t('disb.lines.year', { year: y }) }))}
          />
          {agencies.length > 1 && (
            <Select
              allowClear
              aria-label={t('field.agency')}
              placeholder={t('field.agency')}
              style={{ minWidth: 220 }}
              value={agencyCode}
              onChange={setAgencyCode}
              options={agencies.map(agencyOption)}
            />
          )}
        </Space>
      </Card>
      <Card styles={{ body: { padding: 0 } }}>
        <Table<BudgetLineView>
          rowKey="id"
          size="small"
          loading={lines.loading && !lines.data}
          dataSource={items}
          pagination={false}
          locale={{ emptyText: lines.error ? errorText(lines.error) : t('disb.lines.empty', { year }) }}
          onRow={(l) => ({ 'data-testid': `line-row-${l.id}` }) as HTMLAttributes<HTMLElement>}
          scroll={{ x: 'max-content' }}
          columns={[
            {
              title: t('disb.line.name'),
              key: 'name',
              render: (_: unknown, l) => (
                <div style={{ maxWidth: 240, whiteSpace: 'normal' }}>
                  <Link to={`/disbursement/budget-lines/${encodeURIComponent(l.id)}`}>
                    <Typography.Text strong>{l.name}</Typography.Text>
                  </Link>
                  <div>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {label(BUDGET_SOURCE_LABEL, l.source)} · {standards.name(l.agencyCode, l.serviceCode)}
                      {agencies.length > 1 ? ` · ${l.agencyCode}` : ''}
                    </Typography.Text>
                  </div>
                </div>
              ),
            },
            money('ceiling', t('disb.line.ceiling')),
            money('committed', t('disb.line.committed')),
            money('requested', t('disb.line.requested')),
            money('paid', t('disb.line.paid')),
            money('returned', t('disb.line.returned')),
            money('remaining', t('disb.line.remaining')),
            ...(isAdmin
              ? [
                  {
                    title: t('common.actions'),
                    key: 'actions',
                    render: (_: unknown, l: BudgetLineView) =>
                      l.agencyCode === user?.agencyCode && (
                        <Button
                          size="small"
                          icon={<EditOutlined aria-hidden />}
                          aria-label={t('disb.revise.labelFor', { name: l.name })}
                          onClick={() => setRevising(l)}
                        >
                          {t('disb.revise.button')}
                        </Button>
                      ),
                  },
                ]
              : []),
          ]}
        />
      </Card>
      <RealisationCard year={year} agencyCode={agencyCode} />
      {opening && (
        <OpenLineDialog
          agencies={own}
          fiscalYear={year}
          onClose={() => setOpening(false)}
          onDone={(l) => {
            setOpening(false);
            if (l.fiscalYear !== year) navigate(`/disbursement/budget-lines?year=${l.fiscalYear}`, { replace: true });
            lines.reload();
          }}
        />
      )}
      {revising && (
        <ReviseLineDialog
          line={revising}
          onClose={() => setRevising(null)}
          onDone={() => {
            setRevising(null);
            lines.reload();
          }}
        />
      )}
    </Space>
  );
}
