import { Button, Drawer, Space } from 'antd';
import type { ReactNode } from 'react';
import { useI18n } from '../i18n/I18n';

/** A large drawer holding an edit form: cancel and save (which submits the form, `onSave`) at its top right. */
export function EditDrawer({
  title,
  saveLabel,
  busy,
  onSave,
  onClose,
  children,
}: {
  title: ReactNode;
  saveLabel: ReactNode;
  busy: boolean;
  onSave: () => void;
  onClose: () => void;
  children: ReactNode;
}) {
  const { t } = useI18n();
  return (
    <Drawer
      open
      size="large"
      title={title}
      onClose={onClose}
      destroyOnHidden
      extra={
        <Space>
          <Button onClick={onClose}>{t('action.cancel')}</Button>
          <Button type="primary" loading={busy} onClick={onSave}>
            {saveLabel}
          </Button>
        </Space>
      }
    >
      {children}
    </Drawer>
  );
}
