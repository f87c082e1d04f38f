// A snapshot's diff against the one it replaced: who was added, removed, and whose fields
// changed (before → after).
import { useState } from 'react';
import type { DiffChange, SnapshotDiffView } from '@contracts';
import { Button, Card, Col, Result, Row, Segmented, Skeleton, Space, Statistic, Table, Tag, Typography } from 'antd';
import { ArrowLeftOutlined } from '@ant-design/icons';
import { ApiError } from '../../../shared/api/client';
import { useI18n, valuesOf } from '../../../shared/i18n/I18n';
import { useLoad } from '../../../shared/useLoad';
import { useSession } from '../../../shared/session';
import { useErrorText } from '../../../shared/errors/ErrorAlert';
import { formatNumber } from '../../../shared/format';
import { Link } from '../../../shared/router';
import { verificationApi } from '../api';
import { DIFF_CHANGE_LABEL, REGISTRY_FIELD_LABEL } from '../labels';
import { serverPages } from '../../../shared/components/paging';

const DIFF_PAGE = 50;
export default function SnapshotDiffPage({ id }: { id: string }) {
  const { t, label, locale } = useI18n();
  const errorText = useErrorText();
  const [change, setChange] = useState<DiffChange | 'ALL'>('ALL');
  const [page, setPage] = useState(1);
  const diff = useLoad(
    (signal) =>
      verificationApi.diff(id, { change: change === 'ALL' ? undefined : change, limit: DIFF_PAGE, offset: (page - 1) * DIFF_PAGE }, signal),
    [id, change, page],
  );
  const { user } = useSession();
  const notFound = !!diff.error && !diff.data && diff.error instanceof ApiError && diff.error.status === 404;
  // the agency's first snapshot replaced nothing: the gateway has no diff, the snapshot itself says what it brought
  const own = useLoad(
    (signal) => (notFound && user ? verificationApi.snapshots(user.agencyCode, signal) : Promise.resolve({ items: [], total: 0 })),
    [notFound, user?.agencyCode],
  );
  const first = own.data?.items.find((x) => x.snapshotId === id && !x.previousSnapshotId);
  if (first) {
    return (
      <Result
        status="info"
        data-testid="first-snapshot"
        title={t('snapshot.firstBrought', { rows: formatNumber(first.rows, locale) })}
        subTitle={t('snapshot.first')}
        extra={<Link to="/verification/registry/snapshots">{t('snapshots.back')}</Link>}
      />
    );
  }
  if (diff.error && !diff.data) {
    if (notFound && own.loading) return <Skeleton active />;
    return (
      <Result
        status={notFound ? '404' : 'warning'}
        title={notFound ? t('snapshots.notFound') : errorText(diff.error)}
        extra={<Link to="/verification/registry/snapshots">{t('snapshots.back')}</Link>}
      />
    );
  }
  if (!diff.data) return <Skeleton active />;
  const d = diff.data;
  const show = (v: unknown) => (v === null || v === undefined || v === '' ? '—' : Array.isArray(v) ? v.join(', ') || '—' : String(v));
  const fieldLabel = (f: string) => label(REGISTRY_FIELD_LABEL, f);
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
      <Typography.Text type="secondary">
        {t('snapshots.diffSubtitle', { snapshot: d.snapshotId.slice(0, 8), against: d.againstSnapshotId.slice(0, 8) })}
      </Typography.Text>
      <Row gutter={16} data-testid="diff-counts">
        <Col xs={8}>
          <Card size="small">
            <Statistic title={label(DIFF_CHANGE_LABEL, 'ADDED')} value={formatNumber(d.counts.added, locale)} />
          </Card>
        </Col>
        <Col xs={8}>
          <Card size="small">
            <Statistic title={label(DIFF_CHANGE_LABEL, 'REMOVED')} value={formatNumber(d.counts.removed, locale)} />
          </Card>
        </Col>
        <Col xs={8}>
          <Card size="small">
            <Statistic title={label(DIFF_CHANGE_LABEL, 'CHANGED')} value={formatNumber(d.counts.changed, locale)} />
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
          { value: 'ALL' as const, label: t('snapshots.all') },
          ...valuesOf(DIFF_CHANGE_LABEL).map((c) => ({ value: c, label: label(DIFF_CHANGE_LABEL, c) })),
        ]}
      />
      <Card styles={{ body: { padding: 0 } }}>
        <Table
          rowKey={(r) => `${r.nik}-${r.change}`}
          size="small"
          loading={diff.loading}
          dataSource={d.items}
          pagination={serverPages({
            page,
            setPage,
            pageSize: DIFF_PAGE,
            total: d.total,
            totalText: (total) => t('common.total', { total }),
          })}
          scroll={{ x: 'max-content' }}
          columns={[
            { title: 'NIK', dataIndex: 'nik', render: (n: string) => <Typography.Text code>{n}</Typography.Text> },
            { title: t('person.name'), dataIndex: 'name' },
            {
              title: t('snapshots.change'),
              dataIndex: 'change',
              render: (c: DiffChange) => <Tag color={changeColor[c]}>{label(DIFF_CHANGE_LABEL, c)}</Tag>,
            },
            {
              title: t('snapshots.fields'),
              key: 'fields',
              render: (_: unknown, r: SnapshotDiffView['items'][number]) =>
                r.fields.length ? (
                  <Space orientation="vertical" size={0}>
                    {r.fields.map((f) => (
                      <span key={f.field}>
                        <Typography.Text type="secondary">{fieldLabel(f.field)}:</Typography.Text>{' '}
                        <Typography.Text delete>{show(f.before)}</Typography.Text> →{' '}
                        <Typography.Text strong>{show(f.after)}</Typography.Text>
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
