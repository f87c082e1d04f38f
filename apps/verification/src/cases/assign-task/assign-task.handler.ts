import { Injectable } from '@nestjs/common';
import type { Actor, FieldTaskView } from '#contracts';
import { requireRole } from '#platform';
import { VerificationError, VerificationErrorCode } from '../../verification.error.js';
import { CaseRepository } from '../case.repository.js';
import { AreaNames } from '../area-names.js';
import { taskView, visitsByTask } from '../case.views.js';
import { changeableTask, requireOtherOfficer, visibleTask } from '../field-tasks.js';

/** The head (or the admin) assigns a field task of their agency to an officer. */
@Injectable()
export class AssignTaskHandler {
  constructor(
    private readonly cases: CaseRepository,
    private readonly areas: AreaNames,
  ) {}

  async execute(actor: Actor, taskId: string, assignee: string): Promise<FieldTaskView> {
    // a verifier answers tasks; who answers which is the head's (or the admin's) to decide
    requireRole(actor, 'HEAD', 'ADMIN');
    await this.cases.ds.transaction(async (m) => {
      const t = await changeableTask(this.cases, m, actor, taskId);
      if (t.status !== 'OPEN' && t.status !== 'WAITING') {
        throw new VerificationError(VerificationErrorCode.TaskNotOpen, `Task ${taskId} is ${t.status}: it cannot be assigned`);
      }
      await requireOtherOfficer(this.cases, m, t, assignee, 'assignee');
      await this.cases.assign(m, t.id, assignee, actor.username);
      await this.cases.history(m, t.case_id, actor.username, 'TASK_ASSIGNED', {
        taskId: t.id,
        stage: t.stage,
        assignee,
        previous: t.assignee,
      });
    });
    const t = await visibleTask(this.cases, actor, taskId);
    return taskView(t, visitsByTask(await this.cases.visitsOf(this.cases.ds, [t.id])), { actor, areas: this.areas.index });
  }
}
