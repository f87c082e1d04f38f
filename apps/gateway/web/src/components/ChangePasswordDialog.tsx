import { useState } from 'react';
import { Form, Input, Modal, Typography } from 'antd';
import { api } from '../api';
import { useAuth } from '../auth';
import { useI18n } from '../language';
import { apiErrorText, fieldErrors } from '../errors';
import { MIN_PASSWORD } from '../roles';

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
  const { logout } = useAuth();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const submit = async (v: Values) => {
    setBusy(true);
    setError(null);
    try {
      await api.post('/auth/change-password', { currentPassword: v.currentPassword, newPassword: v.newPassword });
      logout('passwordChanged');
    } catch (e) {
      form.setFields(fieldErrors(e, ['currentPassword', 'newPassword'] as const));
      setError(apiErrorText(e, t));
      setBusy(false);
    }
  };

  return (
    <Modal
      open
      title={t('password.title')}
      okText={t('password.submit')}
      cancelText={t('action.cancel')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={busy}
      destroyOnHidden
      mask={{ closable: false }}
    >
      <Typography.Paragraph type="secondary">{t('password.help')}</Typography.Paragraph>
      <Form<Values> form={form} layout="vertical" onFinish={submit}>
        <Form.Item name="currentPassword" label={t('password.current')} rules={[{ required: true, message: t('password.currentRequired') }]}>
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        <Form.Item
          name="newPassword"
          label={t('password.new')}
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
          dependencies={['newPassword']}
          rules={[
            { required: true, message: t('users.passwordConfirmRequired') },
            ({ getFieldValue }) => ({
              validator: (_, v) => (!v || getFieldValue('newPassword') === v ? Promise.resolve() : Promise.reject(new Error(t('users.passwordMismatch')))),
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
      </Form>
      {error && (
        <Typography.Text type="danger" role="alert">
          {error}
        </Typography.Text>
      )}
    </Modal>
  );
}
