import { useI18n } from '../../../shared/i18n/I18n';
import { displayValue } from '../../../shared/format';
import type { AuditEntry } from '../api';
import { AUDIT_ACTION_LABEL, AUDIT_SENTENCE, AUDIT_STATUS_LABEL } from '../labels';
import { CASE_STATUS_LABEL, RECOMMENDATION_LABEL } from '../../verification/labels';

type Obj = Record<string, unknown>;
const obj = (v: unknown): Obj => (v && typeof v === 'object' ? (v as Obj) : {});
const str = (v: unknown): string => (typeof v === 'string' && v ? v : typeof v === 'number' ? String(v) : '');

/** One entry of the trail as a sentence: who did what to which record (issue 11); the raw entry stays folded beside it. */
export function useAuditSentence(): (e: AuditEntry) => string {
  const { t, label } = useI18n();
  return (e) => {
    const action = displayValue(e.action);
    const actor = obj(e.actor);
    const target = obj(e.target);
    const before = obj(e.before);
    const after = obj(e.after);
    const status = (code: unknown) => {
      const c = str(code);
      if (!c) return '—';
      if (action === 'CASE_ASSESSED' || action === 'FIELD_VISIT_RECORDED') return label(CASE_STATUS_LABEL, c);
      return label(AUDIT_STATUS_LABEL, c);
    };
    const vars = {
      actor: str(actor.username) || (str(after.by).startsWith('system:') ? t('audit.system') : t('audit.someone')),
      target: str(target.label) || str(target.id) || '—',
      status: status(action === 'FIELD_VISIT_RECORDED' ? after.caseStatus : action === 'CASE_DECIDED' ? after.outcome : after.status),
      from: status(before.status),
      to: status(after.status),
      name: str(after.name) || str(before.name) || str(target.label),
      date: str(after.date) || str(before.date) || str(target.id),
      agency: e.agencyCode ?? '—',
      assignee: str(after.assignee) || '—',
      recommendation: str(after.recommendation) ? label(RECOMMENDATION_LABEL, str(after.recommendation)) : '—',
      action: label(AUDIT_ACTION_LABEL, action),
    };
    return action in AUDIT_SENTENCE ? t(AUDIT_SENTENCE[action as keyof typeof AUDIT_SENTENCE], vars) : t('audit.say.other', vars);
  };
}
