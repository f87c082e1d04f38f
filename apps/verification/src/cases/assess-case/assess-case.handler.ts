import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { Rpc, type ApplicationDossier, type RuleOutcome } from '#contracts';
import { ServiceClient } from '#messaging';
import { Clock } from '../../config/clock.js';
import { areaOf, registryAgencies } from '../../domain/agencies.js';
import { findDuplicates, OPEN_STATUSES } from '../../domain/duplicates.js';
import { evaluate, type CaseSubject, type EligibilitySettings, type RegistryHit } from '../../domain/eligibility.js';
import { applySettlements } from '../../domain/settlement.js';
import { RegistryRepository } from '../../registry/registry.repository.js';
import { RulesRepository } from '../../rules/rules.repository.js';
import { VerificationError, VerificationErrorCode } from '../../verification.error.js';
import { CaseRepository, type CaseRow } from '../case.repository.js';

/** The part of an application verification keeps on its case and assesses. */
export function subjectOf(d: ApplicationDossier): CaseSubject {
  return { applicant: d.applicant, beneficiary: d.beneficiary, targetGroup: d.targetGroup, documents: d.documents, filedAt: d.filedAt };
}

/**
 * Assesses a case: reads the current registry for the applicant and beneficiary, finds the
 * duplicates, evaluates the rules in force for the agency and keeps each outcome with its
 * evidence; on the first assessment it opens the field verification tasks of the stages.
 * Re-run when a new registry snapshot lands (registry-based rules of open cases follow it).
 */
@Injectable()
export class AssessCaseHandler {
  constructor(
    private readonly cases: CaseRepository,
    private readonly rules: RulesRepository,
    private readonly registry: RegistryRepository,
    private readonly intake: ServiceClient,
    private readonly clock: Clock,
  ) {}

  /**
   * Assesses (or re-assesses) one case; `subject` is the application's data when the caller
   * brings it, else the case's own, else intake's dossier (asked outside the transaction).
   */
  async assess(actor: string, caseId: string, subject?: CaseSubject, opts: { onlyIfNew?: boolean } = {}): Promise<void> {
    if (!subject) {
      const known = await this.cases.find(this.cases.ds, { caseId });
      if (known && !known.subject) {
        const [d] = await this.intake.call<ApplicationDossier[]>(Rpc.intake.applicationDossiers, {
          actor: null,
          applicationIds: [known.application_id],
        });
        if (d) subject = subjectOf(d);
      }
    }
    await this.cases.ds.transaction((m) => this.assessOne(m, actor, caseId, subject, opts));
  }

  /**
   * Assesses many new cases in one transaction (a commit per case would cap the rate), each
   * behind a savepoint: one that fails is rolled back alone and named in the answer.
   */
  async assessMany(
    actor: string,
    items: Array<{ caseId: string; subject: CaseSubject }>,
  ): Promise<Array<{ caseId: string; error: unknown }>> {
    const failed: Array<{ caseId: string; error: unknown }> = [];
    await this.cases.ds.transaction(async (m) => {
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

  private async assessOne(
    m: EntityManager,
    actor: string,
    caseId: string,
    subject: CaseSubject | undefined,
    opts: { onlyIfNew?: boolean },
  ): Promise<void> {
    const c = await this.cases.find(m, { caseId }, { forUpdate: true });
    if (!c) throw new VerificationError(VerificationErrorCode.CaseNotFound, `No verification case ${caseId}`);
    // another replica's worker got there first
    if (opts.onlyIfNew && c.subject) return;
    if (!OPEN_STATUSES.includes(c.status)) {
      throw new VerificationError(VerificationErrorCode.CaseClosed, `Case ${caseId} is decided (${c.status}): it is not assessed again`);
    }
    const subj = subject ?? c.subject;
    if (!subj)
      throw new VerificationError(VerificationErrorCode.CaseNotFound, `Case ${caseId}: intake knows no application ${c.application_id}`);
    await this.assessIn(m, actor, c, subj);
  }

  private async assessIn(m: EntityManager, actor: string, c: CaseRow, subject: CaseSubject): Promise<void> {
    // Cases of the same person or household are assessed one after the other (by a verifier and
    // the worker, on two replicas): each then sees the other committed, and names it as a duplicate.
    const person = subject.beneficiary?.nik ?? subject.applicant.nik;
    await this.cases.lockPeople(m, [`person:${person}`, `kk:${subject.applicant.kkNumber}`]);
    const inForce = await this.rules.inForce(c.service_code, c.agency_code, m);
    // the settings in force for the agency, as the rules page shows them, and nothing layered over them
    const settings: EligibilitySettings = { fieldStages: [], ...(inForce?.settings ?? {}) };
    const snapshotIds = await this.registry.currentSnapshotIds(m, registryAgencies(c.agency_code));
    const niks = [subject.applicant.nik, subject.beneficiary?.nik].filter((n): n is string => !!n);
    const rows = await this.registry.hits(m, snapshotIds, niks);
    // the regency's own snapshot before the province's
    const hit = (nik?: string): RegistryHit | undefined =>
      snapshotIds.map((id) => rows.find((x) => x.snapshotId === id && x.nik === nik)).find((x) => x);
    const registry = { applicant: hit(subject.applicant.nik), beneficiary: subject.beneficiary ? hit(subject.beneficiary.nik) : undefined };
    const kk = subject.applicant.kkNumber;
    const others = await this.cases.others(m, { id: c.id, serviceCode: c.service_code }, person, kk, !!settings.onePerHousehold);
    const duplicates = findDuplicates({
      serviceCode: c.service_code,
      person,
      kk,
      settings,
      others,
      registry,
      fiscalYearStart: this.clock.fiscalYearStart(),
    });
    const evaluated = evaluate({ settings, subject, areaCode: areaOf(c.agency_code), registry, duplicates, on: new Date(subject.filedAt) });
    // a verifier's settlement holds while its rule still needs review
    const results = applySettlements(evaluated, await this.cases.settlements(m, c.id));

    const before: Array<{ rule: string; outcome: RuleOutcome }> = await this.cases.rules(m, c.id);
    await this.cases.replaceRules(m, c.id, results);
    await this.cases.replaceDuplicates(m, c.id, duplicates);
    const firstTime = c.status === 'AWAITING_ASSESSMENT';
    await this.cases.markAssessed(m, c.id, subject, snapshotIds);
    if (firstTime) await this.cases.openTasks(m, c, settings.fieldStages);
    const was = (rule: string) => before.find((b) => b.rule === rule)?.outcome;
    const changed = before.length ? results.filter((r) => was(r.rule) !== r.outcome) : [];
    await this.cases.history(m, c.id, actor, firstTime ? 'ASSESSED' : 'RECHECKED', {
      snapshots: snapshotIds,
      outcomes: Object.fromEntries(results.map((r) => [r.rule, r.outcome])),
      ...(changed.length ? { changed: changed.map((r) => ({ rule: r.rule, from: was(r.rule), to: r.outcome, message: r.message })) } : {}),
      duplicates: duplicates.map((d) => d.kind),
    });
  }
}
