// A place kept for a part of disbursement that is being built now (the decree's PDF and XLSX,
// the bank's files, the realisation report, the distribution schedule and the handover): its
// heading, what it will do, and its buttons, not yet usable. The lead wires each to its route.
import type { ReactNode } from 'react';
import { Alert, Button, Card, Space, Typography } from 'antd';
import { ClockCircleOutlined } from '@ant-design/icons';
import { useI18n, type MessageKey } from '../../../shared/i18n/I18n';

export interface SlotAction {
  key: string;
  label: MessageKey;
  icon?: ReactNode;
}

export function ComingSlot({ slot, title, text, actions }: { slot: string; title: MessageKey; text: MessageKey; actions: SlotAction[] }) {
  const { t } = useI18n();
  return (
    <Card size="small" title={t(title)} data-testid={`slot-${slot}`} data-slot={slot}>
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Typography.Paragraph style={{ margin: 0 }}>{t(text)}</Typography.Paragraph>
        <Space wrap>
          {actions.map((a) => (
            <Button key={a.key} icon={a.icon} disabled data-action={a.key}>
              {t(a.label)}
            </Button>
          ))}
        </Space>
        <Alert type="info" showIcon icon={<ClockCircleOutlined aria-hidden />} title={t('disb.slot.soon')} />
      </Space>
    </Card>
  );
}
