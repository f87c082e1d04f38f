import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { DataSource, type EntityManager } from 'typeorm';
import { Rpc, EligibilitySettingsDto, validatePayload, type Actor, type CaseListItem, type EligibilityRulesView, type CaseView, type FieldTaskView, type RecordVisitRequest, type RuleOutcome, type VisitView } from '#contracts';
import { covers, maskNik, visibleAgencies } from '#domain';
import { requireCanChange, requireRole, isUuid } from '#platform';
import { clamp } from '../registry/import-registry/import-registry.message.controller.js';
import { VerificationError, VerificationErrorCode } from '../verification.error.js';
import { CaseAssessmentService, ruleLayers } from './assess-case/case-assessment.service.js';
import type { CaseSubject, EligibilitySettings } from './eligibility/eligibility.js';
import { FieldVerificationService } from './field-verification/field-verification.service.js';

function rulesView(r: { agency_code: string; service_code: string; version: number; settings: EligibilitySettings; updated_by: string; updated_at: Date }): EligibilityRulesView {
  return { serviceCode: r.service_code, agencyCode: r.agency_code, version: r.version, settings: r.settings, updatedBy: r.updated_by, updatedAt: iso(r.updated_at)! };
}

const iso = (d: Date | null | undefined) => (d ? new Date(d).toISOString() : null);

/** Cases, their field tasks and the eligibility settings, for the staff of the agency (a province: its regencies too). */
@Controller()
export class CasesMessageController {
  constructor(
    private readonly ds: DataSource,
    private readonly assessment: CaseAssessmentService,
    private readonly field: FieldVerificationService,
  ) {}

  @MessagePattern(Rpc.verification.listCases)
  async list(@Payload() b: { actor: Actor; status?: string; serviceCode?: string; limit?: number; offset?: number }) {
    const limit = clamp(b.limit ?? 50, 1, 200);
    const offset = Math.max(0, b.offset ?? 0);
    const rows: Array<Record<string, any>> = await this.ds.query(
      `SELECT c.*, count(*) OVER () AS total,
              (SELECT coalesce(jsonb_object_agg(o, n), '{}') FROM (SELECT outcome AS o, count(*) AS n FROM case_rule_results WHERE case_id = c.id GROUP BY outcome) x) AS rule_counts,
              (SELECT count(*) FROM case_duplicates d WHERE d.case_id = c.id)::int AS duplicates
         FROM cases c
        WHERE c.agency_code = ANY($1) AND ($2::text IS NULL OR c.status = $2) AND ($3::text IS NULL OR c.service_code = $3)
        ORDER BY c.opened_at DESC LIMIT $4 OFFSET $5`,
      [visibleAgencies(b.actor), b.status ?? null, b.serviceCode ?? null, limit, offset],
    );
    const items: CaseListItem[] = rows.map((c) => ({
      caseId: c.id, applicationId: c.application_id, ticketNumber: c.ticket_number, agencyCode: c.agency_code, serviceCode: c.service_code,
      status: c.status, outcome: c.outcome, openedAt: iso(c.opened_at)!,
      rules: { PASSED: Number(c.rule_counts.PASSED ?? 0), FAILED: Number(c.rule_counts.FAILED ?? 0), NEEDS_REVIEW: Number(c.rule_counts.NEEDS_REVIEW ?? 0) } as Record<RuleOutcome, number>,
      duplicates: c.duplicates,
    }));
    return { items, total: rows.length ? Number(rows[0].total) : 0, limit, offset };
  }

  @MessagePattern(Rpc.verification.getCase)
  get(@Payload() b: { actor: Actor; caseId?: string; applicationId?: string }): Promise<CaseView> {
    return this.view(b.actor, b.caseId, b.applicationId);
  }

  /** The gateway brings the application (it may read intake; verification may not), and the case is assessed against it. */
  @MessagePattern(Rpc.verification.assessCase)
  async assess(@Payload() b: { actor: Actor; caseId: string }): Promise<CaseView> {
    requireRole(b.actor, 'VERIFIER', 'HEAD', 'ADMIN');
    const seen = await this.view(b.actor, b.caseId);
    requireCanChange(b.actor, seen.agencyCode, 'this case');
    await this.assessment.assess(b.actor.username, b.caseId);
    return this.view(b.actor, b.caseId);
  }

  @MessagePattern(Rpc.verification.listTasks)
  async tasks(@Payload() b: { actor: Actor; assignee?: string; status?: string; limit?: number; offset?: number }) {
    const limit = clamp(b.limit ?? 50, 1, 200);
    const offset = Math.max(0, b.offset ?? 0);
    const rows: Array<Record<string, any>> = await this.ds.query(
      `SELECT t.*, c.application_id, c.ticket_number, c.service_code, count(*) OVER () AS total
         FROM field_tasks t JOIN cases c ON c.id = t.case_id
        WHERE t.agency_code = ANY($1) AND ($2::text IS NULL OR t.assignee = $2) AND ($3::text IS NULL OR t.status = $3)
        ORDER BY t.created_at, t.position LIMIT $4 OFFSET $5`,
      [visibleAgencies(b.actor), b.assignee ?? null, b.status ?? null, limit, offset],
    );
    const visits = await this.visitsOf(rows.map((r) => r.id));
    return { items: rows.map((t) => this.taskView(t, visits)), total: rows.length ? Number(rows[0].total) : 0, limit, offset };
  }

  @MessagePattern(Rpc.verification.assignTask)
  async assign(@Payload() b: { actor: Actor; taskId: string; assignee: string }) {
    // a verifier answers tasks; who answers which is the head's (or the admin's) to decide
    requireRole(b.actor, 'HEAD', 'ADMIN');
    await this.field.assign(b.actor, b.taskId, b.assignee);
    return this.taskById(b.actor, b.taskId);
  }

  @MessagePattern(Rpc.verification.recordVisit)
  async visit(@Payload() b: { actor: Actor; taskId: string; visit: RecordVisitRequest }) {
    requireRole(b.actor, 'VERIFIER');
    const r = await this.field.recordVisit(b.actor, b.taskId, b.visit);
    return { ...r, task: await this.taskById(b.actor, b.taskId) };
  }

  /** The eligibility settings in force for the caller's agency, per service standard, and whose they are. */
  @MessagePattern(Rpc.verification.listRules)
  async rules(@Payload() b: { actor: Actor }): Promise<{ items: EligibilityRulesView[] }> {
    const codes: Array<{ service_code: string }> = await this.ds.query(`SELECT DISTINCT service_code FROM eligibility_rules WHERE agency_code = '*' ORDER BY service_code`);
    const items: EligibilityRulesView[] = [];
    for (const { service_code } of codes) {
      const r = await this.assessment.rulesInForce(this.ds, service_code, b.actor.agencyCode);
      if (r) items.push(rulesView(r));
    }
    return { items };
  }

  /** Every version of a service's settings that bears on the caller's agency (its own, its province's, the defaults), newest first. */
  @MessagePattern(Rpc.verification.listRuleVersions)
  async ruleVersions(@Payload() b: { actor: Actor; serviceCode: string }): Promise<{ items: EligibilityRulesView[] }> {
    const rows = await this.ds.query(
      `SELECT * FROM eligibility_rules WHERE service_code = $1 AND agency_code = ANY($2::text[]) ORDER BY updated_at DESC, version DESC`,
      [b.serviceCode, ruleLayers(b.actor.agencyCode)],
    );
    if (!rows.length) throw new VerificationError(VerificationErrorCode.RulesNotFound, `No eligibility settings for ${b.serviceCode}`);
    return { items: rows.map(rulesView) };
  }

  /** An admin sets their agency's settings of a service: a new version, in force for assessments from now on. */
  @MessagePattern(Rpc.verification.updateRules)
  async updateRules(@Payload() b: { actor: Actor; serviceCode: string; settings: unknown }): Promise<EligibilityRulesView> {
    requireRole(b.actor, 'ADMIN');
    const checked = await validatePayload(EligibilitySettingsDto, b.settings);
    if (!checked.ok) {
      throw new VerificationError(VerificationErrorCode.InvalidRules, 'The eligibility settings are invalid', checked.errors.map((e) => ({ path: `settings.${e.path}`.replace(/\.$/, ''), message: e.message })));
    }
    const [known] = await this.ds.query(`SELECT 1 FROM eligibility_rules WHERE agency_code = '*' AND service_code = $1 LIMIT 1`, [b.serviceCode]);
    if (!known) throw new VerificationError(VerificationErrorCode.RulesNotFound, `${b.serviceCode} has no eligibility rules to set (it is not verified)`);
    const [row] = await this.ds.query(
      `INSERT INTO eligibility_rules (agency_code, service_code, version, settings, updated_by)
       SELECT $1, $2, coalesce(max(version), 0) + 1, $3, $4 FROM eligibility_rules WHERE agency_code = $1 AND service_code = $2
       RETURNING *`,
      [b.actor.agencyCode, b.serviceCode, JSON.stringify(checked.value), b.actor.username],
    );
    return rulesView(row);
  }

  private async taskById(actor: Actor, taskId: string): Promise<FieldTaskView> {
    const [t] = await this.ds.query(`SELECT t.*, c.application_id, c.ticket_number, c.service_code FROM field_tasks t JOIN cases c ON c.id = t.case_id WHERE t.id = $1`, [taskId]);
    if (!t || !covers(actor, t.agency_code)) throw new VerificationError(VerificationErrorCode.TaskNotFound, `No field verification task ${taskId}`);
    return this.taskView(t, await this.visitsOf([taskId]));
  }

  private async visitsOf(taskIds: string[], m: Pick<EntityManager, 'query'> = this.ds): Promise<Map<string, VisitView[]>> {
    const rows: Array<Record<string, any>> = taskIds.length ? await m.query(`SELECT * FROM field_visits WHERE task_id = ANY($1::uuid[]) ORDER BY recorded_at`, [taskIds]) : [];
    const out = new Map<string, VisitView[]>();
    for (const v of rows) {
      if (!out.has(v.task_id)) out.set(v.task_id, []);
      out.get(v.task_id)!.push({
        visitId: v.id, officer: v.officer, visitedAt: iso(v.visited_at)!, latitude: v.latitude, longitude: v.longitude, findings: v.findings,
        recommendation: v.recommendation, attachments: v.attachments, recordedAt: iso(v.recorded_at)!,
      });
    }
    return out;
  }

  private taskView(t: Record<string, any>, visits: Map<string, VisitView[]>): FieldTaskView {
    return {
      taskId: t.id, caseId: t.case_id, applicationId: t.application_id, ticketNumber: t.ticket_number, agencyCode: t.agency_code, serviceCode: t.service_code,
      stage: t.stage, order: t.position, status: t.status, assignee: t.assignee, assignedBy: t.assigned_by, assignedAt: iso(t.assigned_at),
      createdAt: iso(t.created_at)!, visits: visits.get(t.id) ?? [],
    };
  }

  private async view(actor: Actor, caseId?: string, applicationId?: string): Promise<CaseView> {
    // one snapshot of the case: its row, rules, tasks and history as of the same moment
    return this.ds.transaction('REPEATABLE READ', (m) => this.viewIn(m, actor, caseId, applicationId));
  }

  private async viewIn(m: EntityManager, actor: Actor, caseId?: string, applicationId?: string): Promise<CaseView> {
    const key = caseId ?? applicationId ?? '';
    const [c] = isUuid(key) ? await m.query(`SELECT * FROM cases WHERE ${caseId ? 'id' : 'application_id'} = $1`, [key]) : [];
    if (!c || !covers(actor, c.agency_code)) throw new VerificationError(VerificationErrorCode.CaseNotFound, `No verification case ${key}`);
    const rules = await m.query(`SELECT * FROM case_rule_results WHERE case_id = $1 ORDER BY position`, [c.id]);
    const dups = await m.query(`SELECT * FROM case_duplicates WHERE case_id = $1 ORDER BY found_at, kind`, [c.id]);
    const tasks = await m.query(`SELECT t.*, $2::uuid AS application_id, $3::text AS ticket_number, $4::text AS service_code FROM field_tasks t WHERE case_id = $1 ORDER BY position`, [c.id, c.application_id, c.ticket_number, c.service_code]);
    const history = await m.query(`SELECT * FROM case_history WHERE case_id = $1 ORDER BY id`, [c.id]);
    const visits = await this.visitsOf(tasks.map((t: { id: string }) => t.id), m);
    const s = c.subject as CaseSubject | null;
    return {
      caseId: c.id, applicationId: c.application_id, ticketNumber: c.ticket_number, agencyCode: c.agency_code, serviceCode: c.service_code,
      status: c.status, outcome: c.outcome, reason: c.reason, openedAt: iso(c.opened_at)!, assessedAt: iso(c.assessed_at), decidedAt: iso(c.decided_at),
      subject: s && {
        applicant: { nik: maskNik(s.applicant.nik), name: s.applicant.name, kkNumber: maskNik(s.applicant.kkNumber), villageCode: s.applicant.villageCode },
        beneficiary: s.beneficiary && { nik: maskNik(s.beneficiary.nik), name: s.beneficiary.name, birthDate: s.beneficiary.birthDate },
        targetGroup: s.targetGroup,
      },
      registrySnapshotIds: c.registry_snapshot_ids ?? [],
      rules: rules.map((r: any) => ({ rule: r.rule, outcome: r.outcome, message: r.message, evidence: r.evidence, checkedAt: iso(r.checked_at)! })),
      duplicates: dups.map((d: any) => ({ kind: d.kind, other: d.other, message: d.message })),
      tasks: tasks.map((t: any) => this.taskView(t, visits)),
      history: history.map((h: any) => ({ at: iso(h.at)!, actor: h.actor, action: h.action, detail: h.detail })),
    };
  }
}
