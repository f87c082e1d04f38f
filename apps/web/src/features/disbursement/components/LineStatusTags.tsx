import type { DecreeLineStatus, DecreeView } from '@contracts';
import { Space, Tag } from 'antd';
import { useI18n, valuesOf } from '../../../shared/i18n/I18n';
import { LINE_STATUS_COLOR, LINE_STATUS_LABEL } from '../labels';

/** Tags of a decree's recipients per status ("Dibayar: 3"), the empty ones left out. */
export function LineStatusTags({ lines }: { lines: DecreeView['lines'] }) {
  const { label } = useI18n();
  return (
    <Space size={4} wrap>
      {valuesOf(LINE_STATUS_LABEL)
        .filter((s: DecreeLineStatus) => (lines[s]?.count ?? 0) > 0)
        .map((s) => (
          <Tag key={s} color={LINE_STATUS_COLOR[s]} style={{ marginInlineEnd: 0 }}>
            {label(LINE_STATUS_LABEL, s)}: {lines[s].count}
          </Tag>
        ))}
    </Space>
  );
}
