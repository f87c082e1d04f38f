import { Injectable } from '@nestjs/common';
import type { Actor, CaseView } from '#contracts';
import { covers } from '#domain';
import { VerificationError, VerificationErrorCode } from '../../verification.error.js';
import { CaseRepository } from '../case.repository.js';
import { AreaNames } from '../area-names.js';
import { caseView } from '../case.views.js';

/** One case, for the staff of its agency (a province: its regencies' too). */
@Injectable()
export class GetCaseQuery {
  constructor(
    private readonly cases: CaseRepository,
    private readonly areas: AreaNames,
  ) {}

  /** One snapshot of the case: its row, rules, tasks and history as of the same moment. */
  execute(actor: Actor, key: { caseId?: string; applicationId?: string }): Promise<CaseView> {
    return this.cases.ds.transaction('REPEATABLE READ', async (m) => {
      const c = await this.cases.find(m, key);
      if (!c || !covers(actor, c.agency_code)) {
        throw new VerificationError(VerificationErrorCode.CaseNotFound, `No verification case ${key.caseId ?? key.applicationId ?? ''}`);
      }
      const tasks = await this.cases.tasksOf(m, c);
      return caseView(
        c,
        {
          rules: await this.cases.rules(m, c.id),
          settlements: await this.cases.settlements(m, c.id),
          duplicates: await this.cases.duplicates(m, c.id),
          tasks,
          visits: await this.cases.visitsOf(
            m,
            tasks.map((t) => t.id),
          ),
          history: await this.cases.historyOf(m, c.id),
        },
        { actor, areas: this.areas.index },
      );
    });
  }
}
