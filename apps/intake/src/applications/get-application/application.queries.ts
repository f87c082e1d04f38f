import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type {
  StandardDefinition,
  ApplicationDossier,
  PublicStepView,
  Actor,
  AppliedDeadline,
  ApplicationList,
  ApplicationListItem,
  ApplicationView,
  PublicStatusView,
  TimeLeftView,
} from '#contracts';
import { canChange, covers, findAgency, maskNik, normalizeAreaCode, visibleAgencies, type WorkingCalendar } from '#domain';
import { requireCovers, isUuid } from '#platform';
import { CalendarService } from '../../calendar/calendar.service.js';
import { CatalogService } from '../../catalog/catalog.service.js';
import { isTerminal, nextTransitionsFor, publicSteps, statusName } from '../../catalog/standard.js';
import { Clock } from '../../config/clock.js';
import { IntakeError, IntakeErrorCode } from '../intake.error.js';

/** "due soon": the clock runs and the due time is within this window */
export const DUE_SOON_HOURS = 24;

interface AppRow {
  id: string;
  ticket_number: string | null;
  agency_code: string;
  service_code: string;
  standard_version: number | null;
  lifecycle_version: number | null;
  channel: string;
  source: string | null;
  status: string;
  applicant: Record<string, unknown>;
  beneficiary: Record<string, unknown> | null;
  target_group: string | null;
  documents: Array<{ type: string; ref?: string }>;
  missing_requirements: string[];
  deadline: AppliedDeadline | null;
  due_at: Date | null;
  clock_stopped_at: Date | null;
  overdue_at: Date | null;
  created_by: string | null;
  /** when the applicant filed, if earlier than receipt (`created_at`) */
  filed_at: Date | null;
  created_at: Date;
  updated_at: Date;
}

export interface ListQuery {
  status?: string;
  serviceCode?: string;
  agencyCode?: string;
  areaCode?: string;
  dueSoon?: boolean;
  overdue?: boolean;
  open?: boolean;
  q?: string;
  limit?: number;
  offset?: number;
}

function timeLeft(cal: WorkingCalendar | undefined, now: Date, row: Pick<AppRow, 'due_at' | 'clock_stopped_at'>): TimeLeftView | null {
  if (!cal || !row.due_at || row.clock_stopped_at) return null;
  const t = cal.timeLeft(now, row.due_at);
  return { milliseconds: t.milliseconds, workingDays: Math.round(t.workingDays * 100) / 100 };
}

const running = (r: Pick<AppRow, 'due_at' | 'clock_stopped_at'>) => !!r.due_at && !r.clock_stopped_at;

/** Reading applications: one for its agency's staff, the queue, and the citizen's public status. */
@Injectable()
export class ApplicationQueries {
  constructor(
    private readonly ds: DataSource,
    private readonly catalog: CatalogService,
    private readonly calendars: CalendarService,
    private readonly clock: Clock,
  ) {}

  /**
   * The data verification assesses and disbursement prints, for up to 500 applications at once
   * (no actor: NATS permissions let only those two services ask, topology.ts).
   */
  async dossiers(ids: string[]): Promise<ApplicationDossier[]> {
    const wanted = ids.filter((id) => isUuid(id)).slice(0, 500);
    if (!wanted.length) return [];
    const rows: AppRow[] = await this.ds.query(`SELECT * FROM "intake"."applications" WHERE "id" = ANY($1::uuid[])`, [wanted]);
    const person = (p: Record<string, unknown>) => ({
      nik: String(p.nik ?? ''),
      name: String(p.name ?? ''),
      birthDate: String(p.birthDate ?? ''),
      sex: p.sex === 'M' ? ('M' as const) : ('F' as const),
    });
    return rows.map((r) => ({
      applicationId: r.id,
      ticketNumber: r.ticket_number,
      agencyCode: r.agency_code,
      serviceCode: r.service_code,
      standardVersion: r.standard_version,
      status: r.status,
      applicant: {
        ...person(r.applicant),
        kkNumber: String(r.applicant.kkNumber ?? ''),
        villageCode: String(r.applicant.villageCode ?? ''),
        address: String(r.applicant.address ?? ''),
        phone: r.applicant.phone ? String(r.applicant.phone) : null,
      },
      beneficiary: r.beneficiary ? person(r.beneficiary) : null,
      targetGroup: r.target_group,
      documents: (r.documents ?? []).map((d) => ({ type: d.type })),
      filedAt: r.created_at.toISOString(),
    }));
  }

  /** The application with its history and the transitions the caller may make; another agency's is "not found". */
  async view(actor: Actor, id: string): Promise<ApplicationView> {
    const notFound = new IntakeError(IntakeErrorCode.ApplicationNotFound, `No application ${id}`);
    if (!isUuid(id)) throw notFound;
    const [row]: AppRow[] = await this.ds.query(`SELECT * FROM "intake"."applications" WHERE "id" = $1`, [id]);
    if (!row || !covers(actor, row.agency_code)) throw notFound;
    const history: Array<{
      from_status: string | null;
      to_status: string;
      reason: string | null;
      public_reason: string | null;
      actor: string;
      at: Date;
    }> = await this.ds.query(`SELECT * FROM "intake"."application_history" WHERE "application_id" = $1 ORDER BY "id"`, [id]);
    const std = await this.catalog.forApplication({
      agencyCode: row.agency_code,
      serviceCode: row.service_code,
      standardVersion: row.standard_version,
      lifecycleVersion: row.lifecycle_version,
    });
    const def = std?.definition;
    const now = this.clock.now();
    const left = timeLeft(await this.calendars.calendarFor(row.agency_code), now, row);
    return {
      applicationId: row.id,
      ticketNumber: row.ticket_number,
      agencyCode: row.agency_code,
      serviceCode: row.service_code,
      serviceName: def?.name ?? null,
      standardVersion: row.standard_version ?? std?.version ?? null,
      channel: row.channel,
      source: row.source,
      status: row.status,
      statusName: statusName(def, row.status),
      open: running(row),
      closed: def ? isTerminal(def, row.status) : false,
      applicant: row.applicant,
      beneficiary: row.beneficiary,
      targetGroup: row.target_group,
      documents: row.documents,
      missingRequirements: row.missing_requirements,
      filedAt: (row.filed_at ?? row.created_at).toISOString(),
      receivedAt: row.created_at.toISOString(),
      dueAt: row.due_at?.toISOString() ?? null,
      deadline: row.deadline,
      timeLeft: left,
      overdue: !!left && left.milliseconds < 0,
      overdueFlaggedAt: row.overdue_at?.toISOString() ?? null,
      clockStoppedAt: row.clock_stopped_at?.toISOString() ?? null,
      createdBy: row.created_by,
      createdAt: row.created_at.toISOString(),
      updatedAt: row.updated_at.toISOString(),
      history: history.map((h) => ({
        from: h.from_status,
        to: h.to_status,
        reason: h.reason,
        publicReason: h.public_reason,
        actor: h.actor,
        at: h.at.toISOString(),
      })),
      // a province sees its regencies' applications but does not move them: no transitions offered
      nextTransitions: def && canChange(actor, row.agency_code) ? nextTransitionsFor(def, row, actor.roles) : [],
    };
  }

  /**
   * The staff's queue, scoped to the agencies the actor covers: applications whose clock
   * runs first, least time left first (overdue ones on top), then the others, latest first.
   */
  async list(actor: Actor, q: ListQuery): Promise<ApplicationList> {
    const bad = (path: string, message: string) => new IntakeError(IntakeErrorCode.InvalidQuery, message, [{ path, message }]);
    let agencies = visibleAgencies(actor);
    if (q.agencyCode) {
      requireCovers(actor, q.agencyCode);
      agencies = [q.agencyCode];
    }
    let areaPrefix: string | null = null;
    if (q.areaCode) {
      const n = normalizeAreaCode(q.areaCode);
      if (!n) throw bad('areaCode', 'areaCode must be an area code like 33.04 or 33.04.01');
      areaPrefix = n.split('.').length === 4 ? n : `${n}.`;
    }
    const limit = Math.min(Math.max(q.limit ?? 50, 1), 200);
    const offset = Math.max(q.offset ?? 0, 0);
    const now = this.clock.now();
    const where: string[] = [`a."agency_code" = ANY($1::text[])`];
    const params: unknown[] = [agencies];
    const add = (sql: (p: string) => string, value: unknown) => {
      params.push(value);
      where.push(sql(`$${params.length}`));
    };
    if (q.status)
      add(
        (p) => `a."status" = ANY(${p}::text[])`,
        q.status
          .split(',')
          .map((s) => s.trim())
          .filter(Boolean),
      );
    if (q.serviceCode) add((p) => `a."service_code" = ${p}`, q.serviceCode);
    if (areaPrefix) add((p) => `left(a."applicant" ->> 'villageCode', length(${p})) = ${p}`, areaPrefix);
    let nowIndex = 0;
    // a parameter no clause uses has no type Postgres can infer: add "now" only when needed
    const nowP = () => {
      if (!nowIndex) nowIndex = params.push(now.toISOString());
      return `$${nowIndex}::timestamptz`;
    };
    const runningSql = `(a."clock_stopped_at" IS NULL AND a."due_at" IS NOT NULL)`;
    if (q.open !== undefined) where.push(q.open ? runningSql : `NOT ${runningSql}`);
    if (q.overdue !== undefined)
      where.push(q.overdue ? `${runningSql} AND a."due_at" < ${nowP()}` : `NOT (${runningSql} AND a."due_at" < ${nowP()})`);
    if (q.dueSoon) {
      const n = nowP();
      add((p) => `${runningSql} AND a."due_at" >= ${n} AND a."due_at" <= ${n} + make_interval(hours => ${p}::int)`, DUE_SOON_HOURS);
    }
    const text = q.q?.trim();
    if (text) {
      if (/^\d{16}$/.test(text)) {
        add((p) => `(a."applicant" ->> 'nik' = ${p} OR a."applicant" ->> 'kkNumber' = ${p} OR a."beneficiary" ->> 'nik' = ${p})`, text);
      } else {
        const like = `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
        add((p) => `(a."ticket_number" ILIKE ${p} OR a."applicant" ->> 'name' ILIKE ${p} OR a."beneficiary" ->> 'name' ILIKE ${p})`, like);
      }
    }
    params.push(limit, offset);
    const rows: Array<AppRow & { total: string }> = await this.ds.query(
      `SELECT a.*, count(*) OVER () AS "total" FROM "intake"."applications" a
        WHERE ${where.join(' AND ')}
        ORDER BY CASE WHEN ${runningSql} THEN 0 ELSE 1 END, CASE WHEN ${runningSql} THEN a."due_at" END ASC, a."updated_at" DESC, a."id"
        LIMIT $${params.length - 1} OFFSET $${params.length}`,
      params,
    );
    const calendars = await this.calendars.calendarsFor(rows.map((r) => r.agency_code));
    const items: ApplicationListItem[] = [];
    for (const r of rows) {
      const def = (
        await this.catalog.forApplication({
          agencyCode: r.agency_code,
          serviceCode: r.service_code,
          standardVersion: r.standard_version,
          lifecycleVersion: r.lifecycle_version,
        })
      )?.definition;
      const left = timeLeft(calendars.get(r.agency_code), now, r);
      items.push({
        applicationId: r.id,
        ticketNumber: r.ticket_number,
        agencyCode: r.agency_code,
        serviceCode: r.service_code,
        serviceName: def?.name ?? null,
        status: r.status,
        statusName: statusName(def, r.status),
        channel: r.channel,
        applicantName: String(r.applicant.name ?? ''),
        applicantNik: maskNik(String(r.applicant.nik ?? '')),
        beneficiaryName: r.beneficiary ? String(r.beneficiary.name ?? '') : null,
        villageCode: String(r.applicant.villageCode ?? ''),
        targetGroup: r.target_group,
        filedAt: (r.filed_at ?? r.created_at).toISOString(),
        dueAt: r.due_at?.toISOString() ?? null,
        open: running(r),
        closed: def ? isTerminal(def, r.status) : false,
        overdue: !!left && left.milliseconds < 0,
        overdueFlaggedAt: r.overdue_at?.toISOString() ?? null,
        timeLeft: left,
        updatedAt: r.updated_at.toISOString(),
      });
    }
    return { items, total: rows.length ? Number(rows[0].total) : offset ? await this.count(where, params.slice(0, -2)) : 0, limit, offset };
  }

  private async count(where: string[], params: unknown[]): Promise<number> {
    const [{ n }] = await this.ds.query(`SELECT count(*)::int AS n FROM "intake"."applications" a WHERE ${where.join(' AND ')}`, params);
    return n as number;
  }

  /**
   * What a citizen may read with a ticket number: the service, the status and its timeline
   * with times, the deadline and time left. No names, NIKs, addresses, documents, staff
   * usernames or internal reasons: only what staff wrote as `publicReason`.
   */
  async publicStatus(ticketNumber: string): Promise<PublicStatusView> {
    const notFound = new IntakeError(IntakeErrorCode.TicketNotFound, `No application with ticket ${ticketNumber}`);
    if (typeof ticketNumber !== 'string' || !/^[A-Z][A-Z0-9_]{1,39}-[0-9A-Z.]{2,12}-\d{4}-\d{6}$/.test(ticketNumber)) throw notFound;
    const [row]: AppRow[] = await this.ds.query(`SELECT * FROM "intake"."applications" WHERE "ticket_number" = $1`, [ticketNumber]);
    if (!row) throw notFound;
    const history: Array<{ to_status: string; public_reason: string | null; at: Date }> = await this.ds.query(
      `SELECT "to_status", "public_reason", "at" FROM "intake"."application_history" WHERE "application_id" = $1 ORDER BY "id"`,
      [row.id],
    );
    const def = (
      await this.catalog.forApplication({
        agencyCode: row.agency_code,
        serviceCode: row.service_code,
        standardVersion: row.standard_version,
        lifecycleVersion: row.lifecycle_version,
      })
    )?.definition;
    const name = (code: string) => statusName(def, code) ?? { id: code, en: code };
    const left = timeLeft(await this.calendars.calendarFor(row.agency_code), this.clock.now(), row);
    return {
      ticketNumber,
      service: { code: row.service_code, name: def?.name ?? { id: row.service_code, en: row.service_code } },
      agency: { code: row.agency_code, name: findAgency(row.agency_code)?.name ?? row.agency_code },
      status: row.status,
      statusName: name(row.status),
      open: running(row),
      closed: def ? isTerminal(def, row.status) : false,
      filedAt: (row.filed_at ?? row.created_at).toISOString(),
      dueAt: row.due_at?.toISOString() ?? null,
      deadline: row.deadline,
      timeLeft: left,
      overdue: !!left && left.milliseconds < 0,
      timeline: history.map((h) => ({ status: h.to_status, name: name(h.to_status), at: h.at.toISOString(), note: h.public_reason })),
      ...stepsOf(def, row.status, history),
    };
  }
}

/** The steps of the public status page, from the standard's lifecycle and the application's history. */
function stepsOf(
  def: StandardDefinition | undefined,
  status: string,
  history: Array<{ to_status: string; at: Date }>,
): Pick<PublicStatusView, 'steps' | 'deadlineEndsWith'> {
  if (!def) return { steps: [], deadlineEndsWith: null };
  const { steps, deadlineEnds } = publicSteps(def);
  const last = new Map(history.map((h) => [h.to_status, h.at.toISOString()]));
  const current = steps.indexOf(status);
  const out: PublicStepView[] = steps.map((code, i) => {
    let state: PublicStepView['state'];
    if (current >= 0) state = i < current ? 'DONE' : i === current ? 'CURRENT' : 'UPCOMING';
    else state = last.has(code) ? 'DONE' : 'NOT_REACHED';
    return {
      status: code,
      name: statusName(def, code) ?? { id: code, en: code },
      state,
      at: state === 'DONE' || state === 'CURRENT' ? (last.get(code) ?? null) : null,
      afterDeadline: deadlineEnds >= 0 && i > deadlineEnds,
    };
  });
  const ends = deadlineEnds >= 0 ? steps[deadlineEnds] : null;
  return { steps: out, deadlineEndsWith: ends ? { status: ends, name: statusName(def, ends) ?? { id: ends, en: ends } } : null };
}
