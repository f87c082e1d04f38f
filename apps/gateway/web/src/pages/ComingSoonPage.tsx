import { Card, Result, Typography } from 'antd';
import { ClockCircleOutlined } from '@ant-design/icons';
import { useI18n } from '../language';

export type Section = 'intake' | 'verification' | 'disbursement' | 'logistics' | 'complaints';

/** The page of a service whose screens are not built yet: what it will do, and that it is coming. */
export default function ComingSoonPage({ section }: { section: Section }) {
  const { t } = useI18n();
  return (
    <Card>
      <Result
        icon={<ClockCircleOutlined aria-hidden />}
        title={t(`nav.${section}`)}
        subTitle={t('comingSoon.title')}
        extra={
          <Typography.Paragraph type="secondary" style={{ maxWidth: 640, margin: '0 auto' }}>
            {t(`comingSoon.${section}`)}
          </Typography.Paragraph>
        }
      />
    </Card>
  );
}
