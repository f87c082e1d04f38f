// What a field officer reads and may do on a task (issue 11): where to go (RT/RW read from the
// address as filed), who may see the applicant's phone, and who may add a visit's photos.
import { canChange, hasRole, type ScopedActor } from '#domain';

/** The actor as these rules read it: the gateway's Actor fits. */
export interface Officer extends ScopedActor {
  username: string;
}

/** The task as these rules read it. */
export interface TaskScope {
  agencyCode: string;
  assignee: string | null;
}

const pad = (n: string) => n.padStart(3, '0');

/**
 * RT and RW from an address as people write it ("Jl. Melati 7 RT 02 RW 03", "RT.002/RW.005",
 * "Rt 2/3"), each as three digits (`002`), or null when the address does not say.
 */
export function rtRwOf(address: string | null | undefined): { rt: string | null; rw: string | null } {
  if (!address) return { rt: null, rw: null };
  const rt = /\bRT\b\.?\s*:?\s*(\d{1,3})\b/i.exec(address);
  const rw = /\bRW\b\.?\s*:?\s*(\d{1,3})\b/i.exec(address) ?? /\bRT\b\.?\s*:?\s*\d{1,3}\s*\/\s*(\d{1,3})\b/i.exec(address);
  return { rt: rt ? pad(rt[1]) : null, rw: rw ? pad(rw[1]) : null };
}

/**
 * Whether `actor` may read the applicant's phone on a task: the officer it is assigned to (who
 * calls ahead of the visit) and the agency's head (who assigns it). Other verifiers, the admin
 * and a province's staff see that a phone is on file, not the number.
 */
export function mayReadPhone(actor: Officer, task: TaskScope): boolean {
  if (hasRole(actor, 'VERIFIER') && task.assignee !== null && task.assignee === actor.username && canChange(actor, task.agencyCode))
    return true;
  return hasRole(actor, 'HEAD') && canChange(actor, task.agencyCode);
}

/**
 * Who may add a photo or document to a task: the verifier it is assigned to, or the head or
 * admin of its agency; null when allowed, else why not (the error code's key).
 */
export function attachRefusal(actor: Officer, task: TaskScope): 'ROLE' | 'AGENCY' | 'NOT_ASSIGNED' | null {
  if (!hasRole(actor, 'VERIFIER', 'HEAD', 'ADMIN')) return 'ROLE';
  if (!canChange(actor, task.agencyCode)) return 'AGENCY';
  if (hasRole(actor, 'HEAD', 'ADMIN')) return null;
  return task.assignee === actor.username ? null : 'NOT_ASSIGNED';
}
