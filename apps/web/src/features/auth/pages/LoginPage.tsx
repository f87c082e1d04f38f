import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { useSession } from '../../../shared/session';
import { useI18n } from '../../../shared/i18n/I18n';
import { useSubmit } from '../../../shared/forms/useSubmit';
import { ErrorAlert } from '../../../shared/errors/ErrorAlert';
import LanguageSwitch from '../../../shared/components/LanguageSwitch';
import { Link } from '../../../shared/router';
import { LOGIN_FIELDS } from '../labels';

interface Credentials {
  username: string;
  password: string;
}

export default function LoginPage() {
  const { t } = useI18n();
  const { login, endedReason } = useSession();
  // a refused login says why by its code: wrong password, account disabled, locked for a while
  const submit = useSubmit(({ username, password }: Credentials) => login(username.trim(), password), { fields: LOGIN_FIELDS });
  const busy = submit.busy;

  return (
    <main className="sigap-login">
      <Card style={{ width: 400, maxWidth: '100%' }} styles={{ body: { padding: 32 } }}>
        <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center', marginBottom: 8 }}>
          <div style={{ display: 'flex', alignItems: 'center', gap: 10 }}>
            <img src="/favicon.svg" alt="" width={36} height={36} />
            <Typography.Title level={3} style={{ margin: 0 }}>
              Sigap
            </Typography.Title>
          </div>
          <LanguageSwitch />
        </div>
        <Typography.Paragraph type="secondary">{t('login.subtitle')}</Typography.Paragraph>
        <Typography.Title level={4} style={{ marginTop: 0 }}>
          {t('login.title')}
        </Typography.Title>
        {endedReason && !submit.error && (
          <Alert
            type={endedReason === 'passwordChanged' ? 'success' : 'info'}
            showIcon
            title={t(endedReason === 'passwordChanged' ? 'login.passwordChanged' : 'login.sessionEnded')}
            style={{ marginBottom: 16 }}
          />
        )}
        <ErrorAlert error={submit.error} fields={LOGIN_FIELDS} style={{ marginBottom: 16 }} testId="login-error" />
        <Form<Credentials> layout="vertical" onFinish={submit.run} requiredMark={false} disabled={busy}>
          <Form.Item
            name="username"
            label={t('login.username')}
            rules={[{ required: true, whitespace: true, message: t('login.usernameRequired') }]}
          >
            <Input prefix={<UserOutlined aria-hidden />} autoComplete="username" autoFocus />
          </Form.Item>
          <Form.Item name="password" label={t('login.password')} rules={[{ required: true, message: t('login.passwordRequired') }]}>
            <Input.Password prefix={<LockOutlined aria-hidden />} autoComplete="current-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={busy}>
            {t('login.submit')}
          </Button>
        </Form>
        <div style={{ marginTop: 20, textAlign: 'center' }}>
          <Link to="/status">{t('login.checkStatus')}</Link>
        </div>
      </Card>
    </main>
  );
}
