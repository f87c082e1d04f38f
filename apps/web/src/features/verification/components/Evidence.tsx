import type { RuleEvidence } from '@contracts';
import { Space, Typography } from 'antd';
import { useI18n } from '../../../shared/i18n/I18n';
import { prettyJson } from '../../../shared/format';

/** Where a rule's outcome comes from: a registry row, a document, a field of the application, another case, a setting. */
export function Evidence({ items }: { items: RuleEvidence[] }) {
  const { t } = useI18n();
  if (!items?.length) return <>—</>;
  return (
    <Space orientation="vertical" size={0}>
      {items.map((e, i) => {
        let text: string;
        if (e.source === 'REGISTRY') text = t('evidence.registry', { snapshot: (e.snapshotId ?? '').slice(0, 8), row: e.row ?? '—' }) + (e.value !== undefined ? ` · ${String(e.value)}` : '');
        else if (e.source === 'DOCUMENT') text = t('evidence.document', { document: e.document ?? '—' });
        else if (e.source === 'APPLICATION') text = t('evidence.application', { field: e.field ?? '—', value: e.value === undefined || e.value === null ? '—' : String(e.value) });
        else if (e.source === 'CASE') text = t('evidence.case', { ticket: e.ticketNumber ?? (e.caseId ?? '').slice(0, 8) });
        else text = t('evidence.settings', { field: e.field ?? '—', value: e.value === undefined ? '—' : prettyJson(e.value, 0) });
        return (
          <Typography.Text key={i} style={{ fontSize: 12 }}>
            {text}
          </Typography.Text>
        );
      })}
    </Space>
  );
}

