// The registry (DTSEN, dahulu DTKS): upload an export (CSV or .xlsx) of an agency's area and
// follow its import; the agency's imports, newest first. The file goes to the gateway as it
// is read from disk (multipart, streamed on to verification), with the upload's progress.
import { useMemo, useState } from 'react';
import type { RegistryImportView } from '@contracts';
import { App, Button, Card, Col, Form, Progress, Row, Select, Table, Tag, Typography, Space, Upload } from 'antd';
import { CloudUploadOutlined, FileExcelOutlined, ReloadOutlined } from '@ant-design/icons';
import { useSession } from '../../../shared/session';
import { useI18n } from '../../../shared/i18n/I18n';
import { useLoad } from '../../../shared/useLoad';
import { ErrorAlert, useErrorText } from '../../../shared/errors/ErrorAlert';
import { formatDateTime, formatNumber } from '../../../shared/format';
import { Link, navigate } from '../../../shared/router';
import { hasRole } from '../../../shared/roles';
import { agencyOption, registryAgencies } from '../../../shared/agencies';
import { PageHeader } from '../../../shared/components/PageHeader';
import { verificationApi } from '../api';
import { IMPORT_STATUS_LABEL, UPLOAD_FIELDS, importRunning, importStatusColor } from '../labels';

export default function RegistryPage() {
  const { t, label, locale } = useI18n();
  const errorText = useErrorText();
  const { message } = App.useApp();
  const { user } = useSession();
  const agencies = useMemo(() => registryAgencies(user?.agencyCode), [user?.agencyCode]);
  const [agencyCode, setAgencyCode] = useState(
    user?.agencyCode && agencies.some((a) => a.code === user.agencyCode) ? user.agencyCode : agencies[0]?.code,
  );
  const canUpload = hasRole(user?.roles, ['VERIFIER', 'ADMIN']);
  const [file, setFile] = useState<File | null>(null);
  const [progress, setProgress] = useState<number | null>(null);
  const [error, setError] = useState<unknown>(null);

  const imports = useLoad(
    (signal) => (agencyCode ? verificationApi.imports(agencyCode, signal) : Promise.resolve({ items: [], total: 0 })),
    [agencyCode],
    5000,
  );

  const upload = async () => {
    if (!file || !agencyCode) return;
    setError(null);
    setProgress(0);
    try {
      const r = await verificationApi.upload(file, agencyCode, setProgress).done;
      message.success(t('registry.uploaded', { file: file.name }));
      navigate(`/verification/registry/imports/${encodeURIComponent(r.importId)}`);
    } catch (e) {
      setError(e);
      setProgress(null);
    }
  };

  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <PageHeader title={t('registry.title')} subtitle={t('registry.subtitle')}>
        {agencies.length > 1 && (
          <Select
            aria-label={t('field.agency')}
            style={{ minWidth: 280 }}
            value={agencyCode}
            onChange={setAgencyCode}
            options={agencies.map(agencyOption)}
          />
        )}
        <Link to="/verification/registry/snapshots">
          <Button>{t('nav.verification.snapshots')}</Button>
        </Link>
      </PageHeader>
      {canUpload && (
        <Card title={t('registry.uploadTitle')}>
          <Row gutter={[16, 16]} align="middle">
            <Col xs={24} lg={14}>
              <Form layout="vertical" onFinish={upload}>
                {/* antd's Upload holds the file (nothing is sent on pick): the same picker on every PC, in the user's language */}
                <Form.Item label={t('registry.file')} extra={t('registry.fileHelp')} required htmlFor="registry-file">
                  <Upload
                    id="registry-file"
                    accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
                    maxCount={1}
                    fileList={file ? [{ uid: 'registry-file', name: file.name, status: 'done', size: file.size }] : []}
                    beforeUpload={(f) => {
                      setFile(f);
                      setError(null);
                      setProgress(null);
                      return false;
                    }}
                    onRemove={() => setFile(null)}
                  >
                    <Button icon={<FileExcelOutlined aria-hidden />}>{t('registry.pick')}</Button>
                  </Upload>
                </Form.Item>
                <Button
                  type="primary"
                  htmlType="submit"
                  icon={<CloudUploadOutlined aria-hidden />}
                  disabled={!file || !agencyCode}
                  loading={progress !== null}
                >
                  {t('registry.upload', { agency: agencyCode ?? '—' })}
                </Button>
              </Form>
            </Col>
            <Col xs={24} lg={10}>
              {progress !== null && <Progress percent={Math.round(progress * 100)} status="active" aria-label={t('registry.uploading')} />}
              <ErrorAlert error={error} fields={UPLOAD_FIELDS} testId="upload-error" />
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
          locale={imports.error ? { emptyText: errorText(imports.error) } : { emptyText: t('registry.noImports') }}
          scroll={{ x: 'max-content' }}
          columns={[
            {
              title: t('registry.fileName'),
              key: 'file',
              render: (_: unknown, i) => (
                <Link to={`/verification/registry/imports/${encodeURIComponent(i.importId)}`}>{i.fileName ?? i.importId}</Link>
              ),
            },
            {
              title: t('registry.status'),
              dataIndex: 'status',
              render: (s: RegistryImportView['status']) => <Tag color={importStatusColor(s)}>{label(IMPORT_STATUS_LABEL, s)}</Tag>,
            },
            { title: t('registry.rowsRead'), dataIndex: 'rowsRead', align: 'right', render: (n: number) => formatNumber(n, locale) },
            {
              title: t('registry.rowsAccepted'),
              dataIndex: 'rowsAccepted',
              align: 'right',
              render: (n: number) => formatNumber(n, locale),
            },
            {
              title: t('registry.rowsRejected'),
              dataIndex: 'rowsRejected',
              align: 'right',
              render: (n: number) => (n ? <Typography.Text type="danger">{formatNumber(n, locale)}</Typography.Text> : '0'),
            },
            { title: t('registry.by'), dataIndex: 'createdBy' },
            { title: t('registry.createdAt'), dataIndex: 'createdAt', render: (v: string) => formatDateTime(v, locale) },
            {
              title: t('registry.finishedAt'),
              dataIndex: 'finishedAt',
              render: (v: string | null, i) =>
                importRunning(i.status) ? (
                  <Typography.Text type="secondary">{t('registry.inProgress')}</Typography.Text>
                ) : (
                  formatDateTime(v, locale)
                ),
            },
          ]}
        />
      </Card>
    </Space>
  );
}
