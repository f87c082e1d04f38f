import { Typography } from 'antd';
import { useI18n } from '../../../shared/i18n/I18n';
import { formatRupiah } from '../money';

/** An amount of whole Rupiah, on one line, right where a table column aligns numbers. */
export function Money({ value, strong, type }: { value: string | null | undefined; strong?: boolean; type?: 'danger' | 'success' }) {
  const { locale } = useI18n();
  return (
    <Typography.Text strong={strong} type={type} style={{ whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' }}>
      {formatRupiah(value, locale)}
    </Typography.Text>
  );
}
