// Where the budget lines lead to the realisation report of the same year (its table and XLSX).
import { Button, Card, Space, Typography } from 'antd';
import { BarChartOutlined } from '@ant-design/icons';
import { useI18n } from '../../../shared/i18n/I18n';
import { Link } from '../../../shared/router';

export function RealisationCard({ year, agencyCode }: { year: number; agencyCode?: string }) {
  const { t } = useI18n();
  const to = `/disbursement/realisation?year=${year}${agencyCode ? `&agency=${encodeURIComponent(agencyCode)}` : ''}`;
  return (
    <Card size="small" title={t('disb.slot.realisation.title')} data-testid="realisation-card">
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Typography.Paragraph style={{ margin: 0 }}>{t('disb.slot.realisation.text')}</Typography.Paragraph>
        <Link to={to}>
          <Button icon={<BarChartOutlined aria-hidden />}>{t('disb.real.open', { year })}</Button>
        </Link>
      </Space>
    </Card>
  );
}
