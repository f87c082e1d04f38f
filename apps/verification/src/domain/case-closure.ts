/**
 * When intake closes an application, its verification case closes too: an application that is
 * withdrawn, rejected or returned by intake, or that reaches any other status outside
 * verification's own path that verification did not set, is no longer verified, and its open
 * field tasks are cancelled (nobody is sent to a family that withdrew).
 */

/** The statuses an application passes through while verification has the case. */
const VERIFICATION_PATH = ['REGISTERED', 'IN_VERIFICATION'];
/** The outcomes verification itself decides (intake moves the application to them on its event). */
const DECIDED_BY_VERIFICATION = ['VERIFIED', 'REJECTED'];

export interface StatusChange {
  to: string;
  /** who moved it: `system:verification` for verification's own decision */
  actor?: string | null;
}

/** Whether an application's status change closes its (open) verification case. */
export function closesCase(change: StatusChange): boolean {
  if (VERIFICATION_PATH.includes(change.to)) return false;
  if (change.actor === 'system:verification' && DECIDED_BY_VERIFICATION.includes(change.to)) return false;
  return true;
}

/** Why the case was closed, for the case page (Bahasa Indonesia first). */
export function closureReason(to: string): { id: string; en: string } {
  const words: Record<string, { id: string; en: string }> = {
    WITHDRAWN: { id: 'permohonan dicabut oleh pemohon', en: 'the application was withdrawn by the applicant' },
    REJECTED: { id: 'permohonan ditolak di loket layanan', en: 'the application was rejected at intake' },
    RETURNED: { id: 'berkas permohonan dikembalikan kepada pemohon', en: 'the application was returned to the applicant' },
  };
  return (
    words[to] ?? { id: `permohonan ditutup di loket layanan (status ${to})`, en: `the application was closed at intake (status ${to})` }
  );
}
