import { useState } from 'react';
import { App, Button, Card, Checkbox, Form, Input, Modal, Popconfirm, Select, Space, Switch, Table, Tag, Tooltip, Typography } from 'antd';
import { EditOutlined, KeyOutlined, PlusOutlined, ReloadOutlined, StopOutlined, CheckCircleOutlined } from '@ant-design/icons';
import { api, asPage, type StaffUser } from '../../api';
import { useAuth } from '../../auth';
import { useI18n } from '../../language';
import { useLoad } from '../../hooks';
import { apiErrorText, fieldErrors } from '../../errors';
import { MIN_PASSWORD, ROLES, USERNAME, roleLabelKey } from '../../roles';

interface UserForm {
  username: string;
  displayName: string;
  password: string;
  confirm: string;
  agencyCode: string;
  roles: string[];
  disabled: boolean;
}

const PAGE_SIZE = 20;

type Dialog = { kind: 'create' } | { kind: 'edit'; user: StaffUser } | { kind: 'password'; user: StaffUser } | null;

export default function UsersPage() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const { user: me, agencies } = useAuth();
  const [query, setQuery] = useState({ current: 1, size: PAGE_SIZE, q: '' });
  const users = useLoad(
    (signal) =>
      api
        .get<unknown>('/users', { limit: query.size, offset: (query.current - 1) * query.size, q: query.q.trim() || undefined }, signal)
        .then((d) => asPage<StaffUser>(d)),
    [query.current, query.size, query.q],
  );
  const [dialog, setDialog] = useState<Dialog>(null);
  const [toggling, setToggling] = useState<string | null>(null);

  const agencyName = (code: string) => agencies.find((a) => a.code === code)?.name;
  const roleLabel = (r: string) => {
    const k = roleLabelKey(r);
    return k ? t(k) : r;
  };

  const toggle = async (u: StaffUser) => {
    setToggling(u.id);
    try {
      await api.patch(`/users/${encodeURIComponent(u.id)}`, { disabled: !u.disabled });
      message.success(t(u.disabled ? 'users.enabled' : 'users.disabled', { username: u.username }));
      users.reload();
    } catch (e) {
      message.error(apiErrorText(e, t));
    } finally {
      setToggling(null);
    }
  };

  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center', flexWrap: 'wrap', gap: 8 }}>
        <Typography.Title level={2} style={{ margin: 0 }}>
          {t('users.title')}
        </Typography.Title>
        <Space>
          <Input.Search
            allowClear
            placeholder={t('users.search')}
            aria-label={t('users.search')}
            onSearch={(q) => setQuery((s) => ({ ...s, current: 1, q }))}
            style={{ width: 260 }}
          />
          <Button icon={<ReloadOutlined aria-hidden />} onClick={users.reload}>
            {t('action.refresh')}
          </Button>
          <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setDialog({ kind: 'create' })}>
            {t('users.create')}
          </Button>
        </Space>
      </div>
      <Card styles={{ body: { padding: 0 } }}>
        <Table<StaffUser>
          rowKey="id"
          size="middle"
          loading={users.loading}
          dataSource={users.data?.items ?? []}
          locale={users.error ? { emptyText: apiErrorText(users.error, t) } : undefined}
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
            { title: t('users.displayName'), dataIndex: 'displayName' },
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
                <Space size={[4, 4]} wrap>
                  {(roles ?? []).map((r) => (
                    <Tag key={r} color={r === 'ADMIN' ? 'volcano' : 'green'}>
                      {roleLabel(r)}
                    </Tag>
                  ))}
                </Space>
              ),
            },
            {
              title: t('users.status'),
              dataIndex: 'disabled',
              render: (d: boolean | undefined, u) => (
                <Space size={[4, 4]} wrap>
                  {d ? <Tag color="default">{t('users.status.disabled')}</Tag> : <Tag color="success">{t('users.status.active')}</Tag>}
                  {u.mustChangePassword && !d && <Tag color="gold">{t('users.mustChangePassword')}</Tag>}
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
                    <Button size="small" icon={<KeyOutlined aria-hidden />} aria-label={t('users.resetPassword')} onClick={() => setDialog({ kind: 'password', user: u })} />
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
      {dialog?.kind === 'password' && <PasswordDialog user={dialog.user} onClose={() => setDialog(null)} />}
    </Space>
  );
}

function RolesField() {
  const { t } = useI18n();
  return (
    <Form.Item name="roles" label={t('users.roles')} rules={[{ required: true, type: 'array', min: 1, message: t('users.rolesRequired') }]}>
      <Checkbox.Group style={{ display: 'grid', gridTemplateColumns: '1fr 1fr', gap: 6 }} options={ROLES.map((r) => ({ value: r, label: t(roleLabelKey(r)!) }))} />
    </Form.Item>
  );
}

function UserDialog({ user, defaultAgency, onClose, onSaved }: { user?: StaffUser; defaultAgency?: string; onClose: () => void; onSaved: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const { agencies } = useAuth();
  const [form] = Form.useForm<UserForm>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const editing = !!user;

  const submit = async (v: UserForm) => {
    setBusy(true);
    setError(null);
    try {
      if (user) {
        await api.patch(`/users/${encodeURIComponent(user.id)}`, { displayName: v.displayName.trim(), agencyCode: v.agencyCode, roles: v.roles, disabled: v.disabled });
        message.success(t('users.saved', { username: user.username }));
      } else {
        await api.post('/users', { username: v.username.trim(), displayName: v.displayName.trim(), password: v.password, agencyCode: v.agencyCode, roles: v.roles });
        message.success(t('users.created', { username: v.username.trim() }));
      }
      onSaved();
    } catch (e) {
      const fe = fieldErrors(e, ['username', 'displayName', 'password', 'agencyCode', 'roles', 'disabled'] as const);
      form.setFields(fe);
      setError(apiErrorText(e, t));
      setBusy(false);
    }
  };

  return (
    <Modal
      open
      title={editing ? t('users.editTitle', { username: user.username }) : t('users.createTitle')}
      okText={t('action.save')}
      cancelText={t('action.cancel')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={busy}
      destroyOnHidden
      mask={{ closable: false }}
    >
      <Form<UserForm>
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={
          user
            ? { displayName: user.displayName, agencyCode: user.agencyCode, roles: user.roles ?? [], disabled: !!user.disabled }
            : { agencyCode: defaultAgency, roles: [] }
        }
      >
        {!editing && (
          <Form.Item
            name="username"
            label={t('users.username')}
            extra={t('users.usernameHelp')}
            normalize={(v: string | undefined) => v?.toLowerCase()}
            rules={[
              { required: true, whitespace: true, message: t('users.usernameRequired') },
              { pattern: USERNAME, message: t('users.usernameInvalid') },
            ]}
          >
            <Input autoComplete="off" />
          </Form.Item>
        )}
        <Form.Item name="displayName" label={t('users.displayName')} rules={[{ required: true, whitespace: true, message: t('users.displayNameRequired') }]}>
          <Input autoComplete="off" />
        </Form.Item>
        {!editing && <PasswordFields />}
        <Form.Item name="agencyCode" label={t('users.agency')} rules={[{ required: true, message: t('users.agencyRequired') }]}>
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            options={agencies.map((a) => ({ value: a.code, label: `${a.code} · ${a.name}` }))}
            notFoundContent={t('common.noData')}
          />
        </Form.Item>
        <RolesField />
        {editing && (
          <Form.Item name="disabled" label={t('users.status.disabled')} valuePropName="checked">
            <Switch />
          </Form.Item>
        )}
      </Form>
      {error && (
        <Typography.Text type="danger" role="alert">
          {error}
        </Typography.Text>
      )}
    </Modal>
  );
}

function PasswordFields() {
  const { t } = useI18n();
  return (
    <>
      <Form.Item
        name="password"
        label={t('users.password')}
        rules={[
          { required: true, message: t('users.passwordRequired') },
          { min: MIN_PASSWORD, message: t('users.passwordTooShort', { min: MIN_PASSWORD }) },
        ]}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      <Form.Item
        name="confirm"
        label={t('users.passwordConfirm')}
        dependencies={['password']}
        rules={[
          { required: true, message: t('users.passwordConfirmRequired') },
          ({ getFieldValue }) => ({
            validator: (_, v) => (!v || getFieldValue('password') === v ? Promise.resolve() : Promise.reject(new Error(t('users.passwordMismatch')))),
          }),
        ]}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
    </>
  );
}

function PasswordDialog({ user, onClose }: { user: StaffUser; onClose: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ password: string; confirm: string }>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const submit = async (v: { password: string }) => {
    setBusy(true);
    setError(null);
    try {
      await api.post(`/users/${encodeURIComponent(user.id)}/reset-password`, { password: v.password });
      message.success(t('users.passwordReset', { username: user.username }));
      onClose();
    } catch (e) {
      form.setFields(fieldErrors(e, ['password'] as const));
      setError(apiErrorText(e, t));
      setBusy(false);
    }
  };

  return (
    <Modal
      open
      title={t('users.resetPasswordTitle', { username: user.username })}
      okText={t('users.resetPassword')}
      cancelText={t('action.cancel')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={busy}
      destroyOnHidden
      mask={{ closable: false }}
    >
      <Form form={form} layout="vertical" onFinish={submit}>
        <PasswordFields />
      </Form>
      {error && (
        <Typography.Text type="danger" role="alert">
          {error}
        </Typography.Text>
      )}
    </Modal>
  );
}
