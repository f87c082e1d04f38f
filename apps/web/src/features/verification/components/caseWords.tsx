// The case page in words a verifier reads: services and target groups by name (the standard of
// the case's agency, from intake), evidence fields named as a person says them with dates as
// dates, snapshots by their date and row count, and the history as sentences with the raw
// details folded away.
import type { CaseHistoryView, LocalizedText, RegistrySnapshotView, StandardView } from '@contracts';
import { Typography } from 'antd';
import { useI18n, type MessageKey } from '../../../shared/i18n/I18n';
import { loc } from '../../../shared/i18n/localized';
import { useLoad } from '../../../shared/useLoad';
import { formatDateTime, prettyJson } from '../../../shared/format';
import { intakeApi } from '../../intake/api';
import { verificationApi } from '../api';
import { RECOMMENDATION_LABEL, RULE_LABEL, RULE_OUTCOME_LABEL, STAGE_LABEL } from '../labels';

/** The standards of an agency (for names of services and target groups); empty while loading or when intake is away. */
export function useStandards(agencyCode: string | undefined): StandardView[] {
  const list = useLoad(
    (signal) => (agencyCode ? intakeApi.standards({ agencyCode, includeInactive: true }, signal) : Promise.resolve([])),
    [agencyCode],
  );
  return list.data ?? [];
}

/** The registry snapshots of an agency, to name a snapshot by its date rather than its id. */
export function useSnapshots(agencyCode: string | undefined): RegistrySnapshotView[] {
  const list = useLoad(
    (signal) => (agencyCode ? verificationApi.snapshots(agencyCode, signal) : Promise.resolve({ items: [], total: 0 })),
    [agencyCode],
  );
  return list.data?.items ?? [];
}

export function serviceName(standards: StandardView[], code: string, lang: 'id' | 'en'): string {
  const s = standards.find((x) => x.code === code);
  return s ? loc(s.name, lang, code) : code;
}

export function targetGroupName(
  standards: StandardView[],
  serviceCode: string,
  group: string | null | undefined,
  lang: 'id' | 'en',
): string {
  if (!group) return '—';
  const g = standards.find((x) => x.code === serviceCode)?.targetGroups.find((x) => x.code === group);
  return g ? loc(g.name as LocalizedText, lang, group) : group;
}

/** "DTSEN 12 Jun 2026 (6 baris)" for a snapshot the page knows, else a short id. */
export function useSnapshotName() {
  const { t, locale } = useI18n();
  return (snapshots: RegistrySnapshotView[], id: string | null | undefined) => {
    if (!id) return '—';
    const s = snapshots.find((x) => x.snapshotId === id);
    return s
      ? t('snapshot.name', { date: formatDateTime(s.completedAt ?? s.createdAt, locale), rows: s.rows })
      : t('snapshot.unknown', { id: id.slice(0, 8) });
  };
}

/** The application's fields as evidence names them, in words. */
const FIELD_WORDS: Record<string, MessageKey> = {
  'beneficiary.birthDate': 'evidenceField.beneficiary.birthDate',
  'beneficiary.nik': 'evidenceField.beneficiary.nik',
  'beneficiary.name': 'evidenceField.beneficiary.name',
  'beneficiary.sex': 'evidenceField.beneficiary.sex',
  'applicant.birthDate': 'evidenceField.applicant.birthDate',
  'applicant.nik': 'evidenceField.applicant.nik',
  'applicant.villageCode': 'evidenceField.applicant.villageCode',
  'applicant.kkNumber': 'evidenceField.applicant.kkNumber',
  'applicant.address': 'evidenceField.applicant.address',
  targetGroup: 'evidenceField.targetGroup',
  documents: 'evidenceField.documents',
};

/** A field path in words ("tanggal lahir penerima"); an unknown path keeps its last part, spaced. */
export function useFieldWords() {
  const { t } = useI18n();
  return (field: string | null | undefined) => {
    if (!field) return '—';
    const k = FIELD_WORDS[field];
    if (k) return t(k);
    const last = field.split('.').pop() ?? field;
    return last
      .replace(/([a-z])([A-Z])/g, '$1 $2')
      .replace(/_/g, ' ')
      .toLowerCase();
  };
}

/** A value as a person reads it: an ISO date as "2 Mei 2019", else as it is. */
export function valueWords(v: unknown, locale: string): string {
  if (v === undefined || v === null || v === '') return '—';
  if (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v)) {
    return new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${v}T00:00:00Z`));
  }
  return typeof v === 'object' ? prettyJson(v, 0) : String(v);
}

type Detail = Record<string, unknown>;
const str = (v: unknown) => (typeof v === 'string' ? v : v === undefined || v === null ? '' : String(v));

/** One history entry as a sentence; what the sentence does not say stays under "Rincian". */
function HistoryLine({ h }: { h: CaseHistoryView }) {
  const { t, label, locale } = useI18n();
  const d: Detail = h.detail ?? {};
  let text: string;
  switch (h.action) {
    case 'ASSESSED':
    case 'RECHECKED': {
      const outcomes = Object.values((d.outcomes ?? {}) as Record<string, string>);
      const count = (o: string) => outcomes.filter((x) => x === o).length;
      text = t(h.action === 'ASSESSED' ? 'history.assessed' : 'history.rechecked', {
        passed: count('PASSED'),
        review: count('NEEDS_REVIEW'),
        failed: count('FAILED'),
      });
      const changed = Array.isArray(d.changed) ? (d.changed as Detail[]) : [];
      if (changed.length) {
        text += ` ${changed
          .map(
            (c) => `${label(RULE_LABEL, str(c.rule))}: ${label(RULE_OUTCOME_LABEL, str(c.from))} → ${label(RULE_OUTCOME_LABEL, str(c.to))}`,
          )
          .join('; ')}.`;
      }
      break;
    }
    case 'TASK_ASSIGNED':
      text = t(d.previous ? 'history.reassigned' : 'history.assigned', {
        stage: label(STAGE_LABEL, str(d.stage)),
        officer: str(d.assignee),
        previous: str(d.previous),
      });
      break;
    case 'VISIT_RECORDED':
      text = t('history.visit', {
        stage: label(STAGE_LABEL, str(d.stage)),
        recommendation: label(RECOMMENDATION_LABEL, str(d.recommendation)),
      });
      break;
    case 'DECIDED':
      text =
        t(d.outcome === 'VERIFIED' ? 'history.verified' : 'history.rejected') +
        (d.reason ? ` ${t('history.because', { reason: str(d.reason) })}` : '');
      break;
    default:
      text = t('history.other', { action: h.action.replace(/_/g, ' ').toLowerCase() });
  }
  return (
    <div>
      <Typography.Text strong>{text}</Typography.Text>{' '}
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {formatDateTime(h.at, locale)} · {h.actor}
      </Typography.Text>
      {Object.keys(d).length > 0 && (
        <details style={{ fontSize: 12 }}>
          <summary>{t('history.details')}</summary>
          <pre className="sigap-json">{prettyJson(d)}</pre>
        </details>
      )}
    </div>
  );
}

/** The case's history, oldest first, each entry a sentence. */
export function caseHistoryItems(history: CaseHistoryView[]) {
  return history.map((h, i) => ({ key: `${h.at}-${i}`, content: <HistoryLine h={h} /> }));
}
