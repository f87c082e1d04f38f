import { ReloadOutlined } from '@ant-design/icons';
import { Button, Space, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useI18n } from '../i18n/I18n';

/** A page's title (h2), an optional line under it, and its actions on the right: a refresh button when `onRefresh` is given, then `children`. */
export function PageHeader({
  title,
  subtitle,
  onRefresh,
  children,
}: {
  title: ReactNode;
  subtitle?: ReactNode;
  onRefresh?: () => void;
  children?: ReactNode;
}) {
  const { t } = useI18n();
  return (
    <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center', flexWrap: 'wrap', gap: 8 }}>
      <div>
        <Typography.Title level={2} style={{ margin: 0 }}>
          {title}
        </Typography.Title>
        {subtitle && <Typography.Text type="secondary">{subtitle}</Typography.Text>}
      </div>
      <Space wrap>
        {onRefresh && (
          <Button icon={<ReloadOutlined aria-hidden />} onClick={onRefresh}>
            {t('action.refresh')}
          </Button>
        )}
        {children}
      </Space>
    </div>
  );
}
