import type { CaseListItem, CaseView, FieldTaskView, RuleOutcome, VisitView } from '#contracts';
import { maskNik } from '#domain';
import type { Settlement } from '../domain/settlement.js';
import type { CaseRow, RuleRow, TaskRow, VisitRow } from './case.repository.js';

export const iso = (d: Date | string | null | undefined): string | null => (d ? new Date(d).toISOString() : null);

export function visitView(v: VisitRow): VisitView {
  return {
    visitId: v.id,
    officer: v.officer,
    visitedAt: iso(v.visited_at)!,
    latitude: v.latitude,
    longitude: v.longitude,
    findings: v.findings,
    recommendation: v.recommendation,
    attachments: v.attachments as VisitView['attachments'],
    recordedAt: iso(v.recorded_at)!,
  };
}

export function visitsByTask(rows: VisitRow[]): Map<string, VisitView[]> {
  const out = new Map<string, VisitView[]>();
  for (const v of rows) {
    if (!out.has(v.task_id)) out.set(v.task_id, []);
    out.get(v.task_id)!.push(visitView(v));
  }
  return out;
}

export function taskView(t: TaskRow, visits: Map<string, VisitView[]>): FieldTaskView {
  return {
    taskId: t.id,
    caseId: t.case_id,
    applicationId: t.application_id!,
    ticketNumber: t.ticket_number ?? null,
    agencyCode: t.agency_code,
    serviceCode: t.service_code!,
    stage: t.stage as FieldTaskView['stage'],
    order: t.position,
    status: t.status as FieldTaskView['status'],
    assignee: t.assignee,
    assignedBy: t.assigned_by,
    assignedAt: iso(t.assigned_at),
    createdAt: iso(t.created_at)!,
    visits: visits.get(t.id) ?? [],
  };
}

export function caseListItem(c: Record<string, any>): CaseListItem {
  return {
    caseId: c.id,
    applicationId: c.application_id,
    ticketNumber: c.ticket_number,
    agencyCode: c.agency_code,
    serviceCode: c.service_code,
    status: c.status,
    outcome: c.outcome,
    openedAt: iso(c.opened_at)!,
    rules: {
      PASSED: Number(c.rule_counts.PASSED ?? 0),
      FAILED: Number(c.rule_counts.FAILED ?? 0),
      NEEDS_REVIEW: Number(c.rule_counts.NEEDS_REVIEW ?? 0),
    } as Record<RuleOutcome, number>,
    duplicates: c.duplicates,
  };
}

/** A case with everything read as of one moment; the applicant's and beneficiary's NIK and KK masked. */
export function caseView(
  c: CaseRow,
  parts: {
    rules: RuleRow[];
    settlements: Array<Settlement & { settledAt: Date }>;
    duplicates: Array<{ kind: string; other: unknown; message: string }>;
    tasks: TaskRow[];
    visits: VisitRow[];
    history: Array<{ at: Date; actor: string; action: string; detail: unknown }>;
  },
): CaseView {
  const s = c.subject;
  const visits = visitsByTask(parts.visits);
  return {
    caseId: c.id,
    applicationId: c.application_id,
    ticketNumber: c.ticket_number,
    agencyCode: c.agency_code,
    serviceCode: c.service_code,
    status: c.status as CaseView['status'],
    outcome: c.outcome as CaseView['outcome'],
    reason: c.reason,
    openedAt: iso(c.opened_at)!,
    assessedAt: iso(c.assessed_at),
    decidedAt: iso(c.decided_at),
    subject: s && {
      applicant: {
        nik: maskNik(s.applicant.nik),
        name: s.applicant.name,
        kkNumber: maskNik(s.applicant.kkNumber),
        villageCode: s.applicant.villageCode,
      },
      beneficiary: s.beneficiary && { nik: maskNik(s.beneficiary.nik), name: s.beneficiary.name, birthDate: s.beneficiary.birthDate },
      targetGroup: s.targetGroup,
    },
    registrySnapshotIds: c.registry_snapshot_ids ?? [],
    rules: parts.rules.map((r) => {
      const s = parts.settlements.find((x) => x.rule === r.rule && x.outcome === r.outcome);
      return {
        rule: r.rule,
        outcome: r.outcome,
        message: r.message,
        evidence: r.evidence as CaseView['rules'][number]['evidence'],
        checkedAt: iso(r.checked_at)!,
        settlement: s ? { outcome: s.outcome, reason: s.reason, settledBy: s.settledBy, settledAt: iso(s.settledAt)! } : null,
      };
    }),
    duplicates: parts.duplicates.map((d) => ({ kind: d.kind, other: d.other, message: d.message }) as CaseView['duplicates'][number]),
    tasks: parts.tasks.map((t) => taskView(t, visits)),
    history: parts.history.map((h) => ({
      at: iso(h.at)!,
      actor: h.actor,
      action: h.action,
      detail: h.detail as CaseView['history'][number]['detail'],
    })),
  };
}
