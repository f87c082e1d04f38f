// The realisation (realisasi) of a fiscal year: per budget line, programme, village of the
// recipients and month of the decree, what was decreed (committed), paid, given up (returned)
// and what is decreed but not yet paid, in Rupiah; a subtotal per agency and the total. A
// province picks itself for its regencies' roll-up, or one regency. The same as XLSX.
import { useMemo, type HTMLAttributes } from 'react';
import type { RealisationRowView } from '@contracts';
import { Button, Card, Select, Space, Table, Typography } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { useSession } from '../../../shared/session';
import { useI18n } from '../../../shared/i18n/I18n';
import { useLoad } from '../../../shared/useLoad';
import { useErrorText } from '../../../shared/errors/ErrorAlert';
import { AGENCIES, agencyOption, coveredAgencies } from '../../../shared/agencies';
import { navigate, useSearch } from '../../../shared/router';
import { PageHeader } from '../../../shared/components/PageHeader';
import { filesApi } from '../files-api';
import { BUDGET_SOURCE_LABEL } from '../labels';
import { Money } from '../components/Money';
import { FileError } from '../components/FileError';
import { useFileAction } from '../components/useFileAction';
import { useStandards } from '../components/useStandards';

const FIGURES = ['committed', 'paid', 'returned', 'remaining'] as const;
type Figures = Record<(typeof FIGURES)[number], string>;

/** `2026-12` → "Desember 2026" in the user's locale. */
function monthName(month: string, locale: string): string {
  const m = /^(\d{4})-(\d{2})$/.exec(month);
  if (!m) return month || '—';
  return new Intl.DateTimeFormat(locale, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
    new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, 1)),
  );
}

export default function RealisationPage() {
  const { t, label, lang, locale } = useI18n();
  const errorText = useErrorText();
  const { user } = useSession();
  const agencies = useMemo(() => coveredAgencies(user?.agencyCode), [user?.agencyCode]);
  const search = useSearch();
  const thisYear = new Date().getFullYear();
  const year = Number(search.get('year')) || thisYear;
  const agencyCode = search.get('agency') || undefined;
  const years = [thisYear - 1, thisYear, thisYear + 1, ...(year < thisYear - 1 || year > thisYear + 1 ? [year] : [])].sort();
  const go = (y: number, a: string | undefined) =>
    navigate(`/disbursement/realisation?year=${y}${a ? `&agency=${encodeURIComponent(a)}` : ''}`, { replace: true });

  const report = useLoad((signal) => filesApi.realisation({ fiscalYear: year, agencyCode }, signal), [year, agencyCode]);
  const r = report.data;
  const rows = r?.rows ?? [];
  const standards = useStandards(
    rows.map((x) => [x.agencyCode, x.programme] as const),
    lang,
  );
  const xlsx = useFileAction();
  const several = (r?.agencies.length ?? 0) > 1 || agencies.length > 1;
  const agencyName = (code: string) => AGENCIES.find((a) => a.code === code)?.name ?? code;
  // the figures' columns sit at the end; the summary rows span the columns before them
  const lead = several ? 5 : 4;

  const figureCells = (f: Figures, strong: boolean, from: number) =>
    FIGURES.map((k, i) => (
      <Table.Summary.Cell key={k} index={from + i} align="right">
        <Money value={f[k]} strong={strong} />
      </Table.Summary.Cell>
    ));

  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <PageHeader title={t('disb.real.title')} subtitle={t('disb.real.subtitle')} onRefresh={report.reload}>
        <Button
          icon={<DownloadOutlined aria-hidden />}
          loading={xlsx.busy === 'xlsx'}
          onClick={() => void xlsx.download('xlsx', () => filesApi.realisationXlsx({ fiscalYear: year, agencyCode }))}
        >
          {t('disb.slot.realisation.xlsx')}
        </Button>
      </PageHeader>
      <FileError error={xlsx.error} testId="realisation-xlsx-error" />
      <Card size="small">
        <Space wrap size="middle">
          <Select
            aria-label={t('disb.line.fiscalYear')}
            style={{ width: 160 }}
            value={year}
            onChange={(y) => go(y, agencyCode)}
            options={years.map((y) => ({ value: y, label: t('disb.lines.year', { year: y }) }))}
          />
          {agencies.length > 1 && (
            <Select
              allowClear
              aria-label={t('field.agency')}
              placeholder={t('disb.real.allAgencies')}
              style={{ minWidth: 260 }}
              value={agencyCode}
              onChange={(a?: string) => go(year, a)}
              options={agencies.map(agencyOption)}
            />
          )}
        </Space>
      </Card>
      <Card styles={{ body: { padding: 0 } }}>
        <Table<RealisationRowView>
          rowKey={(x) => `${x.agencyCode}|${x.budgetLineId}|${x.programme}|${x.areaCode}|${x.month}`}
          size="small"
          data-testid="realisation-table"
          loading={report.loading && !report.data}
          dataSource={rows}
          pagination={{ pageSize: 100, hideOnSinglePage: true, showTotal: (total) => t('common.total', { total }) }}
          locale={{ emptyText: report.error ? errorText(report.error) : t('disb.real.empty', { year }) }}
          onRow={(x) => ({ 'data-testid': `realisation-row-${x.budgetLineId}` }) as HTMLAttributes<HTMLElement>}
          scroll={{ x: 'max-content' }}
          columns={[
            ...(several ? [{ title: t('field.agency'), key: 'agency', render: (_: unknown, x: RealisationRowView) => x.agencyCode }] : []),
            {
              title: t('disb.real.line'),
              key: 'line',
              render: (_: unknown, x) => (
                <div style={{ maxWidth: 220, whiteSpace: 'normal' }}>
                  <div>{x.budgetLine}</div>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {label(BUDGET_SOURCE_LABEL, x.source)}
                  </Typography.Text>
                </div>
              ),
            },
            {
              title: t('disb.real.programme'),
              key: 'programme',
              render: (_: unknown, x) => (
                <div style={{ maxWidth: 200, whiteSpace: 'normal' }}>{standards.name(x.agencyCode, x.programme)}</div>
              ),
            },
            {
              title: t('disb.real.area'),
              key: 'area',
              render: (_: unknown, x) => (
                <div style={{ maxWidth: 180, whiteSpace: 'normal' }}>
                  <div>{x.areaName ?? (x.areaCode || t('disb.real.areaUnknown'))}</div>
                  {x.areaName && x.areaCode && (
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {x.areaCode}
                    </Typography.Text>
                  )}
                </div>
              ),
            },
            { title: t('disb.real.month'), key: 'month', render: (_: unknown, x) => monthName(x.month, locale) },
            ...FIGURES.map((k) => ({
              title: t(k === 'remaining' ? 'disb.real.remaining' : `disb.line.${k}`),
              key: k,
              align: 'right' as const,
              render: (_: unknown, x: RealisationRowView) => <Money value={x[k]} strong={k === 'paid'} />,
            })),
          ]}
          summary={() =>
            r && rows.length > 0 ? (
              <Table.Summary>
                {several &&
                  r.byAgency.map((a) => (
                    <Table.Summary.Row key={a.agencyCode} data-testid={`realisation-subtotal-${a.agencyCode}`}>
                      <Table.Summary.Cell index={0} colSpan={lead}>
                        {t('disb.real.subtotal', { agency: `${a.agencyCode} · ${agencyName(a.agencyCode)}` })}
                      </Table.Summary.Cell>
                      {figureCells(a, false, lead)}
                    </Table.Summary.Row>
                  ))}
                <Table.Summary.Row data-testid="realisation-total">
                  <Table.Summary.Cell index={0} colSpan={lead}>
                    <Typography.Text strong>{t('disb.real.total', { year: r.fiscalYear })}</Typography.Text>
                  </Table.Summary.Cell>
                  {figureCells(r.total, true, lead)}
                </Table.Summary.Row>
              </Table.Summary>
            ) : null
          }
        />
      </Card>
    </Space>
  );
}
