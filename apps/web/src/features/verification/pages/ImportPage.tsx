// One registry import: its progress while it runs (polled each second), then its outcome,
// every rejected row (row number, column, reason; paged) and the snapshot it made, with a link
// to what changed since the previous one.
import { useState } from 'react';
import type { RegistryImportErrorsPage, RegistryRowError } from '@contracts';
import {
  Alert,
  Button,
  Card,
  Col,
  Descriptions,
  Popconfirm,
  Progress,
  Result,
  Row,
  Skeleton,
  Space,
  Statistic,
  Table,
  Tag,
  Typography,
} from 'antd';
import { ArrowLeftOutlined, DiffOutlined } from '@ant-design/icons';
import { ApiError } from '../../../shared/api/client';
import { useI18n } from '../../../shared/i18n/I18n';
import { useLoad } from '../../../shared/useLoad';
import { useErrorText } from '../../../shared/errors/ErrorAlert';
import { ruleText } from '../../../shared/errors/describe';
import { ruleInIndonesian } from '../../../shared/errors/field-rules';
import { formatDateTime, formatNumber } from '../../../shared/format';
import { Link } from '../../../shared/router';
import { verificationApi } from '../api';
import { IMPORT_STATUS_LABEL, importRunning, importStatusColor } from '../labels';
import { serverPages } from '../../../shared/components/paging';

const ERRORS_PAGE = 20;

export default function ImportPage({ id }: { id: string }) {
  const { t, label, lang, locale } = useI18n();
  const errorText = useErrorText();
  const [running, setRunning] = useState(true);
  const imp = useLoad(
    (signal) =>
      verificationApi.import(id, signal).then((v) => {
        setRunning(importRunning(v.status));
        return v;
      }),
    [id],
    running ? 1000 : undefined,
  );
  const [page, setPage] = useState(1);
  const [deciding, setDeciding] = useState<unknown>(undefined);
  const decide = (act: (id: string) => Promise<unknown>) =>
    act(id).then(
      () => (setDeciding(undefined), imp.reload()),
      (e: unknown) => setDeciding(e),
    );
  const finished = imp.data && !importRunning(imp.data.status);
  // why an import failed, as verification states it: in Indonesian where the rule is known, else only in English
  const failureText = (failure: string) => (lang === 'en' ? failure : (ruleInIndonesian(failure) ?? undefined));
  const errors = useLoad(
    (signal) =>
      finished
        ? verificationApi.importErrors(id, { limit: ERRORS_PAGE, offset: (page - 1) * ERRORS_PAGE }, signal)
        : Promise.resolve<RegistryImportErrorsPage>({ items: [], total: 0, limit: ERRORS_PAGE, offset: 0 }),
    [id, page, finished],
  );

  if (imp.error && !imp.data) {
    const notFound = imp.error instanceof ApiError && imp.error.status === 404;
    return (
      <Result
        status={notFound ? '404' : 'error'}
        title={notFound ? t('registry.importNotFound') : errorText(imp.error)}
        extra={<Link to="/verification/registry">{t('registry.back')}</Link>}
      />
    );
  }
  if (!imp.data) return <Skeleton active />;
  const i = imp.data;
  const done = i.status === 'COMPLETED';
  const percentAccepted = i.rowsRead ? Math.round((i.rowsAccepted / i.rowsRead) * 100) : 0;

  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Space align="center" wrap>
        <Link to="/verification/registry" aria-label={t('registry.back')}>
          <Button icon={<ArrowLeftOutlined aria-hidden />} />
        </Link>
        <Typography.Title level={2} style={{ margin: 0 }}>
          {t('registry.importTitle', { file: i.fileName ?? i.importId })}
        </Typography.Title>
        <Tag color={importStatusColor(i.status)} data-testid="import-status">
          {label(IMPORT_STATUS_LABEL, i.status)}
        </Tag>
      </Space>
      <Card>
        <Progress
          percent={done ? 100 : i.status === 'FAILED' ? 100 : 0}
          status={importRunning(i.status) ? 'active' : i.status === 'FAILED' ? 'exception' : 'success'}
          showInfo={!importRunning(i.status)}
          aria-label={t('registry.progress')}
        />
        {importRunning(i.status) && (
          <Typography.Text type="secondary" data-testid="import-progress">
            {t('registry.readSoFar', { rows: formatNumber(i.rowsRead, locale) })}
          </Typography.Text>
        )}
        <Row gutter={16} style={{ marginTop: 16 }}>
          <Col xs={12} md={6}>
            <Statistic title={t('registry.rowsRead')} value={formatNumber(i.rowsRead, locale)} />
          </Col>
          <Col xs={12} md={6}>
            <Statistic
              title={t('registry.rowsAccepted')}
              value={formatNumber(i.rowsAccepted, locale)}
              styles={{ content: { color: '#0b6e4f' } }}
            />
          </Col>
          <Col xs={12} md={6}>
            <Statistic
              title={t('registry.rowsRejected')}
              value={formatNumber(i.rowsRejected, locale)}
              styles={{ content: { color: i.rowsRejected ? '#cf1322' : undefined } }}
            />
          </Col>
          <Col xs={12} md={6}>
            <Statistic title={t('registry.acceptedShare')} value={done ? `${percentAccepted}%` : '—'} />
          </Col>
        </Row>
        {i.status === 'AWAITING_CONFIRMATION' && (
          <Alert
            style={{ marginTop: 16 }}
            type="warning"
            showIcon
            data-testid="import-held"
            title={t('registry.held')}
            description={
              <Space orientation="vertical">
                <span>{t('registry.heldWhy')}</span>
                {deciding !== undefined && <Typography.Text type="danger">{errorText(deciding)}</Typography.Text>}
                <Space wrap>
                  {i.snapshotId && (
                    <Link to={`/verification/registry/snapshots/${encodeURIComponent(i.snapshotId)}`}>
                      <Button icon={<DiffOutlined aria-hidden />}>{t('registry.viewDiff')}</Button>
                    </Link>
                  )}
                  <Popconfirm title={t('registry.confirmAsk')} onConfirm={() => decide(verificationApi.confirmImport)}>
                    <Button type="primary">{t('registry.confirm')}</Button>
                  </Popconfirm>
                  <Popconfirm title={t('registry.discardAsk')} onConfirm={() => decide(verificationApi.discardImport)}>
                    <Button danger>{t('registry.discard')}</Button>
                  </Popconfirm>
                </Space>
              </Space>
            }
          />
        )}
        {i.status === 'FAILED' && (
          <Alert
            style={{ marginTop: 16 }}
            type="error"
            showIcon
            title={t('registry.failed')}
            description={i.failure ? failureText(i.failure) : undefined}
          />
        )}
        <Descriptions style={{ marginTop: 16 }} size="small" column={{ xs: 1, md: 3 }} bordered>
          <Descriptions.Item label={t('field.agency')}>{i.agencyCode}</Descriptions.Item>
          <Descriptions.Item label={t('registry.format')}>{i.format}</Descriptions.Item>
          <Descriptions.Item label={t('registry.by')}>{i.createdBy}</Descriptions.Item>
          {i.label && <Descriptions.Item label={t('registry.label')}>{i.label}</Descriptions.Item>}
          <Descriptions.Item label={t('registry.createdAt')}>{formatDateTime(i.createdAt, locale)}</Descriptions.Item>
          <Descriptions.Item label={t('registry.startedAt')}>{formatDateTime(i.startedAt, locale)}</Descriptions.Item>
          <Descriptions.Item label={t('registry.finishedAt')}>{formatDateTime(i.finishedAt, locale)}</Descriptions.Item>
        </Descriptions>
        {i.snapshotId && done && (
          <div style={{ marginTop: 16 }}>
            <Link to={`/verification/registry/snapshots/${encodeURIComponent(i.snapshotId)}`}>
              <Button type="primary" icon={<DiffOutlined aria-hidden />}>
                {t('registry.viewDiff')}
              </Button>
            </Link>
          </div>
        )}
      </Card>
      {finished && (
        <Card
          title={t('registry.errorReport', { total: formatNumber(i.rowsRejected, locale) })}
          styles={{ body: { padding: 0 } }}
          data-testid="row-errors"
        >
          <Table<RegistryRowError>
            rowKey={(e) => `${e.row}-${e.field}-${e.message}`}
            size="small"
            loading={errors.loading}
            dataSource={errors.data?.items ?? []}
            locale={errors.error ? { emptyText: errorText(errors.error) } : { emptyText: t('registry.noErrors') }}
            pagination={serverPages({
              page,
              setPage,
              pageSize: ERRORS_PAGE,
              total: errors.data?.total,
              totalText: (total) => t('common.total', { total }),
            })}
            columns={[
              { title: t('registry.row'), dataIndex: 'row', width: 100 },
              {
                title: t('registry.field'),
                dataIndex: 'field',
                width: 180,
                render: (f: string) => <Typography.Text code>{f}</Typography.Text>,
              },
              // the row's rule as the import states it (`nik must be 16 digits`), in the user's language
              {
                title: t('registry.reason'),
                key: 'reason',
                render: (_: unknown, e: RegistryRowError) => ruleText(e.field, e.message, lang, t),
              },
            ]}
          />
        </Card>
      )}
    </Space>
  );
}
