import { Form, Input, Typography } from 'antd';
import { useSession } from '../../../shared/session';
import { useI18n } from '../../../shared/i18n/I18n';
import { useSubmit } from '../../../shared/forms/useSubmit';
import { FormDialog } from '../../../shared/forms/FormDialog';
import { PasswordFields } from '../../../shared/forms/PasswordFields';
import { authApi } from '../api';
import { PASSWORD_FIELDS } from '../labels';

interface Values {
  currentPassword: string;
  newPassword: string;
  confirm: string;
}

/**
 * The user's own password (`POST /auth/change-password`). Tokens issued before the change
 * stop working, so the session ends and the user logs in with the new password.
 */
export default function ChangePasswordDialog({ onClose }: { onClose: () => void }) {
  const { t } = useI18n();
  const { logout } = useSession();
  const [form] = Form.useForm<Values>();
  const submit = useSubmit((v: Values) => authApi.changePassword(v.currentPassword, v.newPassword), {
    form,
    fields: PASSWORD_FIELDS,
    onDone: () => logout('passwordChanged'),
  });

  return (
    <FormDialog title={t('password.title')} okText={t('password.submit')} form={form} submit={submit} onClose={onClose}>
      <Typography.Paragraph type="secondary">{t('password.help')}</Typography.Paragraph>
      <Form.Item name="currentPassword" label={t('password.current')} rules={[{ required: true, message: t('password.currentRequired') }]}>
        <Input.Password autoComplete="current-password" />
      </Form.Item>
      <PasswordFields name="newPassword" label="password.new" />
    </FormDialog>
  );
}
