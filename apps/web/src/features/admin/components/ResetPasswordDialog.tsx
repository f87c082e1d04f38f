import { App, Form } from 'antd';
import { useI18n } from '../../../shared/i18n/I18n';
import { useSubmit } from '../../../shared/forms/useSubmit';
import { FormDialog } from '../../../shared/forms/FormDialog';
import { PasswordFields } from '../../../shared/forms/PasswordFields';
import { adminApi, type StaffUser } from '../api';
import { USER_FIELDS } from '../labels';

/** An administrator sets a new password; the user must change it at the next login. */
export function ResetPasswordDialog({ user, onClose }: { user: StaffUser; onClose: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ password: string; confirm: string }>();
  const submit = useSubmit((v: { password: string }) => adminApi.resetPassword(user.id, v.password), {
    form,
    fields: USER_FIELDS,
    onDone: () => {
      message.success(t('users.passwordReset', { username: user.username }));
      onClose();
    },
  });
  return (
    <FormDialog
      title={t('users.resetPasswordTitle', { username: user.username })}
      okText={t('users.resetPassword')}
      form={form}
      submit={submit}
      onClose={onClose}
    >
      <PasswordFields />
    </FormDialog>
  );
}
