import { App, Checkbox, Form, Input, Select, Switch } from 'antd';
import { useSession } from '../../../shared/session';
import { useI18n } from '../../../shared/i18n/I18n';
import { useSubmit } from '../../../shared/forms/useSubmit';
import { FormDialog } from '../../../shared/forms/FormDialog';
import { PasswordFields } from '../../../shared/forms/PasswordFields';
import { ROLES, ROLE_LABEL, USERNAME } from '../../../shared/roles';
import { adminApi, type StaffUser } from '../api';
import { USER_FIELDS } from '../labels';

interface UserForm {
  username: string;
  displayName: string;
  password: string;
  confirm: string;
  agencyCode: string;
  roles: string[];
  disabled: boolean;
}

/** A new account (`user` absent) or an existing one's name, agency, roles and status. */
export function UserDialog({
  user,
  defaultAgency,
  onClose,
  onSaved,
}: {
  user?: StaffUser;
  defaultAgency?: string;
  onClose: () => void;
  onSaved: () => void;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const { agencies } = useSession();
  const [form] = Form.useForm<UserForm>();
  const submit = useSubmit(
    async (v: UserForm) => {
      if (user) {
        await adminApi.updateUser(user.id, {
          displayName: v.displayName.trim(),
          agencyCode: v.agencyCode,
          roles: v.roles,
          disabled: v.disabled,
        });
        message.success(t('users.saved', { username: user.username }));
      } else {
        await adminApi.createUser({
          username: v.username.trim(),
          displayName: v.displayName.trim(),
          password: v.password,
          agencyCode: v.agencyCode,
          roles: v.roles,
        });
        message.success(t('users.created', { username: v.username.trim() }));
      }
    },
    { form, fields: USER_FIELDS, onDone: onSaved },
  );

  return (
    <FormDialog
      title={user ? t('users.editTitle', { username: user.username }) : t('users.createTitle')}
      okText={t('action.save')}
      form={form}
      submit={submit}
      onClose={onClose}
      initialValues={
        user
          ? { displayName: user.displayName, agencyCode: user.agencyCode, roles: user.roles ?? [], disabled: !!user.disabled }
          : { agencyCode: defaultAgency, roles: [] }
      }
    >
      {!user && (
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
      <Form.Item
        name="displayName"
        label={t('users.displayName')}
        rules={[{ required: true, whitespace: true, message: t('users.displayNameRequired') }]}
      >
        <Input autoComplete="off" />
      </Form.Item>
      {!user && <PasswordFields />}
      <Form.Item name="agencyCode" label={t('users.agency')} rules={[{ required: true, message: t('users.agencyRequired') }]}>
        <Select
          showSearch={{ optionFilterProp: 'label' }}
          options={agencies.map((a) => ({ value: a.code, label: `${a.code} · ${a.name}` }))}
          notFoundContent={t('common.noData')}
        />
      </Form.Item>
      <Form.Item
        name="roles"
        label={t('users.roles')}
        rules={[{ required: true, type: 'array', min: 1, message: t('users.rolesRequired') }]}
      >
        <Checkbox.Group
          style={{ display: 'grid', gridTemplateColumns: '1fr 1fr', gap: 6 }}
          options={ROLES.map((r) => ({ value: r, label: t(ROLE_LABEL[r]) }))}
        />
      </Form.Item>
      {user && (
        <Form.Item name="disabled" label={t('users.status.disabled')} valuePropName="checked">
          <Switch />
        </Form.Item>
      )}
    </FormDialog>
  );
}
