import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { Rpc, type Actor } from '#contracts';
import { visibleAgencies } from '#domain';
import { areaOf } from '../../domain/agencies.js';
import { parseCaseQuery } from '../../domain/case-search.js';
import { pageOf } from '../../paging.js';
import { AreaNames } from '../area-names.js';
import { CaseRepository, type CaseSearch } from '../case.repository.js';
import { caseListItem } from '../case.views.js';

/** The cases of the agencies the caller covers, newest first; searched by ticket, name, desa or kecamatan, or a whole NIK. */
@Controller()
export class ListCasesMessageController {
  constructor(
    private readonly cases: CaseRepository,
    private readonly areas: AreaNames,
  ) {}

  @MessagePattern(Rpc.verification.listCases)
  async list(@Payload() b: { actor: Actor; status?: string; serviceCode?: string; q?: string; limit?: number; offset?: number }) {
    const { limit, offset } = pageOf(b, { limit: 50, max: 200 });
    const agencies = visibleAgencies(b.actor);
    const rows = await this.cases.listCases({
      agencies,
      status: b.status,
      serviceCode: b.serviceCode,
      search: await this.search(b.q, agencies),
      limit,
      offset,
    });
    return { items: rows.map((r) => caseListItem(r, this.areas.index)), total: rows.length ? Number(rows[0].total) : 0, limit, offset };
  }

  /** The box's text as filters; a place name becomes the codes of the desa and kecamatan of the caller's areas it names. */
  private async search(q: string | undefined, agencies: string[]): Promise<CaseSearch | undefined> {
    const parsed = parseCaseQuery(q);
    if (!parsed) return undefined;
    if ('nik' in parsed) return { nik: parsed.nik };
    const places = (await this.areas.ready()).findByName(parsed.text, agencies.map(areaOf));
    return { like: parsed.like, ticketLike: parsed.ticketLike, villages: places.villages, districts: places.districts };
  }
}
