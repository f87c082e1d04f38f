import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { Rpc, type Actor } from '#contracts';
import { visibleAgencies } from '#domain';
import { pageOf } from '../../paging.js';
import { CaseRepository } from '../case.repository.js';
import { caseListItem } from '../case.views.js';

/** The cases of the agencies the caller covers, newest first. */
@Controller()
export class ListCasesMessageController {
  constructor(private readonly cases: CaseRepository) {}

  @MessagePattern(Rpc.verification.listCases)
  async list(@Payload() b: { actor: Actor; status?: string; serviceCode?: string; limit?: number; offset?: number }) {
    const { limit, offset } = pageOf(b, { limit: 50, max: 200 });
    const rows = await this.cases.listCases({
      agencies: visibleAgencies(b.actor),
      status: b.status,
      serviceCode: b.serviceCode,
      limit,
      offset,
    });
    return { items: rows.map(caseListItem), total: rows.length ? Number(rows[0].total) : 0, limit, offset };
  }
}
