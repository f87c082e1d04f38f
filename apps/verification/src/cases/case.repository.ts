import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';
import type { DuplicateView, FieldStage, RecordVisitRequest, RuleOutcome, VisitView } from '#contracts';
import type { StageState } from '../domain/decision.js';
import { OPEN_STATUSES, type OtherCase } from '../domain/duplicates.js';
import type { CaseSubject, RuleResult } from '../domain/eligibility.js';
import type { Settlement } from '../domain/settlement.js';
import { isUuid } from '#platform';

/** What a query runs on: the pool, or the manager of a transaction. */
export type Sql = Pick<EntityManager, 'query'>;

export interface CaseRow {
  id: string;
  application_id: string;
  ticket_number: string | null;
  agency_code: string;
  service_code: string;
  status: string;
  outcome: string | null;
  reason: string | null;
  subject: CaseSubject | null;
  registry_snapshot_ids: string[] | null;
  opened_at: Date;
  assessed_at: Date | null;
  decided_at: Date | null;
}

export interface TaskRow {
  id: string;
  case_id: string;
  agency_code: string;
  stage: string;
  position: number;
  status: string;
  assignee: string | null;
  assigned_by: string | null;
  assigned_at: Date | null;
  created_at: Date;
  /** joined from the case */
  application_id?: string;
  ticket_number?: string | null;
  service_code?: string;
  /** the case's applicant: where the officer goes */
  applicant?: ApplicantPlace | null;
}

/** The part of the case's applicant a task shows. */
export interface ApplicantPlace {
  name?: string;
  address?: string;
  phone?: string | null;
  villageCode?: string;
}

export interface AttachmentRow {
  id: string;
  task_id: string;
  visit_id: string | null;
  object_name: string;
  file_name: string;
  content_type: string;
  size: string | number;
  uploaded_by: string;
  uploaded_at: Date;
}

/** The cases list's filters: a whole NIK, a text (ticket or name), place codes (desa, kecamatan). */
export interface CaseSearch {
  nik?: string;
  /** a LIKE pattern (escaped) for the ticket and the names */
  like?: string;
  /** the same with spaces as underscores: a ticket typed with spaces */
  ticketLike?: string;
  villages?: string[];
  districts?: string[];
}

export interface VisitRow {
  id: string;
  task_id: string;
  officer: string;
  visited_at: Date;
  latitude: number | null;
  longitude: number | null;
  findings: string;
  recommendation: 'ELIGIBLE' | 'NOT_ELIGIBLE';
  public_reason?: string | null;
  attachments: unknown;
  recorded_at: Date;
}

export interface RuleRow {
  rule: string;
  outcome: RuleOutcome;
  message: string;
  evidence: unknown;
  checked_at: Date;
}

export interface NewCase {
  applicationId: string;
  ticketNumber: string | null;
  agencyCode: string;
  serviceCode: string;
  dueAt: string | null;
  standardVersion: number | null;
}

/**
 * The case aggregate's SQL: the case, its rule results, duplicates, field tasks and their
 * visits, and its history. Names no schema: the connection's search_path is the service's.
 */
@Injectable()
export class CaseRepository {
  constructor(readonly ds: DataSource) {}

  /** Opens the cases of new applications (one per application, whatever the redeliveries); returns those opened now. */
  async open(m: Sql, cases: NewCase[]): Promise<Array<{ id: string; application_id: string; agency_code: string }>> {
    return m.query(
      `INSERT INTO cases (id, application_id, ticket_number, agency_code, service_code, status, due_at, standard_version)
       SELECT id, app, tn, ag, sv, 'AWAITING_ASSESSMENT', due, ver
         FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::text[], $5::text[], $6::timestamptz[], $7::int[]) AS t(id, app, tn, ag, sv, due, ver)
       ON CONFLICT (application_id) DO NOTHING
       RETURNING id, application_id, agency_code`,
      [
        cases.map(() => randomUUID()),
        cases.map((c) => c.applicationId),
        cases.map((c) => c.ticketNumber),
        cases.map((c) => c.agencyCode),
        cases.map((c) => c.serviceCode),
        cases.map((c) => c.dueAt),
        cases.map((c) => c.standardVersion),
      ],
    );
  }

  /** A case by id or by application id (null for a key that is not a UUID). */
  async find(m: Sql, key: { caseId?: string; applicationId?: string }, opts: { forUpdate?: boolean } = {}): Promise<CaseRow | null> {
    const id = key.caseId ?? key.applicationId ?? '';
    if (!isUuid(id)) return null;
    const [c] = await m.query(
      `SELECT * FROM cases WHERE ${key.caseId ? 'id' : 'application_id'} = $1${opts.forUpdate ? ' FOR UPDATE' : ''}`,
      [id],
    );
    return c ?? null;
  }

  /** New cases without the application's data, oldest first. */
  awaitingAssessment(limit: number, skip: string[]): Promise<Array<{ id: string; application_id: string }>> {
    return this.ds.query(
      `SELECT id, application_id FROM cases WHERE subject IS NULL AND status = 'AWAITING_ASSESSMENT' AND NOT (id = ANY($1::uuid[]))
        ORDER BY opened_at LIMIT $2`,
      [skip, limit],
    );
  }

  /** Open, assessed cases with the snapshots each was checked against. */
  assessedOpenCases(): Promise<Array<{ id: string; agency_code: string; registry_snapshot_ids: string[] | null }>> {
    return this.ds.query(
      `SELECT id, agency_code, registry_snapshot_ids FROM cases WHERE status = 'IN_FIELD_VERIFICATION' AND subject IS NOT NULL`,
    );
  }

  /** Serialises the assessments of one person or household (advisory locks until the transaction ends). */
  async lockPeople(m: Sql, keys: string[]): Promise<void> {
    await m.query(
      `SELECT pg_advisory_xact_lock(k) FROM (SELECT DISTINCT hashtextextended(x, 0) AS k FROM unnest($1::text[]) AS x ORDER BY 1) AS t`,
      [keys],
    );
  }

  /** Other cases of the same service about the same person (or, with `household`, the same KK). */
  async others(m: Sql, c: { id: string; serviceCode: string }, person: string, kk: string, household: boolean): Promise<OtherCase[]> {
    const rows: Array<Record<string, any>> = await m.query(
      `SELECT id, application_id, ticket_number, status, paid_at, coalesce(beneficiary_nik, applicant_nik) AS person, kk, opened_at
         FROM cases
        WHERE service_code = $1 AND id <> $2 AND (coalesce(beneficiary_nik, applicant_nik) = $3 OR ($5 AND kk = $4))
        ORDER BY opened_at`,
      [c.serviceCode, c.id, person, kk, household],
    );
    return rows.map((o) => ({
      id: o.id,
      applicationId: o.application_id,
      ticketNumber: o.ticket_number,
      status: o.status,
      paidAt: o.paid_at,
      person: o.person,
      kk: o.kk,
      openedAt: o.opened_at,
    }));
  }

  rules(m: Sql, caseId: string): Promise<RuleRow[]> {
    return m.query(`SELECT * FROM case_rule_results WHERE case_id = $1 ORDER BY position`, [caseId]);
  }

  /** The settlements of a case's rules that needed review. */
  async settlements(m: Sql, caseId: string): Promise<Array<Settlement & { settledAt: Date }>> {
    const rows: Array<Record<string, any>> = await m.query(
      `SELECT rule, outcome, reason, settled_by, settled_at FROM case_rule_settlements WHERE case_id = $1`,
      [caseId],
    );
    return rows.map((r) => ({ rule: r.rule, outcome: r.outcome, reason: r.reason, settledBy: r.settled_by, settledAt: r.settled_at }));
  }

  /** Keeps a settlement (a second one of the same rule replaces the first) and sets the rule's outcome and message. */
  async settle(m: Sql, caseId: string, s: Settlement, message: string): Promise<void> {
    await m.query(
      `INSERT INTO case_rule_settlements (case_id, rule, outcome, reason, settled_by) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (case_id, rule) DO UPDATE SET outcome = EXCLUDED.outcome, reason = EXCLUDED.reason, settled_by = EXCLUDED.settled_by, settled_at = now()`,
      [caseId, s.rule, s.outcome, s.reason, s.settledBy],
    );
    await m.query(`UPDATE case_rule_results SET outcome = $3, message = $4 WHERE case_id = $1 AND rule = $2`, [
      caseId,
      s.rule,
      s.outcome,
      message,
    ]);
  }

  async replaceRules(m: Sql, caseId: string, results: RuleResult[]): Promise<void> {
    await m.query(`DELETE FROM case_rule_results WHERE case_id = $1`, [caseId]);
    await m.query(
      `INSERT INTO case_rule_results (case_id, rule, position, outcome, message, evidence)
       SELECT $1, r, p, o, msg, ev FROM unnest($2::text[], $3::int[], $4::text[], $5::text[], $6::jsonb[]) AS t(r, p, o, msg, ev)`,
      [
        caseId,
        results.map((r) => r.rule),
        results.map((_, i) => i),
        results.map((r) => r.outcome),
        results.map((r) => r.message),
        results.map((r) => JSON.stringify(r.evidence)),
      ],
    );
  }

  duplicates(m: Sql, caseId: string): Promise<Array<{ kind: string; other: unknown; message: string }>> {
    return m.query(`SELECT * FROM case_duplicates WHERE case_id = $1 ORDER BY found_at, kind`, [caseId]);
  }

  async replaceDuplicates(m: Sql, caseId: string, duplicates: DuplicateView[]): Promise<void> {
    await m.query(`DELETE FROM case_duplicates WHERE case_id = $1`, [caseId]);
    if (!duplicates.length) return;
    await m.query(
      `INSERT INTO case_duplicates (case_id, kind, other_ref, other, message)
       SELECT $1, k, ref, o, msg FROM unnest($2::text[], $3::text[], $4::jsonb[], $5::text[]) AS t(k, ref, o, msg) ON CONFLICT DO NOTHING`,
      [
        caseId,
        duplicates.map((d) => d.kind),
        duplicates.map((d) => d.other.caseId ?? d.other.programme ?? ''),
        duplicates.map((d) => JSON.stringify(d.other)),
        duplicates.map((d) => d.message),
      ],
    );
  }

  /** Keeps what the assessment read: the application's data, the snapshots; the case is then in field verification. */
  async markAssessed(m: Sql, caseId: string, subject: CaseSubject, snapshotIds: string[]): Promise<void> {
    await m.query(
      `UPDATE cases SET subject = $2, applicant_nik = $3, beneficiary_nik = $4, kk = $5, filed_at = $6, assessed_at = now(),
              registry_snapshot_ids = $7, status = 'IN_FIELD_VERIFICATION', updated_at = now() WHERE id = $1`,
      [
        caseId,
        JSON.stringify(subject),
        subject.applicant.nik,
        subject.beneficiary?.nik ?? null,
        subject.applicant.kkNumber,
        subject.filedAt,
        snapshotIds,
      ],
    );
  }

  /** The field tasks of the standard's stages: the first open, the others waiting for it. */
  async openTasks(m: Sql, c: { id: string; agency_code: string }, stages: FieldStage[]): Promise<void> {
    if (!stages.length) return;
    await m.query(
      `INSERT INTO field_tasks (id, case_id, agency_code, stage, position, status)
       SELECT id, $1, $2, st, p, CASE WHEN p = 0 THEN 'OPEN' ELSE 'WAITING' END FROM unnest($3::uuid[], $4::text[], $5::int[]) AS t(id, st, p)
       ON CONFLICT DO NOTHING`,
      [c.id, c.agency_code, stages.map(() => randomUUID()), stages, stages.map((_, i) => i)],
    );
  }

  async history(m: Sql, caseId: string, actor: string, action: string, detail: Record<string, unknown>): Promise<void> {
    await m.query(`INSERT INTO case_history (case_id, actor, action, detail) VALUES ($1, $2, $3, $4)`, [
      caseId,
      actor,
      action,
      JSON.stringify(detail),
    ]);
  }

  historyOf(m: Sql, caseId: string): Promise<Array<{ at: Date; actor: string; action: string; detail: unknown }>> {
    return m.query(`SELECT * FROM case_history WHERE case_id = $1 ORDER BY id`, [caseId]);
  }

  /** A page of the cases of some agencies, with their rule counts and duplicates. */
  listCases(f: {
    agencies: string[];
    status?: string;
    serviceCode?: string;
    search?: CaseSearch;
    limit: number;
    offset: number;
  }): Promise<Array<Record<string, any>>> {
    const q = f.search;
    // a whole NIK matches the applicant's or the beneficiary's in full (never a part of one);
    // a text matches the ticket or a name; a place, the applicant's desa or kecamatan
    return this.ds.query(
      `SELECT c.*, count(*) OVER () AS total,
              (SELECT coalesce(jsonb_object_agg(o, n), '{}') FROM (SELECT outcome AS o, count(*) AS n FROM case_rule_results WHERE case_id = c.id GROUP BY outcome) x)
                AS rule_counts,
              (SELECT count(*) FROM case_duplicates d WHERE d.case_id = c.id)::int AS duplicates
         FROM cases c
        WHERE c.agency_code = ANY($1) AND ($2::text IS NULL OR c.status = $2) AND ($3::text IS NULL OR c.service_code = $3)
          AND ($6::text IS NULL OR c.applicant_nik = $6 OR c.beneficiary_nik = $6)
          AND ($7::text IS NULL
               OR c.ticket_number ILIKE $7 OR c.ticket_number ILIKE $8
               OR c.subject->'applicant'->>'name' ILIKE $7 OR c.subject->'beneficiary'->>'name' ILIKE $7
               OR c.subject->'applicant'->>'villageCode' = ANY($9::text[])
               OR left(c.subject->'applicant'->>'villageCode', 8) = ANY($10::text[]))
        ORDER BY c.opened_at DESC LIMIT $4 OFFSET $5`,
      [
        f.agencies,
        f.status ?? null,
        f.serviceCode ?? null,
        f.limit,
        f.offset,
        q?.nik ?? null,
        q?.like ?? null,
        q?.ticketLike ?? q?.like ?? null,
        q?.villages ?? [],
        q?.districts ?? [],
      ],
    );
  }

  /** A page of field tasks of some agencies, with their case's application; cancelled ones only when asked for by status. */
  listTasks(f: {
    agencies: string[];
    assignee?: string;
    status?: string;
    limit: number;
    offset: number;
  }): Promise<Array<TaskRow & { total: string }>> {
    return this.ds.query(
      `SELECT t.*, c.application_id, c.ticket_number, c.service_code, c.subject->'applicant' AS applicant, count(*) OVER () AS total
         FROM field_tasks t JOIN cases c ON c.id = t.case_id
        WHERE t.agency_code = ANY($1) AND ($2::text IS NULL OR t.assignee = $2)
          AND (t.status = $3 OR ($3::text IS NULL AND t.status <> 'CANCELLED'))
        ORDER BY t.created_at, t.position LIMIT $4 OFFSET $5`,
      [f.agencies, f.assignee ?? null, f.status ?? null, f.limit, f.offset],
    );
  }

  /** A task with its case's application; locked for the transaction with `forUpdate`. */
  async task(m: Sql, taskId: string, opts: { forUpdate?: boolean } = {}): Promise<TaskRow | null> {
    if (!isUuid(taskId)) return null;
    const [t] = opts.forUpdate
      ? await m.query(`SELECT * FROM field_tasks WHERE id = $1 FOR UPDATE`, [taskId])
      : await m.query(
          `SELECT t.*, c.application_id, c.ticket_number, c.service_code, c.subject->'applicant' AS applicant
             FROM field_tasks t JOIN cases c ON c.id = t.case_id WHERE t.id = $1`,
          [taskId],
        );
    return t ?? null;
  }

  tasksOf(m: Sql, c: CaseRow): Promise<TaskRow[]> {
    return m.query(
      `SELECT t.*, $2::uuid AS application_id, $3::text AS ticket_number, $4::text AS service_code FROM field_tasks t WHERE case_id = $1 ORDER BY position`,
      [c.id, c.application_id, c.ticket_number, c.service_code],
    );
  }

  async visitsOf(m: Sql, taskIds: string[]): Promise<VisitRow[]> {
    return taskIds.length ? m.query(`SELECT * FROM field_visits WHERE task_id = ANY($1::uuid[]) ORDER BY recorded_at`, [taskIds]) : [];
  }

  /** The stage of another task of the same case that `officer` answered or is assigned to, if any. */
  async otherStageOf(m: Sql, t: TaskRow, officer: string): Promise<string | null> {
    const [other]: Array<{ stage: string }> = await m.query(
      `SELECT stage FROM field_tasks o
        WHERE o.case_id = $1 AND o.id <> $2 AND o.status <> 'CANCELLED'
          AND (o.assignee = $3 OR EXISTS (SELECT 1 FROM field_visits v WHERE v.task_id = o.id AND v.officer = $3))
        LIMIT 1`,
      [t.case_id, t.id, officer],
    );
    return other?.stage ?? null;
  }

  async assign(m: Sql, taskId: string, assignee: string, by: string): Promise<void> {
    await m.query(`UPDATE field_tasks SET assignee = $2, assigned_by = $3, assigned_at = now() WHERE id = $1`, [taskId, assignee, by]);
  }

  /** Records the visit and marks its task done. */
  async recordVisit(m: Sql, t: TaskRow, officer: string, v: RecordVisitRequest, attachments: VisitView['attachments']): Promise<string> {
    const visitId = randomUUID();
    await m.query(
      `INSERT INTO field_visits (id, task_id, officer, visited_at, latitude, longitude, findings, recommendation, attachments)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
      [
        visitId,
        t.id,
        officer,
        v.visitedAt,
        v.latitude ?? null,
        v.longitude ?? null,
        v.findings,
        v.recommendation,
        JSON.stringify(attachments),
      ],
    );
    await m.query(`UPDATE field_tasks SET status = 'DONE', done_at = now(), assignee = coalesce(assignee, $2) WHERE id = $1`, [
      t.id,
      officer,
    ]);
    return visitId;
  }

  /** The stages of a case as the decision reads them: each with its answering visit's recommendation. */
  async stages(m: Sql, caseId: string): Promise<StageState[]> {
    const rows: Array<Record<string, any>> = await m.query(
      `SELECT t.id, t.stage, t.position, t.status, v.recommendation, v.findings
         FROM field_tasks t
         LEFT JOIN LATERAL (SELECT recommendation, findings FROM field_visits WHERE task_id = t.id ORDER BY recorded_at DESC LIMIT 1) v ON true
        WHERE t.case_id = $1 ORDER BY t.position`,
      [caseId],
    );
    return rows.map((r) => ({
      taskId: r.id,
      stage: r.stage,
      position: r.position,
      status: r.status,
      recommendation: r.recommendation,
      findings: r.findings,
    }));
  }

  async openTask(m: Sql, taskId: string): Promise<void> {
    await m.query(`UPDATE field_tasks SET status = 'OPEN' WHERE id = $1`, [taskId]);
  }

  /** Cancels the tasks of a case nobody answered yet; returns how many. */
  async cancelOpenTasks(m: Sql, caseId: string): Promise<number> {
    // an UPDATE … RETURNING answers [rows, affected] through TypeORM's postgres driver
    const [rows] = await m.query(
      `UPDATE field_tasks SET status = 'CANCELLED' WHERE case_id = $1 AND status IN ('WAITING', 'OPEN') RETURNING id`,
      [caseId],
    );
    return (rows as unknown[]).length;
  }

  /** Ends an open case with `status`; null when it was no longer open. */
  async close(
    m: Sql,
    caseId: string,
    status: string,
    outcome: string | null,
    reason: string,
  ): Promise<{
    id: string;
    application_id: string;
    agency_code: string;
    service_code: string;
    ticket_number: string | null;
    subject: CaseSubject | null;
  } | null> {
    const [[c]] = await m.query(
      `UPDATE cases SET status = $2, outcome = $3, reason = $4, decided_at = now(), updated_at = now()
        WHERE id = $1 AND status = ANY($5::text[]) RETURNING id, application_id, agency_code, service_code, ticket_number, subject`,
      [caseId, status, outcome, reason.slice(0, 2000), OPEN_STATUSES],
    );
    return c ?? null;
  }

  /** Keeps the reference of a stored photo or document of a task. */
  async addAttachment(
    m: Sql,
    a: { id: string; taskId: string; objectName: string; fileName: string; contentType: string; size: number; uploadedBy: string },
  ): Promise<AttachmentRow> {
    const [row] = await m.query(
      `INSERT INTO visit_attachments (id, task_id, object_name, file_name, content_type, size, uploaded_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING *`,
      [a.id, a.taskId, a.objectName, a.fileName, a.contentType, a.size, a.uploadedBy],
    );
    return row;
  }

  /** A stored attachment of a task (null for ids that are not UUIDs or not of the task). */
  async attachment(m: Sql, taskId: string, attachmentId: string): Promise<AttachmentRow | null> {
    if (!isUuid(attachmentId) || !isUuid(taskId)) return null;
    const [a] = await m.query(`SELECT * FROM visit_attachments WHERE id = $1 AND task_id = $2`, [attachmentId, taskId]);
    return a ?? null;
  }

  /** The stored attachments of a task among `ids`. */
  attachmentsOf(m: Sql, taskId: string, ids: string[]): Promise<AttachmentRow[]> {
    const wanted = ids.filter((id) => isUuid(id));
    if (!wanted.length) return Promise.resolve([]);
    return m.query(`SELECT * FROM visit_attachments WHERE task_id = $1 AND id = ANY($2::uuid[])`, [taskId, wanted]);
  }

  /** The visit that names them. */
  async linkAttachments(m: Sql, visitId: string, ids: string[]): Promise<void> {
    if (ids.length) await m.query(`UPDATE visit_attachments SET visit_id = $1 WHERE id = ANY($2::uuid[])`, [visitId, ids]);
  }

  /** Marks the cases of applications paid (disbursement paid their recipient); returns how many changed. */
  async markPaid(m: Sql, paid: Array<{ applicationId: string; at: string }>): Promise<void> {
    if (!paid.length) return;
    await m.query(
      `UPDATE cases c SET paid_at = t.at, updated_at = now() FROM unnest($1::uuid[], $2::timestamptz[]) AS t(app, at)
        WHERE c.application_id = t.app AND c.paid_at IS NULL`,
      [paid.map((p) => p.applicationId), paid.map((p) => p.at)],
    );
  }
}
