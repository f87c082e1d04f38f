// The registry (DTSEN, dahulu DTKS): upload an export (CSV or .xlsx) of an agency's area and
// follow its import; the agency's imports, newest first. The file goes to the gateway as it
// is read from disk (multipart, streamed on to verification), with the upload's progress.
import { useMemo, useRef, useState } from 'react';
import { Alert, App, Button, Card, Col, Form, Progress, Row, Select, Space, Table, Tag, Typography } from 'antd';
import { CloudUploadOutlined, ReloadOutlined } from '@ant-design/icons';
import { api, asPage } from '../../api';
import { useAuth } from '../../auth';
import { useI18n } from '../../language';
import { useLoad } from '../../hooks';
import { apiErrorText } from '../../errors';
import { formatDateTime, formatNumber } from '../../format';
import { Link, navigate } from '../../router';
import { hasRole } from '../../roles';
import { AGENCIES, agencyCovers } from '../../intake/model';
import { importRunning, importStatusColor, uploadRegistryFile, type RegistryImportView } from '../../verification/model';

/** Agencies with a registry area: the regional ones (not a province's bureau). */
export function registryAgencies(agencyCode: string | undefined) {
  return agencyCode ? AGENCIES.filter((a) => agencyCovers(agencyCode, a.code) && /^\d{2}(\.\d{2})?$/.test(a.code)) : [];
}

export default function RegistryPage() {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const { user } = useAuth();
  const agencies = useMemo(() => registryAgencies(user?.agencyCode), [user?.agencyCode]);
  const [agencyCode, setAgencyCode] = useState(user?.agencyCode && agencies.some((a) => a.code === user.agencyCode) ? user.agencyCode : agencies[0]?.code);
  const canUpload = hasRole(user?.roles, ['VERIFIER', 'ADMIN']);
  const [file, setFile] = useState<File | null>(null);
  const [progress, setProgress] = useState<number | null>(null);
  const [error, setError] = useState<unknown>(null);
  const input = useRef<HTMLInputElement>(null);

  const imports = useLoad(
    (signal) => (agencyCode ? api.get<unknown>('/registry/imports', { agencyCode, limit: 50 }, signal).then((d) => asPage<RegistryImportView>(d)) : Promise.resolve({ items: [], total: 0 })),
    [agencyCode],
    5000,
  );

  const upload = async () => {
    if (!file || !agencyCode) return;
    setError(null);
    setProgress(0);
    try {
      const r = await uploadRegistryFile(file, agencyCode, setProgress).done;
      message.success(t('registry.uploaded', { file: file.name }));
      navigate(`/verification/registry/imports/${encodeURIComponent(r.importId)}`);
    } catch (e) {
      setError(e);
      setProgress(null);
    }
  };

  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center', flexWrap: 'wrap', gap: 8 }}>
        <div>
          <Typography.Title level={2} style={{ margin: 0 }}>
            {t('registry.title')}
          </Typography.Title>
          <Typography.Text type="secondary">{t('registry.subtitle')}</Typography.Text>
        </div>
        <Space wrap>
          {agencies.length > 1 && (
            <Select
              aria-label={t('filing.agency')}
              style={{ minWidth: 280 }}
              value={agencyCode}
              onChange={setAgencyCode}
              options={agencies.map((a) => ({ value: a.code, label: `${a.code} · ${a.name}` }))}
            />
          )}
          <Link to="/verification/registry/snapshots">
            <Button>{t('nav.verification.snapshots')}</Button>
          </Link>
        </Space>
      </div>
      {canUpload && (
        <Card title={t('registry.uploadTitle')}>
          <Row gutter={[16, 16]} align="middle">
            <Col xs={24} lg={14}>
              <Form layout="vertical" onFinish={upload}>
                <Form.Item label={t('registry.file')} extra={t('registry.fileHelp')} required>
                  <input
                    ref={input}
                    type="file"
                    accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
                    aria-label={t('registry.file')}
                    onChange={(e) => {
                      setFile(e.target.files?.[0] ?? null);
                      setError(null);
                      setProgress(null);
                    }}
                  />
                </Form.Item>
                <Button type="primary" htmlType="submit" icon={<CloudUploadOutlined aria-hidden />} disabled={!file || !agencyCode} loading={progress !== null}>
                  {t('registry.upload', { agency: agencyCode ?? '—' })}
                </Button>
              </Form>
            </Col>
            <Col xs={24} lg={10}>
              {progress !== null && <Progress percent={Math.round(progress * 100)} status="active" aria-label={t('registry.uploading')} />}
              {error !== null && <Alert type="error" showIcon role="alert" title={apiErrorText(error, t)} data-testid="upload-error" />}
            </Col>
          </Row>
        </Card>
      )}
      <Card
        title={t('registry.imports')}
        styles={{ body: { padding: 0 } }}
        extra={
          <Button size="small" icon={<ReloadOutlined aria-hidden />} onClick={imports.reload}>
            {t('action.refresh')}
          </Button>
        }
      >
        <Table<RegistryImportView>
          rowKey="importId"
          size="middle"
          loading={imports.loading && !imports.data}
          dataSource={imports.data?.items ?? []}
          pagination={false}
          locale={imports.error ? { emptyText: apiErrorText(imports.error, t) } : { emptyText: t('registry.noImports') }}
          scroll={{ x: 'max-content' }}
          columns={[
            {
              title: t('registry.fileName'),
              key: 'file',
              render: (_: unknown, i) => <Link to={`/verification/registry/imports/${encodeURIComponent(i.importId)}`}>{i.fileName ?? i.importId}</Link>,
            },
            { title: t('registry.status'), dataIndex: 'status', render: (s: RegistryImportView['status']) => <Tag color={importStatusColor(s)}>{t(`registry.status.${s}`)}</Tag> },
            { title: t('registry.rowsRead'), dataIndex: 'rowsRead', align: 'right', render: (n: number) => formatNumber(n, locale) },
            { title: t('registry.rowsAccepted'), dataIndex: 'rowsAccepted', align: 'right', render: (n: number) => formatNumber(n, locale) },
            { title: t('registry.rowsRejected'), dataIndex: 'rowsRejected', align: 'right', render: (n: number) => (n ? <Typography.Text type="danger">{formatNumber(n, locale)}</Typography.Text> : '0') },
            { title: t('registry.by'), dataIndex: 'createdBy' },
            { title: t('registry.createdAt'), dataIndex: 'createdAt', render: (v: string) => formatDateTime(v, locale) },
            {
              title: t('registry.finishedAt'),
              dataIndex: 'finishedAt',
              render: (v: string | null, i) => (importRunning(i.status) ? <Typography.Text type="secondary">{t('registry.inProgress')}</Typography.Text> : formatDateTime(v, locale)),
            },
          ]}
        />
      </Card>
    </Space>
  );
}
