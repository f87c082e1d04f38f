// Snapshots of an agency's registry (every import is one; the old ones are kept for audit, one
// is current), and a snapshot's diff against the one it replaced: who was added, removed, and
// whose fields changed (before → after).
import { useMemo, useState } from 'react';
import { Button, Card, Col, Result, Row, Segmented, Select, Skeleton, Space, Statistic, Table, Tag, Typography } from 'antd';
import { ArrowLeftOutlined, DiffOutlined } from '@ant-design/icons';
import { api, ApiError, asPage } from '../../api';
import { useAuth } from '../../auth';
import { useI18n } from '../../language';
import { useLoad } from '../../hooks';
import { apiErrorText } from '../../errors';
import { formatDateTime, formatNumber } from '../../format';
import { Link } from '../../router';
import { registryAgencies } from './RegistryPage';
import type { MessageKey } from '../../i18n';
import type { DiffChange, RegistrySnapshotView, SnapshotDiffView } from '../../verification/model';

export default function SnapshotsPage() {
  const { t, locale } = useI18n();
  const { user } = useAuth();
  const agencies = useMemo(() => registryAgencies(user?.agencyCode), [user?.agencyCode]);
  const [agencyCode, setAgencyCode] = useState(user?.agencyCode && agencies.some((a) => a.code === user.agencyCode) ? user.agencyCode : agencies[0]?.code);
  const list = useLoad(
    (signal) => (agencyCode ? api.get<unknown>('/registry/snapshots', { agencyCode, limit: 100 }, signal).then((d) => asPage<RegistrySnapshotView>(d)) : Promise.resolve({ items: [], total: 0 })),
    [agencyCode],
  );
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center', flexWrap: 'wrap', gap: 8 }}>
        <Typography.Title level={2} style={{ margin: 0 }}>
          {t('snapshots.title')}
        </Typography.Title>
        {agencies.length > 1 && (
          <Select
            aria-label={t('filing.agency')}
            style={{ minWidth: 280 }}
            value={agencyCode}
            onChange={setAgencyCode}
            options={agencies.map((a) => ({ value: a.code, label: `${a.code} · ${a.name}` }))}
          />
        )}
      </div>
      <Card styles={{ body: { padding: 0 } }}>
        <Table<RegistrySnapshotView>
          rowKey="snapshotId"
          size="middle"
          loading={list.loading}
          dataSource={list.data?.items ?? []}
          pagination={false}
          locale={list.error ? { emptyText: apiErrorText(list.error, t) } : { emptyText: t('snapshots.none') }}
          scroll={{ x: 'max-content' }}
          columns={[
            { title: t('snapshots.createdAt'), dataIndex: 'createdAt', render: (v: string) => formatDateTime(v, locale) },
            {
              title: t('registry.status'),
              key: 'status',
              render: (_: unknown, s) => (
                <Space size={4}>
                  {s.current && <Tag color="success">{t('snapshots.current')}</Tag>}
                  <Tag color={s.status === 'COMPLETE' ? 'default' : s.status === 'LOADING' ? 'processing' : 'error'}>{t(`snapshots.status.${s.status}`)}</Tag>
                </Space>
              ),
            },
            { title: t('snapshots.rows'), dataIndex: 'rows', align: 'right', render: (n: number) => formatNumber(n, locale) },
            { title: t('snapshots.source'), dataIndex: 'source', render: (s: string, v) => (s === 'IMPORT' && v.importId ? <Link to={`/verification/registry/imports/${v.importId}`}>{t('snapshots.source.IMPORT')}</Link> : t(s === 'EVENT' ? 'snapshots.source.EVENT' : 'snapshots.source.IMPORT')) },
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

const DIFF_PAGE = 50;
/** the person fields a diff names (verification's FIELDS) */
const REGISTRY_FIELDS = ['kkNumber', 'name', 'birthDate', 'sex', 'address', 'villageCode', 'decile', 'programs'];

export function SnapshotDiffPage({ id }: { id: string }) {
  const { t, locale } = useI18n();
  const [change, setChange] = useState<DiffChange | 'ALL'>('ALL');
  const [page, setPage] = useState(1);
  const diff = useLoad(
    (signal) =>
      api.get<SnapshotDiffView>(`/registry/snapshots/${encodeURIComponent(id)}/diff`, { change: change === 'ALL' ? undefined : change, limit: DIFF_PAGE, offset: (page - 1) * DIFF_PAGE }, signal),
    [id, change, page],
  );
  if (diff.error && !diff.data) {
    const notFound = diff.error instanceof ApiError && diff.error.status === 404;
    return <Result status={notFound ? '404' : 'warning'} title={notFound ? t('snapshots.notFound') : apiErrorText(diff.error, t)} extra={<Link to="/verification/registry/snapshots">{t('snapshots.back')}</Link>} />;
  }
  if (!diff.data) return <Skeleton active />;
  const d = diff.data;
  const show = (v: unknown) => (v === null || v === undefined || v === '' ? '—' : Array.isArray(v) ? v.join(', ') || '—' : String(v));
  const fieldLabel = (f: string) => (REGISTRY_FIELDS.includes(f) ? t(`registryField.${f}` as MessageKey) : f);
  const changeColor = { ADDED: 'success', REMOVED: 'error', CHANGED: 'warning' } as const;
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Space align="center" wrap>
        <Link to="/verification/registry/snapshots" aria-label={t('snapshots.back')}>
          <Button icon={<ArrowLeftOutlined aria-hidden />} />
        </Link>
        <Typography.Title level={2} style={{ margin: 0 }}>
          {t('snapshots.diffTitle')}
        </Typography.Title>
      </Space>
      <Typography.Text type="secondary">{t('snapshots.diffSubtitle', { snapshot: d.snapshotId.slice(0, 8), against: d.againstSnapshotId.slice(0, 8) })}</Typography.Text>
      <Row gutter={16} data-testid="diff-counts">
        <Col xs={8}>
          <Card size="small">
            <Statistic title={t('snapshots.change.ADDED')} value={formatNumber(d.counts.added, locale)} />
          </Card>
        </Col>
        <Col xs={8}>
          <Card size="small">
            <Statistic title={t('snapshots.change.REMOVED')} value={formatNumber(d.counts.removed, locale)} />
          </Card>
        </Col>
        <Col xs={8}>
          <Card size="small">
            <Statistic title={t('snapshots.change.CHANGED')} value={formatNumber(d.counts.changed, locale)} />
          </Card>
        </Col>
      </Row>
      <Segmented<DiffChange | 'ALL'>
        value={change}
        onChange={(v) => {
          setChange(v);
          setPage(1);
        }}
        options={[
          { value: 'ALL', label: t('snapshots.all') },
          { value: 'ADDED', label: t('snapshots.change.ADDED') },
          { value: 'REMOVED', label: t('snapshots.change.REMOVED') },
          { value: 'CHANGED', label: t('snapshots.change.CHANGED') },
        ]}
      />
      <Card styles={{ body: { padding: 0 } }}>
        <Table
          rowKey={(r) => `${r.nik}-${r.change}`}
          size="small"
          loading={diff.loading}
          dataSource={d.items}
          pagination={{ current: page, pageSize: DIFF_PAGE, total: d.total, showSizeChanger: false, onChange: setPage, showTotal: (total) => t('common.total', { total }) }}
          scroll={{ x: 'max-content' }}
          columns={[
            { title: 'NIK', dataIndex: 'nik', render: (n: string) => <Typography.Text code>{n}</Typography.Text> },
            { title: t('filing.name'), dataIndex: 'name' },
            { title: t('snapshots.change'), dataIndex: 'change', render: (c: DiffChange) => <Tag color={changeColor[c]}>{t(`snapshots.change.${c}`)}</Tag> },
            {
              title: t('snapshots.fields'),
              key: 'fields',
              render: (_: unknown, r: SnapshotDiffView['items'][number]) =>
                r.fields.length ? (
                  <Space orientation="vertical" size={0}>
                    {r.fields.map((f) => (
                      <span key={f.field}>
                        <Typography.Text type="secondary">{fieldLabel(f.field)}:</Typography.Text> <Typography.Text delete>{show(f.before)}</Typography.Text> → <Typography.Text strong>{show(f.after)}</Typography.Text>
                      </span>
                    ))}
                  </Space>
                ) : (
                  '—'
                ),
            },
          ]}
        />
      </Card>
    </Space>
  );
}
