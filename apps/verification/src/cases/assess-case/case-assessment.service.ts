import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';
import { Rpc, type ApplicationDossier, type DuplicateView, type RuleOutcome } from '#contracts';
import { ServiceClient } from '#messaging';
import { BackgroundLoop } from '#platform';
import { findAgency } from '#domain';
import { SnapshotEvents } from '../../registry/snapshot-events.js';
import { VerificationError, VerificationErrorCode } from '../../verification.error.js';
import { DEFAULT_ELIGIBILITY, evaluate, fromStandard, type CaseSubject, type EligibilitySettings, type RegistryHit } from '../eligibility/eligibility.js';

interface CaseRow {
  id: string;
  application_id: string;
  ticket_number: string | null;
  agency_code: string;
  service_code: string;
  status: string;
  eligibility: Record<string, unknown> | null;
  subject: CaseSubject | null;
  opened_at: Date;
}

export const OPEN_STATUSES = ['AWAITING_ASSESSMENT', 'IN_FIELD_VERIFICATION'];

/** The part of an application verification keeps on its case and assesses. */
export function subjectOf(d: ApplicationDossier): CaseSubject {
  return { applicant: d.applicant, beneficiary: d.beneficiary, targetGroup: d.targetGroup, documents: d.documents, filedAt: d.filedAt };
}

/** 1 January of the current year in WIB, as an instant: the fiscal year (tahun anggaran) is the calendar year. */
function fiscalYearStart(now = new Date()): string {
  const y = new Date(now.getTime() + 7 * 3600_000).getUTCFullYear();
  return `${y}-01-01T00:00:00+07:00`;
}

/** The agencies whose current registry covers an agency's area: its own, and its province's. */
export function registryAgencies(agencyCode: string): string[] {
  const a = findAgency(agencyCode);
  const codes = [agencyCode];
  if (a && a.level === 'REGENCY') codes.push(a.areaCode.slice(0, 2));
  return codes;
}

/** Whose eligibility settings an agency's cases may follow, most specific first: its own, its province's, the installation's (`*`). */
export function ruleLayers(agencyCode: string): string[] {
  return [...registryAgencies(agencyCode), '*'];
}

/**
 * Assesses a case: reads the current registry for the applicant and beneficiary, finds the
 * duplicates, evaluates the standard's rules and keeps each outcome with its evidence; on the
 * first assessment it opens the field verification tasks of the standard's stages. Re-run when
 * a new registry snapshot lands (registry-based rules of open cases follow the registry).
 */
@Injectable()
export class CaseAssessmentService implements OnModuleInit, OnApplicationBootstrap, OnApplicationShutdown {
  private readonly log = new Logger('case-assessment');
  private readonly rechecks = new BackgroundLoop(this.log, 're-checking open cases against the registry', () => this.recheckStaleNow());

  constructor(
    private readonly ds: DataSource,
    private readonly snapshots: SnapshotEvents,
    private readonly intake: ServiceClient,
  ) {}

  async onModuleInit(): Promise<void> {
    // the seeds' settings, once: afterwards they are an admin's to change
    for (const [code, settings] of Object.entries(DEFAULT_ELIGIBILITY)) {
      await this.ds.query(
        `INSERT INTO "eligibility_rules" ("agency_code", "service_code", "version", "settings", "updated_by") VALUES ('*', $1, 1, $2, 'seed') ON CONFLICT DO NOTHING`,
        [code, JSON.stringify(settings)],
      );
    }
    this.snapshots.on(async () => this.recheckStale());
  }

  onApplicationBootstrap(): void {
    // snapshots that became current while this process was down, or on another replica
    this.rechecks.start();
  }

  onApplicationShutdown(): Promise<void> {
    return this.rechecks.stop();
  }

  /**
   * The settings a case of `agencyCode` follows: the agency's own (an admin's), else its
   * province's, else the installation's (seeded), under what the standard's version says.
   */
  async settingsFor(m: Pick<EntityManager, 'query'>, serviceCode: string, agencyCode: string, fromEvent: Record<string, unknown> | null): Promise<EligibilitySettings | null> {
    const row = await this.rulesInForce(m, serviceCode, agencyCode);
    if (!row && !fromEvent) return null;
    return { fieldStages: [], ...(row?.settings ?? {}), ...fromStandard(fromEvent) };
  }

  /** The newest version of the most specific settings of a service for an agency (its own, its province's, `*`). */
  async rulesInForce(m: Pick<EntityManager, 'query'>, serviceCode: string, agencyCode: string) {
    const layers = ruleLayers(agencyCode);
    const rows: Array<{ agency_code: string; service_code: string; version: number; settings: EligibilitySettings; updated_by: string; updated_at: Date }> = await m.query(
      `SELECT DISTINCT ON ("agency_code") * FROM "eligibility_rules" WHERE "service_code" = $1 AND "agency_code" = ANY($2::text[]) ORDER BY "agency_code", "version" DESC`,
      [serviceCode, layers],
    );
    return layers.map((a) => rows.find((r) => r.agency_code === a)).find((r) => r) ?? null;
  }

  /**
   * Assesses (or re-assesses) one case; `subject` is the application's data when the caller
   * brings it, else the case's own, else intake's dossier (asked outside the transaction).
   */
  async assess(actor: string, caseId: string, subject?: CaseSubject, opts: { onlyIfNew?: boolean } = {}): Promise<void> {
    if (!subject) {
      const [known] = (await this.ds.query(`SELECT "application_id", "subject" FROM "cases" WHERE "id" = $1`, [caseId])) as Array<{ application_id: string; subject: CaseSubject | null }>;
      if (known && !known.subject) {
        const [d] = await this.intake.call<ApplicationDossier[]>(Rpc.intake.applicationDossiers, { actor: null, applicationIds: [known.application_id] });
        if (d) subject = subjectOf(d);
      }
    }
    await this.ds.transaction((m) => this.assessOne(m, actor, caseId, subject, opts));
  }

  /**
   * Assesses many new cases in one transaction (a commit per case would cap the rate), each
   * behind a savepoint: one that fails is rolled back alone and named in the answer.
   */
  async assessMany(actor: string, items: Array<{ caseId: string; subject: CaseSubject }>): Promise<Array<{ caseId: string; error: unknown }>> {
    const failed: Array<{ caseId: string; error: unknown }> = [];
    await this.ds.transaction(async (m) => {
      for (const it of items) {
        await m.query('SAVEPOINT assess_one');
        try {
          await this.assessOne(m, actor, it.caseId, it.subject, { onlyIfNew: true });
          await m.query('RELEASE SAVEPOINT assess_one');
        } catch (error) {
          await m.query('ROLLBACK TO SAVEPOINT assess_one');
          failed.push({ caseId: it.caseId, error });
        }
      }
    });
    return failed;
  }

  private async assessOne(m: EntityManager, actor: string, caseId: string, subject: CaseSubject | undefined, opts: { onlyIfNew?: boolean }): Promise<void> {
    const [c] = (await m.query(`SELECT * FROM "cases" WHERE "id" = $1 FOR UPDATE`, [caseId])) as CaseRow[];
    if (!c) throw new VerificationError(VerificationErrorCode.CaseNotFound, `No verification case ${caseId}`);
    // another replica's worker got there first
    if (opts.onlyIfNew && c.subject) return;
    if (!OPEN_STATUSES.includes(c.status)) throw new VerificationError(VerificationErrorCode.CaseClosed, `Case ${caseId} is decided (${c.status}): it is not assessed again`);
    const subj = subject ?? c.subject;
    if (!subj) throw new VerificationError(VerificationErrorCode.CaseNotFound, `Case ${caseId}: intake knows no application ${c.application_id}`);
    await this.assessIn(m, actor, c, subj);
  }

  private async assessIn(m: EntityManager, actor: string, c: CaseRow, subject: CaseSubject): Promise<void> {
    // Cases of the same person or household are assessed one after the other (by a verifier and
    // the worker, on two replicas): each then sees the other committed, and names it as a duplicate.
    const keys = [`person:${subject.beneficiary?.nik ?? subject.applicant.nik}`, `kk:${subject.applicant.kkNumber}`];
    await m.query(`SELECT pg_advisory_xact_lock(k) FROM (SELECT DISTINCT hashtextextended(x, 0) AS k FROM unnest($1::text[]) AS x ORDER BY 1) AS t`, [keys]);
    const settings = (await this.settingsFor(m, c.service_code, c.agency_code, c.eligibility)) ?? { fieldStages: [] };
    const agency = findAgency(c.agency_code);
    const areaCode = agency?.areaCode ?? c.agency_code;
    const snapshots: Array<{ id: string }> = await m.query(
      `SELECT "id" FROM "registry_snapshots" WHERE "is_current" AND "agency_code" = ANY($1) ORDER BY "agency_code" DESC`, [registryAgencies(c.agency_code)]);
    const snapshotIds = snapshots.map((s) => s.id);
    const niks = [subject.applicant.nik, subject.beneficiary?.nik].filter((n): n is string => !!n);
    const rows: Array<RegistryHit & { snapshot_id: string; row_number: number; birth_date: string; village_code: string }> = snapshotIds.length
      ? await m.query(
          `SELECT "snapshot_id", "row_number", "nik", "kk", "name", "birth_date"::text AS "birth_date", "village_code", "decile", "programs"
             FROM "registry_persons" WHERE "snapshot_id" = ANY($1::uuid[]) AND "nik" = ANY($2::text[])`,
          [snapshotIds, niks],
        )
      : [];
    const hit = (nik?: string): RegistryHit | undefined => {
      // the regency's own snapshot before the province's
      const r = snapshotIds.map((id) => rows.find((x) => x.snapshot_id === id && x.nik === nik)).find((x) => x);
      return r && { nik: r.nik, kk: r.kk, name: r.name, birthDate: r.birth_date, villageCode: r.village_code, decile: r.decile, programs: r.programs, snapshotId: r.snapshot_id, row: r.row_number };
    };
    const registry = { applicant: hit(subject.applicant.nik), beneficiary: subject.beneficiary ? hit(subject.beneficiary.nik) : undefined };
    const duplicates = await this.duplicates(m, c, subject, settings, registry);
    const results = evaluate({ settings, subject, areaCode, registry, duplicates, on: new Date(subject.filedAt) });

    const before: Array<{ rule: string; outcome: RuleOutcome }> = await m.query(`SELECT "rule", "outcome" FROM "case_rule_results" WHERE "case_id" = $1`, [c.id]);
    await m.query(`DELETE FROM "case_rule_results" WHERE "case_id" = $1`, [c.id]);
    await m.query(
      `INSERT INTO "case_rule_results" ("case_id", "rule", "position", "outcome", "message", "evidence")
       SELECT $1, r, p, o, msg, ev FROM unnest($2::text[], $3::int[], $4::text[], $5::text[], $6::jsonb[]) AS t(r, p, o, msg, ev)`,
      [c.id, results.map((r) => r.rule), results.map((_, i) => i), results.map((r) => r.outcome), results.map((r) => r.message), results.map((r) => JSON.stringify(r.evidence))],
    );
    await m.query(`DELETE FROM "case_duplicates" WHERE "case_id" = $1`, [c.id]);
    if (duplicates.length) {
      await m.query(
        `INSERT INTO "case_duplicates" ("case_id", "kind", "other_ref", "other", "message")
         SELECT $1, k, ref, o, msg FROM unnest($2::text[], $3::text[], $4::jsonb[], $5::text[]) AS t(k, ref, o, msg) ON CONFLICT DO NOTHING`,
        [c.id, duplicates.map((d) => d.kind), duplicates.map((d) => d.other.caseId ?? d.other.programme ?? ''), duplicates.map((d) => JSON.stringify(d.other)), duplicates.map((d) => d.message)],
      );
    }
    const firstTime = c.status === 'AWAITING_ASSESSMENT';
    await m.query(
      `UPDATE "cases" SET "subject" = $2, "applicant_nik" = $3, "beneficiary_nik" = $4, "kk" = $5, "filed_at" = $6, "assessed_at" = now(),
              "registry_snapshot_ids" = $7, "status" = 'IN_FIELD_VERIFICATION', "updated_at" = now() WHERE "id" = $1`,
      [c.id, JSON.stringify(subject), subject.applicant.nik, subject.beneficiary?.nik ?? null, subject.applicant.kkNumber, subject.filedAt, snapshotIds],
    );
    if (firstTime) {
      const stages = settings.fieldStages;
      if (stages.length) {
        await m.query(
          `INSERT INTO "field_tasks" ("id", "case_id", "agency_code", "stage", "position", "status")
           SELECT id, $1, $2, st, p, CASE WHEN p = 0 THEN 'OPEN' ELSE 'WAITING' END FROM unnest($3::uuid[], $4::text[], $5::int[]) AS t(id, st, p)
           ON CONFLICT DO NOTHING`,
          [c.id, c.agency_code, stages.map(() => randomUUID()), stages, stages.map((_, i) => i)],
        );
      }
    }
    const changed = results.filter((r) => before.find((b) => b.rule === r.rule)?.outcome !== r.outcome && before.length);
    await m.query(`INSERT INTO "case_history" ("case_id", "actor", "action", "detail") VALUES ($1, $2, $3, $4)`, [
      c.id, actor, firstTime ? 'ASSESSED' : 'RECHECKED',
      JSON.stringify({
        snapshots: snapshotIds,
        outcomes: Object.fromEntries(results.map((r) => [r.rule, r.outcome])),
        ...(changed.length ? { changed: changed.map((r) => ({ rule: r.rule, from: before.find((b) => b.rule === r.rule)?.outcome, to: r.outcome, message: r.message })) } : {}),
        duplicates: duplicates.map((d) => d.kind),
      }),
    ]);
  }

  /** Other records of the same person (or household) for the same service, and excluding national programmes. */
  private async duplicates(m: EntityManager, c: CaseRow, subject: CaseSubject, s: EligibilitySettings, registry: { applicant?: RegistryHit; beneficiary?: RegistryHit }): Promise<DuplicateView[]> {
    const person = subject.beneficiary?.nik ?? subject.applicant.nik;
    const others: Array<{ id: string; application_id: string; ticket_number: string | null; status: string; paid_at: Date | null; person: string; kk: string | null; opened_at: Date }> = await m.query(
      `SELECT "id", "application_id", "ticket_number", "status", "paid_at", coalesce("beneficiary_nik", "applicant_nik") AS "person", "kk", "opened_at"
         FROM "cases"
        WHERE "service_code" = $1 AND "id" <> $2
          AND (coalesce("beneficiary_nik", "applicant_nik") = $3 OR ($5 AND "kk" = $4))
        ORDER BY "opened_at"`,
      [c.service_code, c.id, person, subject.applicant.kkNumber, !!s.onePerHousehold],
    );
    const out: DuplicateView[] = [];
    const fy = new Date(fiscalYearStart());
    const ref = (o: (typeof others)[number]) => ({ caseId: o.id, applicationId: o.application_id, ticketNumber: o.ticket_number });
    for (const o of others) {
      const name = o.ticket_number ?? o.application_id;
      if (o.person === person) {
        if (o.paid_at && o.paid_at >= fy) {
          out.push({ kind: 'PAID_THIS_YEAR', other: ref(o), message: `Already paid by ${c.service_code} this fiscal year (${name})` });
        } else if (!o.paid_at && (OPEN_STATUSES.includes(o.status) || o.status === 'VERIFIED')) {
          out.push({ kind: 'OPEN_CASE_SAME_SERVICE', other: ref(o), message: `Another open application for ${c.service_code}: ${name}` });
        }
      } else if (s.onePerHousehold && o.kk === subject.applicant.kkNumber && o.status !== 'REJECTED' && (o.opened_at >= fy || (o.paid_at && o.paid_at >= fy))) {
        out.push({ kind: 'SAME_HOUSEHOLD', other: ref(o), message: `The household (KK) already has an application for ${c.service_code} this fiscal year: ${name}` });
      }
    }
    for (const h of [registry.beneficiary, registry.applicant]) {
      for (const p of h?.programs ?? []) {
        if (s.notInPrograms?.includes(p) && !out.some((d) => d.kind === 'NATIONAL_PROGRAMME' && d.other.programme === p)) {
          out.push({ kind: 'NATIONAL_PROGRAMME', other: { programme: p, snapshotId: h!.snapshotId, row: h!.row }, message: `Already on ${p}, a national programme that excludes this service (DTSEN row ${h!.row})` });
        }
      }
    }
    return out;
  }

  /**
   * Re-checks every open case that was assessed against other registry snapshots than the ones
   * now current for its agency (a new national programme is flagged). Each case remembers the
   * snapshots it was checked against, so this finds what a snapshot made stale wherever and
   * whenever it landed: at once on the replica that imported it, on the others' next start.
   */
  recheckStale(): Promise<void> {
    return this.rechecks.kick();
  }

  private async recheckStaleNow(): Promise<void> {
    const current: Array<{ id: string; agency_code: string }> = await this.ds.query(`SELECT "id", "agency_code" FROM "registry_snapshots" WHERE "is_current"`);
    const open: Array<{ id: string; agency_code: string; registry_snapshot_ids: string[] | null }> = await this.ds.query(
      `SELECT "id", "agency_code", "registry_snapshot_ids" FROM "cases" WHERE "status" = 'IN_FIELD_VERIFICATION' AND "subject" IS NOT NULL`);
    let n = 0;
    const currentOf = new Map(current.map((s) => [s.agency_code, s.id]));
    for (const c of open) {
      if (this.rechecks.stopping) return;
      // in the order assessIn keeps them: the regency's own before the province's
      const now = registryAgencies(c.agency_code).map((a) => currentOf.get(a)).filter((id): id is string => !!id);
      const was = c.registry_snapshot_ids ?? [];
      if (now.length === was.length && now.every((id, i) => id === was[i])) continue;
      const fresh = now.find((id) => !was.includes(id)) ?? now[0] ?? 'none';
      try {
        await this.assess(`system:registry-snapshot:${fresh}`, c.id);
        n++;
      } catch (e) {
        this.log.warn(`re-checking case ${c.id} against snapshot ${fresh} failed: ${(e as Error).message}`);
      }
    }
    if (n) this.log.log(`re-checked ${n} open cases against the current registry snapshots`);
  }
}
