// One budget line: its figures and every revision (who, when, the ceiling, why), revised here by
// the agency's ADMIN with the version seen (a revision made meanwhile is refused, not lost).
import { useState } from 'react';
import type { BudgetLineRevisionView } from '@contracts';
import { Button, Card, Descriptions, Result, Skeleton, Space, Table, Typography } from 'antd';
import { ArrowLeftOutlined, EditOutlined, FileAddOutlined } from '@ant-design/icons';
import { useSession } from '../../../shared/session';
import { useI18n } from '../../../shared/i18n/I18n';
import { useLoad } from '../../../shared/useLoad';
import { useErrorText } from '../../../shared/errors/ErrorAlert';
import { ApiError } from '../../../shared/api/client';
import { hasRole } from '../../../shared/roles';
import { formatDateTime } from '../../../shared/format';
import { Link, navigate } from '../../../shared/router';
import { PageHeader } from '../../../shared/components/PageHeader';
import { disbursementApi } from '../api';
import { BUDGET_SOURCE_LABEL } from '../labels';
import { LINE_ADMIN, PROPOSERS } from '../roles';
import { Money } from '../components/Money';
import { ReviseLineDialog } from '../components/LineDialog';
import { useStandards } from '../components/useStandards';

export default function BudgetLinePage({ id }: { id: string }) {
  const { t, label, lang, locale } = useI18n();
  const errorText = useErrorText();
  const { user } = useSession();
  const line = useLoad((signal) => disbursementApi.line(id, signal), [id]);
  const [revising, setRevising] = useState(false);
  const l = line.data;
  const standards = useStandards(l ? [[l.agencyCode, l.serviceCode] as const] : [], lang);

  if (line.error && !l) {
    const notFound = line.error instanceof ApiError && line.error.status === 404;
    return (
      <Result
        status={notFound ? '404' : 'error'}
        title={notFound ? t('disb.line.notFound') : errorText(line.error)}
        extra={<Link to="/disbursement/budget-lines">{t('disb.lines.back')}</Link>}
      />
    );
  }
  if (!l) return <Skeleton active />;
  // the first version's reason is the line's note, or disbursement's own word "opened"
  const reasonWords = (reason: string | null, version: number) =>
    version === 1 ? (reason && reason !== 'opened' ? `${t('disb.history.opened')}: ${reason}` : t('disb.history.opened')) : (reason ?? '—');
  const canRevise = hasRole(user?.roles, LINE_ADMIN) && l.agencyCode === user?.agencyCode;

  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <PageHeader
        title={
          <Space>
            <Link to={`/disbursement/budget-lines?year=${l.fiscalYear}`} aria-label={t('disb.lines.back')}>
              <Button icon={<ArrowLeftOutlined aria-hidden />} />
            </Link>
            {l.name}
          </Space>
        }
        subtitle={`${label(BUDGET_SOURCE_LABEL, l.source)} · ${t('disb.lines.year', { year: l.fiscalYear })}`}
        onRefresh={line.reload}
      >
        {hasRole(user?.roles, PROPOSERS) && l.agencyCode === user?.agencyCode && (
          <Button
            icon={<FileAddOutlined aria-hidden />}
            onClick={() => navigate(`/disbursement/proposals/new?year=${l.fiscalYear}&line=${encodeURIComponent(l.id)}`)}
          >
            {t('disb.line.propose')}
          </Button>
        )}
        {canRevise && (
          <Button type="primary" icon={<EditOutlined aria-hidden />} onClick={() => setRevising(true)}>
            {t('disb.revise.button')}
          </Button>
        )}
      </PageHeader>
      <Card size="small">
        <Descriptions size="small" bordered column={{ xs: 1, md: 2, xl: 3 }} data-testid="line-figures">
          <Descriptions.Item label={t('disb.line.programme')}>{standards.name(l.agencyCode, l.serviceCode)}</Descriptions.Item>
          <Descriptions.Item label={t('field.agency')}>{l.agencyCode}</Descriptions.Item>
          <Descriptions.Item label={t('field.version')}>{l.version}</Descriptions.Item>
          <Descriptions.Item label={t('disb.line.ceiling')}>
            <Money value={l.ceiling} strong />
          </Descriptions.Item>
          <Descriptions.Item label={t('disb.line.committed')}>
            <Money value={l.committed} />
          </Descriptions.Item>
          <Descriptions.Item label={t('disb.line.remaining')}>
            <Money value={l.remaining} strong />
          </Descriptions.Item>
          <Descriptions.Item label={t('disb.line.requested')}>
            <Money value={l.requested} />
          </Descriptions.Item>
          <Descriptions.Item label={t('disb.line.paid')}>
            <Money value={l.paid} />
          </Descriptions.Item>
          <Descriptions.Item label={t('disb.line.returned')}>
            <Money value={l.returned} />
          </Descriptions.Item>
        </Descriptions>
        <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
          {t('disb.line.explain')}
        </Typography.Paragraph>
      </Card>
      <Card size="small" title={t('disb.line.history')} styles={{ body: { padding: 0 } }}>
        <Table<BudgetLineRevisionView>
          rowKey="version"
          size="small"
          pagination={false}
          dataSource={[...l.revisions].sort((a, b) => b.version - a.version)}
          data-testid="line-history"
          scroll={{ x: 'max-content' }}
          columns={[
            { title: t('field.version'), dataIndex: 'version', width: 80 },
            {
              title: t('disb.history.when'),
              dataIndex: 'changedAt',
              render: (v: string) => <span style={{ whiteSpace: 'nowrap' }}>{formatDateTime(v, locale)}</span>,
            },
            { title: t('disb.history.who'), dataIndex: 'changedBy' },
            { title: t('disb.line.ceiling'), dataIndex: 'ceiling', align: 'right', render: (v: string) => <Money value={v} /> },
            { title: t('disb.line.name'), dataIndex: 'name' },
            {
              title: t('disb.history.why'),
              dataIndex: 'reason',
              render: (v: string | null, r) => <div style={{ maxWidth: 360, whiteSpace: 'normal' }}>{reasonWords(v, r.version)}</div>,
            },
          ]}
        />
      </Card>
      {revising && (
        <ReviseLineDialog
          line={l}
          onClose={() => setRevising(false)}
          onDone={() => {
            setRevising(false);
            line.reload();
          }}
        />
      )}
    </Space>
  );
}
