import { useState } from 'react';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { ApiError } from '../api';
import { useAuth } from '../auth';
import { useI18n } from '../language';
import { apiErrorText } from '../errors';
import LanguageSwitch from '../components/LanguageSwitch';
import { Link } from '../router';

interface Credentials {
  username: string;
  password: string;
}

export default function LoginPage() {
  const { t } = useI18n();
  const { login, endedReason } = useAuth();
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const submit = async ({ username, password }: Credentials) => {
    setBusy(true);
    setError(null);
    try {
      await login(username.trim(), password);
    } catch (e) {
      setError(e);
      setBusy(false);
    }
  };

  // A refused login: 401 and 429 in the user's language, anything else as the API said it.
  let errorText: string | null = null;
  if (error instanceof ApiError && error.status === 401) {
    errorText = error.body?.code === 'ACCOUNT_DISABLED' ? t('login.disabled') : t('login.invalid');
  } else if (error instanceof ApiError && error.status === 429) {
    errorText = t('login.tooMany');
  } else if (error) {
    errorText = apiErrorText(error, t);
  }

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
        {endedReason && !error && (
          <Alert
            type={endedReason === 'passwordChanged' ? 'success' : 'info'}
            showIcon
            title={t(endedReason === 'passwordChanged' ? 'login.passwordChanged' : 'login.sessionEnded')}
            style={{ marginBottom: 16 }}
          />
        )}
        {errorText && (
          <Alert type="error" showIcon role="alert" title={errorText} style={{ marginBottom: 16 }} data-testid="login-error" />
        )}
        <Form<Credentials> layout="vertical" onFinish={submit} requiredMark={false} disabled={busy}>
          <Form.Item name="username" label={t('login.username')} rules={[{ required: true, whitespace: true, message: t('login.usernameRequired') }]}>
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
