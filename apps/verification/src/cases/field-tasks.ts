import type { Actor } from '#contracts';
import { covers } from '#domain';
import { requireCanChange } from '#platform';
import { VerificationError, VerificationErrorCode } from '../verification.error.js';
import type { CaseRepository, Sql, TaskRow } from './case.repository.js';

/** The task, locked, when the actor's agency may change it (a province sees its regencies' tasks; assigning and answering them is the regency's). */
export async function changeableTask(cases: CaseRepository, m: Sql, actor: Actor, taskId: string): Promise<TaskRow> {
  const t = await cases.task(m, taskId, { forUpdate: true });
  if (!t || !covers(actor, t.agency_code))
    throw new VerificationError(VerificationErrorCode.TaskNotFound, `No field verification task ${taskId}`);
  requireCanChange(actor, t.agency_code, 'this field task');
  return t;
}

/**
 * Two stages of one case are answered by two different officers (four eyes): 409 when `officer`
 * answered, or is assigned, another stage of the task's case.
 */
export async function requireOtherOfficer(cases: CaseRepository, m: Sql, t: TaskRow, officer: string, field?: 'assignee'): Promise<void> {
  const other = await cases.otherStageOf(m, t, officer);
  if (other) {
    throw new VerificationError(
      VerificationErrorCode.SecondOfficerRequired,
      `${officer} is the officer of stage ${other} of this case: stage ${t.stage} must be answered by another officer`,
      field ? [{ path: field, message: `${officer} already answers stage ${other} of this case` }] : [],
    );
  }
}

/** A task as the officer reads it, or 404 when it is not of an agency the actor covers. */
export async function visibleTask(cases: CaseRepository, actor: Actor, taskId: string): Promise<TaskRow> {
  const t = await cases.task(cases.ds, taskId);
  if (!t || !covers(actor, t.agency_code))
    throw new VerificationError(VerificationErrorCode.TaskNotFound, `No field verification task ${taskId}`);
  return t;
}
