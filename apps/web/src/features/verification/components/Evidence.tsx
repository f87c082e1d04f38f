import type { RegistrySnapshotView, RuleEvidence } from '@contracts';
import { Space, Typography } from 'antd';
import { useI18n } from '../../../shared/i18n/I18n';
import { prettyJson } from '../../../shared/format';
import { useFieldWords, useSnapshotName, valueWords } from './caseWords';

/**
 * Where a rule's outcome comes from: a registry row (the snapshot by its date), a document, a
 * field of the application ("tanggal lahir penerima: 2 Mei 2019"), another case, a setting.
 */
export function Evidence({ items, snapshots = [] }: { items: RuleEvidence[]; snapshots?: RegistrySnapshotView[] }) {
  const { t, locale } = useI18n();
  const fieldWords = useFieldWords();
  const snapshotName = useSnapshotName();
  if (!items?.length) return <>—</>;
  return (
    <Space orientation="vertical" size={0}>
      {items.map((e, i) => {
        let text: string;
        if (e.source === 'REGISTRY') {
          text =
            t('evidence.registryIn', { snapshot: snapshotName(snapshots, e.snapshotId), row: e.row ?? '—' }) +
            (e.value !== undefined ? ` · ${valueWords(e.value, locale)}` : '');
        } else if (e.source === 'DOCUMENT') text = t('evidence.document', { document: e.document ?? '—' });
        else if (e.source === 'APPLICATION')
          text = t('evidence.applicationField', { field: fieldWords(e.field), value: valueWords(e.value, locale) });
        else if (e.source === 'CASE') text = t('evidence.case', { ticket: e.ticketNumber ?? (e.caseId ?? '').slice(0, 8) });
        else text = t('evidence.settings', { field: fieldWords(e.field), value: e.value === undefined ? '—' : prettyJson(e.value, 0) });
        return (
          <Typography.Text key={i} style={{ fontSize: 12 }}>
            {text}
          </Typography.Text>
        );
      })}
    </Space>
  );
}
