import { Form, Input } from 'antd';
import { useI18n, type MessageKey } from '../i18n/I18n';
import { MIN_PASSWORD } from '../roles';

/**
 * A new password and its repetition, with the gateway's minimum length (the server checks the
 * rest). `name` is the password's field; the repetition is `confirm`.
 */
export function PasswordFields({ name = 'password', label = 'newPassword.label' }: { name?: string; label?: MessageKey }) {
  const { t } = useI18n();
  return (
    <>
      <Form.Item
        name={name}
        label={t(label)}
        rules={[
          { required: true, message: t('newPassword.required') },
          { min: MIN_PASSWORD, message: t('newPassword.tooShort', { min: MIN_PASSWORD }) },
        ]}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      <Form.Item
        name="confirm"
        label={t('newPassword.confirm')}
        dependencies={[name]}
        rules={[
          { required: true, message: t('newPassword.confirmRequired') },
          ({ getFieldValue }) => ({
            validator: (_, v) =>
              !v || getFieldValue(name) === v ? Promise.resolve() : Promise.reject(new Error(t('newPassword.mismatch'))),
          }),
        ]}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
    </>
  );
}
