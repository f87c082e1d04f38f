import { Injectable } from '@nestjs/common';
import type { Actor, FieldTaskView, RecordVisitRequest, VisitView } from '#contracts';
import { isUuid, requireRole } from '#platform';
import { VerificationError, VerificationErrorCode } from '../../verification.error.js';
import { CaseRepository, type Sql } from '../case.repository.js';
import { AreaNames } from '../area-names.js';
import { taskView, visitsByTask } from '../case.views.js';
import { DecideCaseService } from '../decide-case/decide-case.service.js';
import { changeableTask, requireOtherOfficer, visibleTask } from '../field-tasks.js';

/**
 * Field verification: the visit that answers a stage's task (SANTUNAN_ANAK: the TRC;
 * BANSOS_REHSOS: Dinsos, then the kelurahan), by an officer of the agency; then the case
 * proceeds (domain/decision.ts): rejected, next stage, or verified, in the same transaction.
 */
@Injectable()
export class RecordVisitHandler {
  constructor(
    private readonly cases: CaseRepository,
    private readonly decision: DecideCaseService,
    private readonly areas: AreaNames,
  ) {}

  async execute(
    actor: Actor,
    taskId: string,
    v: RecordVisitRequest,
  ): Promise<{ visitId: string; caseStatus: string; task: FieldTaskView }> {
    requireRole(actor, 'VERIFIER');
    const r = await this.cases.ds.transaction(async (m) => {
      const t = await changeableTask(this.cases, m, actor, taskId);
      if (t.status === 'WAITING')
        throw new VerificationError(VerificationErrorCode.StageNotReady, `Stage ${t.stage} waits for the stage before it`);
      if (t.status !== 'OPEN') throw new VerificationError(VerificationErrorCode.TaskNotOpen, `Task ${taskId} is ${t.status}`);
      // a task with no officer is not answered: who goes is the head's decision, made first (issue 11)
      if (!t.assignee) {
        throw new VerificationError(
          VerificationErrorCode.TaskUnassigned,
          `Task ${taskId} has no officer: the head assigns it before a visit is recorded`,
        );
      }
      if (t.assignee !== actor.username) {
        throw new VerificationError(VerificationErrorCode.TaskNotAssignedToYou, `Task ${taskId} is assigned to ${t.assignee}`);
      }
      await requireOtherOfficer(this.cases, m, t, actor.username);
      const attachments = await this.attachments(m, t.id, v);
      const visitId = await this.cases.recordVisit(m, t, actor.username, v, attachments);
      await this.cases.linkAttachments(
        m,
        visitId,
        attachments.flatMap((a) => (a.attachmentId ? [a.attachmentId] : [])),
      );
      await this.cases.history(m, t.case_id, actor.username, 'VISIT_RECORDED', {
        taskId: t.id,
        stage: t.stage,
        visitId,
        recommendation: v.recommendation,
        attachments: attachments.length,
      });
      const caseStatus = await this.decision.proceed(m, actor.username, t.case_id, { taskId: t.id, publicReason: v.publicReason ?? null });
      return { visitId, caseStatus };
    });
    const t = await visibleTask(this.cases, actor, taskId);
    return { ...r, task: taskView(t, visitsByTask(await this.cases.visitsOf(this.cases.ds, [t.id])), { actor, areas: this.areas.index }) };
  }

  /**
   * The visit's attachments: a stored photo or document of the task (its id as `ref`) with what
   * was stored (name, type, size); any other reference as typed. An id of a file stored for
   * another task is refused (400 naming it): a visit names only its own task's files.
   */
  private async attachments(m: Sql, taskId: string, v: RecordVisitRequest): Promise<VisitView['attachments']> {
    const refs = v.attachments ?? [];
    const stored = await this.cases.attachmentsOf(
      m,
      taskId,
      refs.map((a) => a.ref),
    );
    const bad = refs.findIndex((a) => isUuid(a.ref) && !stored.some((s) => s.id === a.ref));
    if (bad >= 0) {
      throw new VerificationError(VerificationErrorCode.AttachmentUnknown, `Attachment ${refs[bad].ref} is not a file of task ${taskId}`, [
        { path: `attachments[${bad}].ref`, message: `attachments[${bad}].ref names no file stored for this task` },
      ]);
    }
    return refs.map((a) => {
      const s = stored.find((x) => x.id === a.ref);
      return s
        ? { ref: s.id, name: a.name ?? s.file_name, attachmentId: s.id, contentType: s.content_type, size: Number(s.size) }
        : { ref: a.ref, ...(a.name ? { name: a.name } : {}) };
    });
  }
}
