// Snapshots of an agency's registry (every import is one; the old ones are kept for audit, one
// is current), and a snapshot's diff against the one it replaced: who was added, removed, and
// whose fields changed (before → after).
import { useMemo, useState } from 'react';
import type { RegistrySnapshotView } from '@contracts';
import { Button, Card, Select, Space, Table, Tag, Typography } from 'antd';
import { DiffOutlined } from '@ant-design/icons';
import { useSession } from '../../../shared/session';
import { useI18n } from '../../../shared/i18n/I18n';
import { useLoad } from '../../../shared/useLoad';
import { useErrorText } from '../../../shared/errors/ErrorAlert';
import { formatDateTime, formatNumber } from '../../../shared/format';
import { Link } from '../../../shared/router';
import { agencyOption, registryAgencies } from '../../../shared/agencies';
import { PageHeader } from '../../../shared/components/PageHeader';
import { verificationApi } from '../api';
import { SNAPSHOT_SOURCE_LABEL, SNAPSHOT_STATUS_LABEL } from '../labels';

export default function SnapshotsPage() {
  const { t, label, locale } = useI18n();
  const errorText = useErrorText();
  const { user } = useSession();
  const agencies = useMemo(() => registryAgencies(user?.agencyCode), [user?.agencyCode]);
  const [agencyCode, setAgencyCode] = useState(
    user?.agencyCode && agencies.some((a) => a.code === user.agencyCode) ? user.agencyCode : agencies[0]?.code,
  );
  const list = useLoad(
    (signal) => (agencyCode ? verificationApi.snapshots(agencyCode, signal) : Promise.resolve({ items: [], total: 0 })),
    [agencyCode],
  );
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <PageHeader title={t('snapshots.title')}>
        {agencies.length > 1 && (
          <Select
            aria-label={t('field.agency')}
            style={{ minWidth: 280 }}
            value={agencyCode}
            onChange={setAgencyCode}
            options={agencies.map(agencyOption)}
          />
        )}
      </PageHeader>
      <Card styles={{ body: { padding: 0 } }}>
        <Table<RegistrySnapshotView>
          rowKey="snapshotId"
          size="middle"
          loading={list.loading}
          dataSource={list.data?.items ?? []}
          pagination={false}
          locale={list.error ? { emptyText: errorText(list.error) } : { emptyText: t('snapshots.none') }}
          scroll={{ x: 'max-content' }}
          columns={[
            { title: t('snapshots.createdAt'), dataIndex: 'createdAt', render: (v: string) => formatDateTime(v, locale) },
            {
              title: t('field.status'),
              key: 'status',
              render: (_: unknown, s) => (
                <Space size={4}>
                  {s.current && <Tag color="success">{t('snapshots.current')}</Tag>}
                  <Tag color={s.status === 'COMPLETE' ? 'default' : s.status === 'LOADING' ? 'processing' : 'error'}>
                    {label(SNAPSHOT_STATUS_LABEL, s.status)}
                  </Tag>
                </Space>
              ),
            },
            { title: t('snapshots.rows'), dataIndex: 'rows', align: 'right', render: (n: number) => formatNumber(n, locale) },
            {
              title: t('snapshots.source'),
              dataIndex: 'source',
              render: (s: RegistrySnapshotView['source'], v) =>
                s === 'IMPORT' && v.importId ? (
                  <Link to={`/verification/registry/imports/${v.importId}`}>{label(SNAPSHOT_SOURCE_LABEL, s)}</Link>
                ) : (
                  label(SNAPSHOT_SOURCE_LABEL, s)
                ),
            },
            {
              title: t('common.actions'),
              key: 'actions',
              render: (_: unknown, s) =>
                s.previousSnapshotId && s.status === 'COMPLETE' ? (
                  <Link to={`/verification/registry/snapshots/${s.snapshotId}`}>
                    <Button size="small" icon={<DiffOutlined aria-hidden />}>
                      {t('registry.viewDiff')}
                    </Button>
                  </Link>
                ) : (
                  <Typography.Text type="secondary">{t('snapshots.first')}</Typography.Text>
                ),
            },
          ]}
        />
      </Card>
    </Space>
  );
}
