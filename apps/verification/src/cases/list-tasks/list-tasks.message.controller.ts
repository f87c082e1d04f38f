import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { Rpc, type Actor } from '#contracts';
import { visibleAgencies } from '#domain';
import { pageOf } from '../../paging.js';
import { CaseRepository } from '../case.repository.js';
import { AreaNames } from '../area-names.js';
import { taskView, visitsByTask } from '../case.views.js';

/** Field tasks of the agencies the caller covers: per officer, by status. */
@Controller()
export class ListTasksMessageController {
  constructor(
    private readonly cases: CaseRepository,
    private readonly areas: AreaNames,
  ) {}

  @MessagePattern(Rpc.verification.listTasks)
  async list(@Payload() b: { actor: Actor; assignee?: string; status?: string; limit?: number; offset?: number }) {
    const { limit, offset } = pageOf(b, { limit: 50, max: 200 });
    const rows = await this.cases.listTasks({ agencies: visibleAgencies(b.actor), assignee: b.assignee, status: b.status, limit, offset });
    const visits = visitsByTask(
      await this.cases.visitsOf(
        this.cases.ds,
        rows.map((r) => r.id),
      ),
    );
    return {
      items: rows.map((t) => taskView(t, visits, { actor: b.actor, areas: this.areas.index })),
      total: rows.length ? Number(rows[0].total) : 0,
      limit,
      offset,
    };
  }
}
