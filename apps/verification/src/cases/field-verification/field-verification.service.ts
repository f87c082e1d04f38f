import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';
import { Subjects, type Actor, type RecordVisitRequest } from '#contracts';
import { covers } from '#domain';
import { requireCanChange, isUuid } from '#platform';
import { OutboxService } from '#messaging';
import { VerificationError, VerificationErrorCode } from '../../verification.error.js';

interface TaskRow {
  id: string;
  case_id: string;
  agency_code: string;
  stage: string;
  position: number;
  status: string;
  assignee: string | null;
}

/**
 * Field verification: tasks per stage of the standard (SANTUNAN_ANAK: the TRC; BANSOS_REHSOS:
 * Dinsos, then the kelurahan), assigned to officers of the agency, answered by a visit. A
 * NOT_ELIGIBLE answer rejects the case at once; once every stage answered ELIGIBLE the case is
 * VERIFIED, unless a rule FAILED. The decision leaves through the outbox in the same transaction.
 * Two stages of one case are answered by two different officers (four eyes): an officer who
 * answers, or is assigned, one stage is refused for another.
 */
@Injectable()
export class FieldVerificationService {
  constructor(
    private readonly ds: DataSource,
    private readonly outbox: OutboxService,
  ) {}

  private async task(m: EntityManager, actor: Actor, taskId: string): Promise<TaskRow> {
    const [t] = isUuid(taskId) ? ((await m.query(`SELECT * FROM "field_tasks" WHERE "id" = $1 FOR UPDATE`, [taskId])) as TaskRow[]) : [];
    if (!t || !covers(actor, t.agency_code)) throw new VerificationError(VerificationErrorCode.TaskNotFound, `No field verification task ${taskId}`);
    // a province sees its regencies' tasks; assigning and answering them is the regency's
    requireCanChange(actor, t.agency_code, 'this field task');
    return t;
  }

  /** 409 when `officer` answered, or is assigned, another stage of the task's case. */
  private async requireOtherOfficer(m: EntityManager, t: TaskRow, officer: string, field?: 'assignee'): Promise<void> {
    const [other]: Array<{ stage: string }> = await m.query(
      `SELECT "stage" FROM "field_tasks" o
        WHERE o."case_id" = $1 AND o."id" <> $2 AND o."status" <> 'CANCELLED'
          AND (o."assignee" = $3 OR EXISTS (SELECT 1 FROM "field_visits" v WHERE v."task_id" = o."id" AND v."officer" = $3))
        LIMIT 1`,
      [t.case_id, t.id, officer],
    );
    if (other) {
      throw new VerificationError(
        VerificationErrorCode.SecondOfficerRequired,
        `${officer} is the officer of stage ${other.stage} of this case: stage ${t.stage} must be answered by another officer`,
        field ? [{ path: field, message: `${officer} already answers stage ${other.stage} of this case` }] : [],
      );
    }
  }

  async assign(actor: Actor, taskId: string, assignee: string): Promise<void> {
    await this.ds.transaction(async (m) => {
      const t = await this.task(m, actor, taskId);
      if (t.status !== 'OPEN' && t.status !== 'WAITING') throw new VerificationError(VerificationErrorCode.TaskNotOpen, `Task ${taskId} is ${t.status}: it cannot be assigned`);
      await this.requireOtherOfficer(m, t, assignee, 'assignee');
      await m.query(`UPDATE "field_tasks" SET "assignee" = $2, "assigned_by" = $3, "assigned_at" = now() WHERE "id" = $1`, [t.id, assignee, actor.username]);
      await this.history(m, t.case_id, actor.username, 'TASK_ASSIGNED', { taskId: t.id, stage: t.stage, assignee, previous: t.assignee });
    });
  }

  async recordVisit(actor: Actor, taskId: string, v: RecordVisitRequest): Promise<{ visitId: string; caseStatus: string }> {
    return this.ds.transaction(async (m) => {
      const t = await this.task(m, actor, taskId);
      if (t.status === 'WAITING') throw new VerificationError(VerificationErrorCode.StageNotReady, `Stage ${t.stage} waits for the stage before it`);
      if (t.status !== 'OPEN') throw new VerificationError(VerificationErrorCode.TaskNotOpen, `Task ${taskId} is ${t.status}`);
      if (t.assignee && t.assignee !== actor.username) throw new VerificationError(VerificationErrorCode.TaskNotAssignedToYou, `Task ${taskId} is assigned to ${t.assignee}`);
      await this.requireOtherOfficer(m, t, actor.username);
      const visitId = randomUUID();
      await m.query(
        `INSERT INTO "field_visits" ("id", "task_id", "officer", "visited_at", "latitude", "longitude", "findings", "recommendation", "attachments")
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
        [visitId, t.id, actor.username, v.visitedAt, v.latitude ?? null, v.longitude ?? null, v.findings, v.recommendation, JSON.stringify(v.attachments ?? [])],
      );
      await m.query(`UPDATE "field_tasks" SET "status" = 'DONE', "done_at" = now(), "assignee" = coalesce("assignee", $2) WHERE "id" = $1`, [t.id, actor.username]);
      await this.history(m, t.case_id, actor.username, 'VISIT_RECORDED', { taskId: t.id, stage: t.stage, visitId, recommendation: v.recommendation });
      const caseStatus = await this.advance(m, actor.username, t, v);
      return { visitId, caseStatus };
    });
  }

  /** After a stage answered: reject, open the next stage, or decide. */
  private async advance(m: EntityManager, actor: string, t: TaskRow, v: RecordVisitRequest): Promise<string> {
    if (v.recommendation === 'NOT_ELIGIBLE') {
      await m.query(`UPDATE "field_tasks" SET "status" = 'CANCELLED' WHERE "case_id" = $1 AND "status" IN ('WAITING', 'OPEN')`, [t.case_id]);
      return this.decide(m, actor, t.case_id, 'REJECTED', `${stageName(t.stage)}: ${v.findings}`,
        v.publicReason?.trim() || `Hasil ${stageName(t.stage)} menyatakan permohonan belum memenuhi syarat.`);
    }
    const [next] = await m.query(`SELECT "id" FROM "field_tasks" WHERE "case_id" = $1 AND "status" = 'WAITING' ORDER BY "position" LIMIT 1`, [t.case_id]);
    if (next) {
      await m.query(`UPDATE "field_tasks" SET "status" = 'OPEN' WHERE "id" = $1`, [next.id]);
      return 'IN_FIELD_VERIFICATION';
    }
    const failed: Array<{ rule: string; message: string }> = await m.query(
      `SELECT "rule", "message" FROM "case_rule_results" WHERE "case_id" = $1 AND "outcome" = 'FAILED' ORDER BY "position"`, [t.case_id]);
    if (failed.length) {
      return this.decide(m, actor, t.case_id, 'REJECTED', failed.map((f) => f.message).join('; '),
        `Permohonan belum memenuhi syarat: ${failed.map((f) => PUBLIC_RULE_REASONS[f.rule] ?? 'persyaratan layanan').join('; ')}.`);
    }
    // a rule that needed review was looked at by the stages that found the applicant eligible
    const reviewed: Array<{ rule: string }> = await m.query(
      `SELECT "rule" FROM "case_rule_results" WHERE "case_id" = $1 AND "outcome" = 'NEEDS_REVIEW' ORDER BY "position"`, [t.case_id]);
    return this.decide(m, actor, t.case_id, 'VERIFIED',
      `Every verification stage found the applicant eligible${reviewed.length ? `; reviewed in the field: ${reviewed.map((r) => r.rule).join(', ')}` : ''}`, null);
  }

  private async decide(m: EntityManager, actor: string, caseId: string, outcome: 'VERIFIED' | 'REJECTED', reason: string, publicReason: string | null): Promise<string> {
    const [[c]] = await m.query(
      `UPDATE "cases" SET "status" = $2, "outcome" = $2, "reason" = $3, "decided_at" = now(), "updated_at" = now()
        WHERE "id" = $1 AND "status" IN ('AWAITING_ASSESSMENT', 'IN_FIELD_VERIFICATION') RETURNING "id", "application_id", "agency_code"`,
      [caseId, outcome, reason.slice(0, 2000)],
    );
    if (!c) throw new VerificationError(VerificationErrorCode.CaseClosed, `Case ${caseId} is already decided`);
    await this.history(m, caseId, actor, 'DECIDED', { outcome, reason, publicReason });
    await this.outbox.enqueue(m, Subjects.verificationCaseDecided, {
      caseId, applicationId: c.application_id, agencyCode: c.agency_code, outcome, reason: reason.slice(0, 2000), publicReason: publicReason?.slice(0, 500) ?? null,
    });
    return outcome;
  }

  private async history(m: EntityManager, caseId: string, actor: string, action: string, detail: Record<string, unknown>): Promise<void> {
    await m.query(`INSERT INTO "case_history" ("case_id", "actor", "action", "detail") VALUES ($1, $2, $3, $4)`, [caseId, actor, action, JSON.stringify(detail)]);
  }
}

/** Why a failed rule rejects, in words for the applicant's status page (no names, no numbers of people). */
const PUBLIC_RULE_REASONS: Record<string, string> = {
  REGISTRY_OR_SKTM: 'tidak terdaftar di DTSEN (dahulu DTKS) dan tidak melampirkan SKTM',
  REGISTRY_OR_PMKS: 'tidak terdaftar di DTSEN (dahulu DTKS) maupun data PMKS',
  BENEFICIARY_AGE: 'usia penerima manfaat di luar ketentuan layanan',
  TARGET_GROUP: 'bukan kelompok sasaran layanan ini',
  DOMICILE_IN_AREA: 'domisili di luar wilayah layanan',
  RESIDENCE_AND_DOMICILE: 'tempat tinggal atau domisili di luar wilayah layanan',
  NO_NATIONAL_PROGRAMME: 'sudah menerima bantuan sosial lain dari APBN/APBD',
  NO_DUPLICATE: 'sudah ada permohonan atau pembayaran lain untuk layanan yang sama',
};

function stageName(stage: string): string {
  return stage === 'TRC' ? 'Tim Reaksi Cepat (TRC)' : stage === 'DINSOS' ? 'Verifikasi Dinas Sosial' : stage === 'KELURAHAN' ? 'Validasi kelurahan' : stage;
}
