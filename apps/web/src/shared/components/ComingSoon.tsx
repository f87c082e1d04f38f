import { Card, Result, Typography } from 'antd';
import { ClockCircleOutlined } from '@ant-design/icons';
import { useI18n, type MessageKey } from '../i18n/I18n';

/** The page of a service whose screens are not built yet: what it will do, and that it is coming. */
export function ComingSoon({ title, text }: { title: MessageKey; text: MessageKey }) {
  const { t } = useI18n();
  return (
    <Card>
      <Result
        icon={<ClockCircleOutlined aria-hidden />}
        title={t(title)}
        subTitle={t('comingSoon.title')}
        extra={
          <Typography.Paragraph type="secondary" style={{ maxWidth: 640, margin: '0 auto' }}>
            {t(text)}
          </Typography.Paragraph>
        }
      />
    </Card>
  );
}
