import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { useSession } from '../../../shared/session';
import { useI18n } from '../../../shared/i18n/I18n';
import { useSubmit } from '../../../shared/forms/useSubmit';
import { PasswordFields } from '../../../shared/forms/PasswordFields';
import { ErrorAlert } from '../../../shared/errors/ErrorAlert';
import LanguageSwitch from '../../../shared/components/LanguageSwitch';
import { authApi } from '../api';
import { PASSWORD_FIELDS } from '../labels';

interface Values {
  currentPassword: string;
  newPassword: string;
  confirm: string;
}

/**
 * The whole dashboard while the password is temporary (a new account, an admin's reset): the
 * gateway answers every other route 403 PASSWORD_CHANGE_REQUIRED. Once changed, the session
 * ends and the user logs in with the new password.
 */
export default function ChangePasswordPage() {
  const { t } = useI18n();
  const { user, logout } = useSession();
  const [form] = Form.useForm<Values>();
  const submit = useSubmit((v: Values) => authApi.changePassword(v.currentPassword, v.newPassword), {
    form,
    fields: PASSWORD_FIELDS,
    onDone: () => logout('passwordChanged'),
  });

  return (
    <main className="sigap-login" data-testid="change-password-page">
      <Card style={{ width: 440, maxWidth: '100%' }} styles={{ body: { padding: 32 } }}>
        <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center', marginBottom: 8 }}>
          <Typography.Title level={4} style={{ margin: 0 }}>
            {t('password.title')}
          </Typography.Title>
          <LanguageSwitch />
        </div>
        <Typography.Paragraph type="secondary">{user?.displayName || user?.username}</Typography.Paragraph>
        <Alert type="warning" showIcon title={t('password.mustChange')} description={t('password.help')} style={{ marginBottom: 16 }} />
        <ErrorAlert error={submit.error} fields={PASSWORD_FIELDS} style={{ marginBottom: 16 }} testId="change-password-error" />
        <Form<Values> form={form} layout="vertical" onFinish={submit.run} requiredMark={false} disabled={submit.busy}>
          <Form.Item
            name="currentPassword"
            label={t('password.current')}
            rules={[{ required: true, message: t('password.currentRequired') }]}
          >
            <Input.Password autoComplete="current-password" autoFocus />
          </Form.Item>
          <PasswordFields name="newPassword" label="password.new" />
          <Button type="primary" htmlType="submit" block loading={submit.busy}>
            {t('password.submit')}
          </Button>
        </Form>
        <div style={{ marginTop: 16, textAlign: 'center' }}>
          <Button type="link" onClick={() => logout('manual')}>
            {t('action.logout')}
          </Button>
        </div>
      </Card>
    </main>
  );
}
