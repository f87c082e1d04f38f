/**
 * The rules a service standard (as data) gives intake: which requirements a file misses,
 * which deadline applies, and its lifecycle as a state machine. Pure functions: a unit test
 * reaches them without a database or a transport.
 */
import { paysBenefit, type FieldError, type LocalizedText, type StandardDefinition, type LifecycleTransition } from '#contracts';
import { formatDeadline, type Deadline } from '#domain';

/** Who asks for a transition: staff with roles, or another service through its event. */
export type TransitionActor = { kind: 'staff'; roles: readonly string[] } | { kind: 'system'; system: string };

export interface AppliedDeadline extends Deadline {
  label: LocalizedText;
}

/** Requirements checked at intake that none of the documents fulfils, by requirement code. */
export function missingRequirements(def: StandardDefinition, documents: ReadonlyArray<{ type: string }>, channel: string): string[] {
  const have = new Set(documents.map((d) => d.type));
  return def.requirements
    .filter((r) => r.checkedBy === 'INTAKE' && (!r.channels?.length || r.channels.includes(channel as never)))
    .filter((r) => !r.documentTypes.some((t) => have.has(t)))
    .map((r) => r.code);
}

/** Requirements the standard leaves to verification (e.g. "in DTSEN, or else an SKTM"). */
export function requirementsForVerification(def: StandardDefinition): string[] {
  return def.requirements.filter((r) => r.checkedBy === 'VERIFICATION').map((r) => r.code);
}

/** The deadline of an application filed through `channel`: the first matching rule's, else the standard's. */
export function appliedDeadline(def: StandardDefinition, channel: string): AppliedDeadline {
  const rule = def.deadlineRules.find((r) => r.channels.includes(channel as never));
  const d = rule?.deadline ?? def.deadline;
  return { amount: d.amount, unit: d.unit, label: rule?.label ?? deadlineLabel(d) };
}

export function deadlineLabel(d: Deadline): LocalizedText {
  return { id: formatDeadline(d, 'id'), en: formatDeadline(d, 'en') };
}

export function statusName(def: StandardDefinition | null | undefined, code: string): LocalizedText | null {
  return def?.lifecycle.statuses.find((s) => s.code === code)?.name ?? null;
}

export function isTerminal(def: StandardDefinition, code: string): boolean {
  return def.lifecycle.statuses.find((s) => s.code === code)?.terminal ?? false;
}

/** Reaching this status stops the deadline's clock: the deadline is met, or the application is closed. */
export function stopsClock(def: StandardDefinition, code: string): boolean {
  return isTerminal(def, code) || def.lifecycle.deadlineMetAt.includes(code);
}

export function mayMake(t: LifecycleTransition, actor: TransitionActor): boolean {
  return actor.kind === 'staff' ? t.roles.some((r) => actor.roles.includes(r)) : (t.systems ?? []).includes(actor.system as never);
}

/** The transitions from `from` to `to` that apply to an application of this channel (whoever may make them). */
export function transitionsBetween(def: StandardDefinition, from: string, to: string, channel: string): LifecycleTransition[] {
  return def.lifecycle.transitions.filter(
    (t) => t.to === to && t.from.includes(from) && (!t.channels?.length || t.channels.includes(channel as never)),
  );
}

export type TransitionCheck =
  | { ok: true; transition: LifecycleTransition }
  | { ok: false; reason: 'ILLEGAL' | 'NOT_ALLOWED' | 'RESERVED' | 'REASON_REQUIRED'; message: string; allowed: string[] };

/**
 * Whether `actor` may move an application from `from` to `to` (409 ILLEGAL, 403 NOT_ALLOWED,
 * 403 RESERVED when only a service makes it — verification's decision, disbursement's steps —
 * 400 REASON_REQUIRED).
 */
export function checkTransition(
  def: StandardDefinition,
  app: { status: string; channel: string },
  to: string,
  actor: TransitionActor,
  reason: string | null | undefined,
): TransitionCheck {
  const allowed = nextStatuses(def, app.status, app.channel);
  const candidates = transitionsBetween(def, app.status, to, app.channel);
  if (!candidates.length) {
    return {
      ok: false,
      reason: 'ILLEGAL',
      allowed,
      message: `${def.code} does not go from ${app.status} to ${to}${allowed.length ? `; from ${app.status} it goes to ${allowed.join(', ')}` : `: ${app.status} is final`}`,
    };
  }
  const transition = candidates.find((t) => mayMake(t, actor));
  if (!transition) {
    const roles = [...new Set(candidates.flatMap((t) => t.roles))];
    if (actor.kind === 'staff' && !roles.length) {
      const systems = [...new Set(candidates.flatMap((t) => t.systems ?? []))];
      return {
        ok: false,
        reason: 'RESERVED',
        allowed,
        message: `${app.status} → ${to} is made by ${systems.join(', ')} only, never by hand (${reservedBecause(systems)})`,
      };
    }
    return {
      ok: false,
      reason: 'NOT_ALLOWED',
      allowed,
      message: roles.length
        ? `${app.status} → ${to} needs one of the roles ${roles.join(', ')}`
        : `${app.status} → ${to} is made by ${candidates.flatMap((t) => t.systems ?? []).join(', ')} only`,
    };
  }
  if (transition.reasonRequired && !reason?.trim()) {
    return { ok: false, reason: 'REASON_REQUIRED', allowed, message: `${app.status} → ${to} needs a reason` };
  }
  return { ok: true, transition };
}

function reservedBecause(systems: string[]): string {
  if (systems.includes('verification')) return "verification's decision";
  return 'a proposal, decree, payment or handover recorded in disbursement';
}

/**
 * The steps a citizen follows: the lifecycle's statuses in their order, without the terminal ones
 * the procedure does not lead to (returned, rejected, withdrawn, not paid); and the index of the
 * step that ends the deadline (-1: none but the last).
 */
export function publicSteps(def: StandardDefinition): { steps: string[]; deadlineEnds: number } {
  const led = new Set(def.procedure.map((p) => p.status).filter(Boolean));
  const steps = def.lifecycle.statuses.filter((s) => !s.terminal || led.has(s.code)).map((s) => s.code);
  const ends = steps.findIndex((s) => def.lifecycle.deadlineMetAt.includes(s));
  return { steps, deadlineEnds: ends === steps.length - 1 ? -1 : ends };
}

/** Statuses reachable in one step from `from` for an application of this channel. */
export function nextStatuses(def: StandardDefinition, from: string, channel: string): string[] {
  return [
    ...new Set(
      def.lifecycle.transitions
        .filter((t) => t.from.includes(from) && (!t.channels?.length || t.channels.includes(channel as never)))
        .map((t) => t.to),
    ),
  ];
}

/** The transitions staff with these roles may make now. */
export function nextTransitionsFor(def: StandardDefinition, app: { status: string; channel: string }, roles: readonly string[]) {
  const out: Array<{ to: string; name: LocalizedText; reasonRequired: boolean }> = [];
  for (const to of nextStatuses(def, app.status, app.channel)) {
    const t = transitionsBetween(def, app.status, to, app.channel).find((x) => mayMake(x, { kind: 'staff', roles }));
    if (t) out.push({ to, name: statusName(def, to) ?? { id: to, en: to }, reasonRequired: !!t.reasonRequired });
  }
  return out;
}

/**
 * What class-validator cannot see: the parts of a standard must agree with each other. Each
 * problem names its path, like a 400's details.
 */
export function checkStandardConsistency(def: StandardDefinition): FieldError[] {
  const errors: FieldError[] = [];
  const lc = def.lifecycle;
  const codes = lc.statuses.map((s) => s.code);
  const known = new Set(codes);
  const dup = (xs: string[]) => xs.filter((x, i) => xs.indexOf(x) !== i);
  for (const d of new Set(dup(codes))) errors.push({ path: 'lifecycle.statuses', message: `status ${d} is listed twice` });
  // the contract's `…application.received.v1` says REGISTERED or RETURNED
  if (lc.initial !== 'REGISTERED')
    errors.push({ path: 'lifecycle.initial', message: 'initial must be REGISTERED (what sigap.intake.application.received.v1 announces)' });
  else if (!known.has(lc.initial))
    errors.push({ path: 'lifecycle.initial', message: `initial status ${lc.initial} is not among the statuses` });
  else if (lc.statuses.find((s) => s.code === lc.initial)?.terminal)
    errors.push({ path: 'lifecycle.initial', message: 'the initial status must not be terminal' });
  // RETURNED is where intake puts an incomplete file: every standard needs it, terminal
  const returned = lc.statuses.find((s) => s.code === 'RETURNED');
  if (!returned)
    errors.push({
      path: 'lifecycle.statuses',
      message: 'a lifecycle needs the status RETURNED (an incomplete file is returned at filing)',
    });
  lc.transitions.forEach((t, i) => {
    for (const f of t.from) {
      if (!known.has(f)) errors.push({ path: `lifecycle.transitions[${i}].from`, message: `status ${f} is not among the statuses` });
      else if (lc.statuses.find((s) => s.code === f)?.terminal)
        errors.push({ path: `lifecycle.transitions[${i}].from`, message: `status ${f} is terminal: no transition leaves it` });
    }
    if (!known.has(t.to)) errors.push({ path: `lifecycle.transitions[${i}].to`, message: `status ${t.to} is not among the statuses` });
    if (t.from.includes(t.to))
      errors.push({ path: `lifecycle.transitions[${i}]`, message: `a transition must change the status (${t.to} → ${t.to})` });
    if (!t.roles.length && !(t.systems ?? []).length)
      errors.push({
        path: `lifecycle.transitions[${i}].roles`,
        message: 'a transition needs at least one role or system that may make it',
      });
    // a step a service makes is its alone (staff by hand would bypass its decision, decree or
    // handover, issue 12); only opening the case from the initial status is shared
    if ((t.systems ?? []).length && t.roles.length && !(t.from.length === 1 && t.from[0] === lc.initial)) {
      errors.push({
        path: `lifecycle.transitions[${i}].roles`,
        message: `${t.from.join(', ')} → ${t.to} is made by ${(t.systems ?? []).join(', ')}: roles must be empty`,
      });
    }
  });
  lc.deadlineMetAt.forEach((s, i) => {
    if (!known.has(s)) errors.push({ path: `lifecycle.deadlineMetAt[${i}]`, message: `status ${s} is not among the statuses` });
  });
  // every status but the initial one can be reached
  const reachable = new Set([lc.initial, 'RETURNED']);
  for (let grew = true; grew;) {
    grew = false;
    for (const t of lc.transitions) {
      if (!reachable.has(t.to) && t.from.some((f) => reachable.has(f))) {
        reachable.add(t.to);
        grew = true;
      }
    }
  }
  for (const c of codes)
    if (!reachable.has(c)) errors.push({ path: 'lifecycle.statuses', message: `status ${c} cannot be reached from ${lc.initial}` });
  def.procedure.forEach((p, i) => {
    if (p.status && !known.has(p.status))
      errors.push({ path: `procedure[${i}].status`, message: `status ${p.status} is not among the lifecycle's statuses` });
  });
  for (const d of new Set(dup(def.requirements.map((r) => r.code))))
    errors.push({ path: 'requirements', message: `requirement ${d} is listed twice` });
  for (const d of new Set(dup(def.targetGroups.map((g) => g.code))))
    errors.push({ path: 'targetGroups', message: `target group ${d} is listed twice` });
  if (def.targetGroupRequired && !def.targetGroups.length)
    errors.push({ path: 'targetGroupRequired', message: 'a target group cannot be required when the standard lists none' });
  const checkUnit = (d: { amount: number; unit: string }, path: string) => {
    if ((d.unit === 'MINUTES' || d.unit === 'HOURS') && d.amount === 0)
      errors.push({ path, message: `a deadline of 0 ${d.unit.toLowerCase()} is due at once` });
  };
  const benefit = def.benefit;
  if (benefit && (benefit.amount || benefit.byTargetGroup?.length) && !paysBenefit(def)) {
    errors.push({
      path: 'benefit',
      message: 'a benefit amount needs a lifecycle paid out by disbursement (a transition made by disbursement)',
    });
  }
  const groups = new Set(def.targetGroups.map((g) => g.code));
  (benefit?.byTargetGroup ?? []).forEach((g, i) => {
    if (!groups.has(g.targetGroup))
      errors.push({
        path: `benefit.byTargetGroup[${i}].targetGroup`,
        message: `target group ${g.targetGroup} is not among the standard's target groups`,
      });
  });
  for (const d of new Set(dup((benefit?.byTargetGroup ?? []).map((g) => g.targetGroup)))) {
    errors.push({ path: 'benefit.byTargetGroup', message: `target group ${d} has two amounts` });
  }
  checkUnit(def.deadline, 'deadline');
  def.deadlineRules.forEach((r, i) => checkUnit(r.deadline, `deadlineRules[${i}].deadline`));
  return errors;
}
