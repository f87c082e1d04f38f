import { Injectable } from '@nestjs/common';
import type { Actor, FieldTaskView, RecordVisitRequest } from '#contracts';
import { requireRole } from '#platform';
import { VerificationError, VerificationErrorCode } from '../../verification.error.js';
import { CaseRepository } from '../case.repository.js';
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
      if (t.assignee && t.assignee !== actor.username) {
        throw new VerificationError(VerificationErrorCode.TaskNotAssignedToYou, `Task ${taskId} is assigned to ${t.assignee}`);
      }
      await requireOtherOfficer(this.cases, m, t, actor.username);
      const visitId = await this.cases.recordVisit(m, t, actor.username, v);
      await this.cases.history(m, t.case_id, actor.username, 'VISIT_RECORDED', {
        taskId: t.id,
        stage: t.stage,
        visitId,
        recommendation: v.recommendation,
      });
      const caseStatus = await this.decision.proceed(m, actor.username, t.case_id, { taskId: t.id, publicReason: v.publicReason ?? null });
      return { visitId, caseStatus };
    });
    const t = await visibleTask(this.cases, actor, taskId);
    return { ...r, task: taskView(t, visitsByTask(await this.cases.visitsOf(this.cases.ds, [t.id]))) };
  }
}
