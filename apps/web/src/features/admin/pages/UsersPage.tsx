import { useState } from 'react';
import { App, Button, Card, Input, Popconfirm, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { EditOutlined, KeyOutlined, PlusOutlined, StopOutlined, CheckCircleOutlined } from '@ant-design/icons';
import { useSession } from '../../../shared/session';
import { useI18n } from '../../../shared/i18n/I18n';
import { useLoad } from '../../../shared/useLoad';
import { useErrorText } from '../../../shared/errors/ErrorAlert';
import { PageHeader } from '../../../shared/components/PageHeader';
import { ROLE_LABEL } from '../../../shared/roles';
import { adminApi, type StaffUser } from '../api';
import { UserDialog } from '../components/UserDialog';
import { ResetPasswordDialog } from '../components/ResetPasswordDialog';

const PAGE_SIZE = 20;

type Dialog = { kind: 'create' } | { kind: 'edit'; user: StaffUser } | { kind: 'password'; user: StaffUser } | null;

export default function UsersPage() {
  const { t, label } = useI18n();
  const errorText = useErrorText();
  const { message } = App.useApp();
  const { user: me, agencies } = useSession();
  const [query, setQuery] = useState({ current: 1, size: PAGE_SIZE, q: '' });
  const users = useLoad(
    (signal) => adminApi.users({ limit: query.size, offset: (query.current - 1) * query.size, q: query.q.trim() || undefined }, signal),
    [query.current, query.size, query.q],
  );
  const [dialog, setDialog] = useState<Dialog>(null);
  const [toggling, setToggling] = useState<string | null>(null);

  const agencyName = (code: string) => agencies.find((a) => a.code === code)?.name;

  const toggle = async (u: StaffUser) => {
    setToggling(u.id);
    try {
      await adminApi.updateUser(u.id, { disabled: !u.disabled });
      message.success(t(u.disabled ? 'users.enabled' : 'users.disabled', { username: u.username }));
      users.reload();
    } catch (e) {
      message.error(errorText(e));
    } finally {
      setToggling(null);
    }
  };

  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <PageHeader title={t('users.title')} onRefresh={users.reload}>
        <Input.Search
          allowClear
          placeholder={t('users.search')}
          aria-label={t('users.search')}
          onSearch={(q) => setQuery((s) => ({ ...s, current: 1, q }))}
          style={{ width: 260 }}
        />
        <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setDialog({ kind: 'create' })}>
          {t('users.create')}
        </Button>
      </PageHeader>
      <Card styles={{ body: { padding: 0 } }}>
        <Table<StaffUser>
          rowKey="id"
          size="middle"
          loading={users.loading}
          dataSource={users.data?.items ?? []}
          locale={users.error ? { emptyText: errorText(users.error) } : undefined}
          pagination={{
            current: query.current,
            pageSize: query.size,
            total: users.data?.total ?? 0,
            showTotal: (total) => t('common.total', { total }),
            onChange: (current, size) => setQuery((s) => ({ ...s, current: size === s.size ? current : 1, size })),
          }}
          scroll={{ x: 'max-content' }}
          columns={[
            { title: t('users.username'), dataIndex: 'username', render: (v: string) => <Typography.Text strong>{v}</Typography.Text> },
            {
              title: t('users.displayName'),
              dataIndex: 'displayName',
              render: (v: string) => <div style={{ maxWidth: 200, whiteSpace: 'normal' }}>{v}</div>,
            },
            {
              title: t('field.status'),
              dataIndex: 'disabled',
              render: (d: boolean | undefined, u) => (
                <Space size={[4, 4]} wrap>
                  {d ? <Tag color="default">{t('users.status.disabled')}</Tag> : <Tag color="success">{t('users.status.active')}</Tag>}
                  {u.mustChangePassword && !d && <Tag color="gold">{t('users.mustChangePassword')}</Tag>}
                </Space>
              ),
            },
            {
              title: t('users.agency'),
              dataIndex: 'agencyCode',
              render: (code: string) => (
                <Tooltip title={agencyName(code)}>
                  <Space size={6}>
                    <Typography.Text code>{code}</Typography.Text>
                    <Typography.Text type="secondary" ellipsis style={{ maxWidth: 220 }}>
                      {agencyName(code)}
                    </Typography.Text>
                  </Space>
                </Tooltip>
              ),
            },
            {
              title: t('users.roles'),
              dataIndex: 'roles',
              render: (roles: string[] | undefined) => (
                <Space size={[4, 4]} wrap style={{ maxWidth: 280 }}>
                  {(roles ?? []).map((r) => (
                    <Tag key={r} color={r === 'ADMIN' ? 'volcano' : 'green'}>
                      {label(ROLE_LABEL, r)}
                    </Tag>
                  ))}
                </Space>
              ),
            },
            {
              title: t('common.actions'),
              key: 'actions',
              fixed: 'right',
              render: (_: unknown, u) => (
                <Space size="small">
                  <Button size="small" icon={<EditOutlined aria-hidden />} onClick={() => setDialog({ kind: 'edit', user: u })}>
                    {t('action.edit')}
                  </Button>
                  <Tooltip title={t('users.resetPassword')}>
                    <Button
                      size="small"
                      icon={<KeyOutlined aria-hidden />}
                      aria-label={t('users.resetPassword')}
                      onClick={() => setDialog({ kind: 'password', user: u })}
                    />
                  </Tooltip>
                  <Popconfirm
                    title={t(u.disabled ? 'users.confirmEnable' : 'users.confirmDisable', { username: u.username })}
                    okText={t('common.yes')}
                    cancelText={t('common.no')}
                    onConfirm={() => toggle(u)}
                    disabled={u.id === me?.id && !u.disabled}
                  >
                    <Button
                      size="small"
                      danger={!u.disabled}
                      icon={u.disabled ? <CheckCircleOutlined aria-hidden /> : <StopOutlined aria-hidden />}
                      loading={toggling === u.id}
                      disabled={u.id === me?.id && !u.disabled}
                      title={u.id === me?.id && !u.disabled ? t('users.cannotDisableSelf') : undefined}
                    >
                      {t(u.disabled ? 'users.enable' : 'users.disable')}
                    </Button>
                  </Popconfirm>
                </Space>
              ),
            },
          ]}
        />
      </Card>
      {(dialog?.kind === 'create' || dialog?.kind === 'edit') && (
        <UserDialog
          user={dialog.kind === 'edit' ? dialog.user : undefined}
          defaultAgency={me?.agencyCode}
          onClose={() => setDialog(null)}
          onSaved={() => {
            setDialog(null);
            users.reload();
          }}
        />
      )}
      {dialog?.kind === 'password' && <ResetPasswordDialog user={dialog.user} onClose={() => setDialog(null)} />}
    </Space>
  );
}
