import type { Actor, CaseListItem, CaseView, FieldTaskView, RuleOutcome, VisitAttachmentView, VisitView } from '#contracts';
import { maskNik, type AreaIndex } from '#domain';
import { mayReadPhone, rtRwOf } from '../domain/field-officer.js';
import type { Settlement } from '../domain/settlement.js';
import type { ApplicantPlace, AttachmentRow, CaseRow, RuleRow, TaskRow, VisitRow } from './case.repository.js';

/** Who reads a view (the phone is theirs to see or not) and the area list that names desa and kecamatan. */
export interface ViewContext {
  actor?: Actor;
  areas?: AreaIndex;
}

/** Where an applicant lives, by code and (once the area list is loaded) by name. */
export function placeOf(a: ApplicantPlace | null | undefined, areas?: AreaIndex) {
  const villageCode = a?.villageCode || null;
  const districtCode = villageCode ? villageCode.split('.').slice(0, 3).join('.') : null;
  return {
    address: a?.address || null,
    ...rtRwOf(a?.address),
    villageCode,
    villageName: (villageCode && areas?.name(villageCode)) || null,
    districtCode,
    districtName: (districtCode && areas?.name(districtCode)) || null,
  };
}

export function attachmentView(a: AttachmentRow): VisitAttachmentView {
  return {
    attachmentId: a.id,
    ref: a.id,
    taskId: a.task_id,
    name: a.file_name,
    contentType: a.content_type as VisitAttachmentView['contentType'],
    size: Number(a.size),
    uploadedBy: a.uploaded_by,
    uploadedAt: iso(a.uploaded_at)!,
  };
}

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

export function taskView(t: TaskRow, visits: Map<string, VisitView[]>, ctx: ViewContext = {}): FieldTaskView {
  const a = t.applicant ?? null;
  const phone = a?.phone || null;
  const shown = !!phone && !!ctx.actor && mayReadPhone(ctx.actor, { agencyCode: t.agency_code, assignee: t.assignee });
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
    applicantName: a?.name || null,
    ...placeOf(a, ctx.areas),
    phone: shown ? phone : null,
    phoneHidden: !!phone && !shown,
  };
}

export function caseListItem(c: Record<string, any>, areas?: AreaIndex): CaseListItem {
  const s = c.subject as CaseRow['subject'];
  const place = placeOf(s?.applicant, areas);
  return {
    caseId: c.id,
    applicationId: c.application_id,
    ticketNumber: c.ticket_number,
    agencyCode: c.agency_code,
    serviceCode: c.service_code,
    status: c.status,
    outcome: c.outcome,
    openedAt: iso(c.opened_at)!,
    applicantName: s?.applicant.name ?? null,
    applicantNik: s ? maskNik(s.applicant.nik) : null,
    beneficiaryName: s?.beneficiary?.name ?? null,
    villageCode: place.villageCode,
    villageName: place.villageName,
    districtName: place.districtName,
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
  ctx: ViewContext = {},
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
    tasks: parts.tasks.map((t) => taskView({ ...t, applicant: s?.applicant ?? null }, visits, ctx)),
    history: parts.history.map((h) => ({
      at: iso(h.at)!,
      actor: h.actor,
      action: h.action,
      detail: h.detail as CaseView['history'][number]['detail'],
    })),
  };
}
