/**
 * What a settlement of the finance office (`sigap.ext.finance.disbursement.settled.v1`) does to
 * the lines of its request. Pure: the consumer reads the lines, plans, and writes the plan.
 *
 * - With `recipients`, only those lines are settled, each with its own status (the others wait
 *   for a later settlement); without, every line still open takes the settlement's status.
 * - A line settled already with the same outcome is left as it is: the same settlement again,
 *   under a new eventId, changes nothing.
 * - A recipient not in the request, a recipient named twice, a PAID line without an SP2D
 *   number, or a line settled already with the other outcome refuses the whole settlement
 *   (it goes to `sigap.rejected`, nothing changes).
 */
import type { FieldError } from '#contracts';

export type LineOutcome = 'PAID' | 'REJECTED';

export interface RequestLineState {
  applicationId: string;
  status: 'REQUESTED' | LineOutcome;
}

export interface SettlementInput {
  requestId: string;
  status: LineOutcome;
  sp2dNumber?: string | null;
  reason?: string | null;
  recipients?: Array<{ applicationId: string; status: LineOutcome; reason?: string | null }>;
}

export interface LineChange {
  applicationId: string;
  to: LineOutcome;
  sp2dNumber: string | null;
  reason: string | null;
}

export type SettlementPlan = { ok: true; changes: LineChange[]; unchanged: number } | { ok: false; errors: FieldError[] };

export function planSettlement(lines: RequestLineState[], s: SettlementInput): SettlementPlan {
  const byApp = new Map(lines.map((l) => [l.applicationId, l]));
  const errors: FieldError[] = [];
  const wanted: Array<{ applicationId: string; to: LineOutcome; reason: string | null; path: string }> = [];
  if (s.recipients) {
    const seen = new Set<string>();
    s.recipients.forEach((r, i) => {
      const path = `recipients[${i}].applicationId`;
      if (seen.has(r.applicationId)) errors.push({ path, message: `names a recipient twice (${r.applicationId})` });
      seen.add(r.applicationId);
      if (!byApp.has(r.applicationId)) errors.push({ path, message: `is not a recipient of request ${s.requestId}` });
      wanted.push({
        applicationId: r.applicationId,
        to: r.status,
        reason: r.reason ?? (r.status === 'REJECTED' ? (s.reason ?? null) : null),
        path: `recipients[${i}].status`,
      });
    });
  } else {
    for (const l of lines)
      if (l.status === 'REQUESTED')
        wanted.push({
          applicationId: l.applicationId,
          to: s.status,
          reason: s.status === 'REJECTED' ? (s.reason ?? null) : null,
          path: 'status',
        });
  }
  const changes: LineChange[] = [];
  let unchanged = s.recipients ? 0 : lines.length - wanted.length;
  const sp2d = s.sp2dNumber?.trim() || null;
  for (const w of wanted) {
    const line = byApp.get(w.applicationId);
    if (!line) continue;
    if (line.status === w.to) {
      unchanged++;
      continue;
    }
    if (line.status !== 'REQUESTED') {
      errors.push({
        path: w.path,
        message: `recipient ${w.applicationId} is already ${line.status} in request ${s.requestId}: it cannot become ${w.to}`,
      });
      continue;
    }
    if (w.to === 'PAID' && !sp2d) {
      errors.push({ path: 'sp2dNumber', message: 'sp2dNumber is required when a recipient is PAID' });
      continue;
    }
    changes.push({
      applicationId: w.applicationId,
      to: w.to,
      sp2dNumber: w.to === 'PAID' ? sp2d : null,
      reason: w.to === 'REJECTED' ? (w.reason ?? 'rejected by the finance office') : null,
    });
  }
  // one error per rule is enough to read: a settlement of 20,000 lines does not list 20,000 errors
  return errors.length ? { ok: false, errors: dedupe(errors).slice(0, 50) } : { ok: true, changes, unchanged };
}

function dedupe(errors: FieldError[]): FieldError[] {
  const seen = new Set<string>();
  return errors.filter((e) => {
    const k = `${e.path}\u0000${e.message}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}
