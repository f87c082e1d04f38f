// The service catalog (standar pelayanan) for admins: every standard of the agencies they
// cover, and an editor whose save is the standard's next version (applications already filed
// keep theirs). The fields an admin changes most are a form; the rest of the definition is
// sent back as it was.
import { useMemo, useState } from 'react';
import type { StandardView } from '@contracts';
import { Button, Card, Space, Table, Tag, Typography } from 'antd';
import { EditOutlined } from '@ant-design/icons';
import { useSession } from '../../../shared/session';
import { useI18n } from '../../../shared/i18n/I18n';
import { loc } from '../../../shared/i18n/localized';
import { useLoad } from '../../../shared/useLoad';
import { useErrorText } from '../../../shared/errors/ErrorAlert';
import { formatDateTime } from '../../../shared/format';
import { agencyCovers } from '../../../shared/agencies';
import { PageHeader } from '../../../shared/components/PageHeader';
import { intakeApi } from '../api';
import { rupiah, StandardEditor } from '../components/StandardEditor';

export default function CatalogPage() {
  const { t, lang, locale } = useI18n();
  const errorText = useErrorText();
  const { user } = useSession();
  const list = useLoad((signal) => intakeApi.standards({ includeInactive: true }, signal), []);
  const mine = useMemo(() => (list.data ?? []).filter((s) => user && agencyCovers(user.agencyCode, s.agencyCode)), [list.data, user]);
  const [editing, setEditing] = useState<StandardView | null>(null);

  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <PageHeader title={t('catalog.title')} subtitle={t('catalog.subtitle')} onRefresh={list.reload} />
      <Card styles={{ body: { padding: 0 } }}>
        <Table<StandardView>
          rowKey={(s) => `${s.agencyCode}/${s.code}`}
          size="middle"
          loading={list.loading}
          dataSource={mine}
          pagination={false}
          locale={list.error ? { emptyText: errorText(list.error) } : undefined}
          scroll={{ x: 'max-content' }}
          columns={[
            {
              title: t('field.agency'),
              dataIndex: 'agencyCode',
              render: (c: string, s) => (
                <Typography.Text ellipsis={{ tooltip: s.agencyName }} style={{ maxWidth: 200 }}>
                  {c} · {s.agencyName}
                </Typography.Text>
              ),
            },
            { title: t('catalog.code'), dataIndex: 'code', render: (c: string) => <Typography.Text code>{c}</Typography.Text> },
            {
              title: t('catalog.name'),
              key: 'name',
              render: (_: unknown, s) => <div style={{ maxWidth: 260, whiteSpace: 'normal' }}>{loc(s.name, lang)}</div>,
            },
            { title: t('field.deadline'), key: 'deadline', render: (_: unknown, s) => loc(s.deadlineLabel, lang) },
            { title: t('catalog.requirements'), key: 'req', render: (_: unknown, s) => s.requirements.length },
            {
              title: t('catalog.benefit'),
              key: 'benefit',
              render: (_: unknown, s) => {
                const b = s.benefitAmount;
                if (!b.required) return '—';
                if (!b.set)
                  return (
                    <Tag color="warning" data-testid={`benefit-unset-${s.agencyCode}-${s.code}`}>
                      {t('catalog.benefitUnset')}
                    </Tag>
                  );
                const amounts = [...new Set([...(b.amount ? [b.amount] : []), ...b.byTargetGroup.map((g) => g.amount)])];
                return <span data-testid={`benefit-${s.agencyCode}-${s.code}`}>{amounts.map(rupiah).join(' / ')}</span>;
              },
            },
            {
              title: t('field.version'),
              dataIndex: 'version',
              render: (v: number, s) => (
                <span>
                  v{v}{' '}
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {formatDateTime(s.publishedAt, locale)}
                  </Typography.Text>
                </span>
              ),
            },
            {
              title: t('field.status'),
              dataIndex: 'active',
              render: (a: boolean) => (a ? <Tag color="success">{t('catalog.active')}</Tag> : <Tag>{t('catalog.inactive')}</Tag>),
            },
            {
              title: t('common.actions'),
              key: 'actions',
              // the button an admin comes for stays at the right edge however wide the rest is
              fixed: 'right',
              render: (_: unknown, s) => (
                <Button
                  size="small"
                  icon={<EditOutlined aria-hidden />}
                  onClick={() => setEditing(s)}
                  aria-label={`${t('action.edit')} ${s.agencyCode} ${s.code}`}
                >
                  {t('action.edit')}
                </Button>
              ),
            },
          ]}
        />
      </Card>
      {editing && (
        <StandardEditor
          standard={editing}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            list.reload();
          }}
        />
      )}
    </Space>
  );
}
