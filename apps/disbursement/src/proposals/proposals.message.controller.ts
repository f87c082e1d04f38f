import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { DataSource } from 'typeorm';
import {
  CreateProposalRequest,
  PROPOSAL_STATUSES,
  ReturnProposalRequest,
  Rpc,
  type Actor,
  type PoolItemView,
  type ProposalView,
} from '#contracts';
import { visibleAgencies } from '#domain';
import { DomainError, requireCovers } from '#platform';
import { uuidOf, validBody } from '../common/validate.js';
import { PoolRepository, toPoolItemView } from '../pool/pool.repository.js';
import { ProposalRepository, toProposalView } from './proposal.repository.js';
import { ProposalsService } from './proposals.service.js';

export function paging(q: { limit?: number; offset?: number }): { limit: number; offset: number } {
  const limit = q.limit ?? 50;
  const offset = q.offset ?? 0;
  if (!Number.isInteger(limit) || limit < 1 || limit > 500)
    throw DomainError.validation([{ path: 'limit', message: 'limit must be from 1 to 500' }]);
  if (!Number.isInteger(offset) || offset < 0) throw DomainError.validation([{ path: 'offset', message: 'offset must be 0 or more' }]);
  return { limit, offset };
}

function scope(actor: Actor, agencyCode?: string): string[] {
  if (!agencyCode) return visibleAgencies(actor);
  requireCovers(actor, agencyCode);
  return [agencyCode];
}

/** The pool of verified applications and the proposals made of them. */
@Controller()
export class ProposalsMessageController {
  constructor(
    private readonly ds: DataSource,
    private readonly service: ProposalsService,
    private readonly proposals: ProposalRepository,
    private readonly pool: PoolRepository,
  ) {}

  @MessagePattern(Rpc.disbursement.listPool)
  async listPool(
    @Payload() b: { actor: Actor; agencyCode?: string; serviceCode?: string; status?: string; limit?: number; offset?: number },
  ): Promise<{ items: PoolItemView[]; total: number }> {
    if (b.status && !['ELIGIBLE', 'PROPOSED', 'DECREED'].includes(b.status))
      throw DomainError.validation([{ path: 'status', message: 'status must be one of ELIGIBLE, PROPOSED, DECREED' }]);
    const { rows, total } = await this.pool.list(this.ds.manager, scope(b.actor, b.agencyCode), {
      serviceCode: b.serviceCode,
      status: b.status,
      ...paging(b),
    });
    return { items: rows.map(toPoolItemView), total };
  }

  @MessagePattern(Rpc.disbursement.listProposals)
  async list(
    @Payload() b: { actor: Actor; agencyCode?: string; status?: string; limit?: number; offset?: number },
  ): Promise<{ items: ProposalView[]; total: number }> {
    if (b.status && !(PROPOSAL_STATUSES as readonly string[]).includes(b.status)) {
      throw DomainError.validation([{ path: 'status', message: `status must be one of ${PROPOSAL_STATUSES.join(', ')}` }]);
    }
    const { rows, total } = await this.proposals.list(this.ds.manager, scope(b.actor, b.agencyCode), { status: b.status, ...paging(b) });
    return { items: rows.map(toProposalView), total };
  }

  @MessagePattern(Rpc.disbursement.getProposal)
  get(@Payload() b: { actor: Actor; id: string }): Promise<ProposalView> {
    return this.service.view(b.actor, uuidOf(b.id, 'id'));
  }

  @MessagePattern(Rpc.disbursement.createProposal)
  async create(@Payload() b: { actor: Actor; proposal: unknown }): Promise<ProposalView> {
    return this.service.create(b.actor, await validBody(CreateProposalRequest, b.proposal));
  }

  @MessagePattern(Rpc.disbursement.submitProposal)
  submit(@Payload() b: { actor: Actor; id: string }): Promise<ProposalView> {
    return this.service.submit(b.actor, uuidOf(b.id, 'id'));
  }

  @MessagePattern(Rpc.disbursement.approveProposal)
  approve(@Payload() b: { actor: Actor; id: string }): Promise<ProposalView> {
    return this.service.approve(b.actor, uuidOf(b.id, 'id'));
  }

  @MessagePattern(Rpc.disbursement.returnProposal)
  async return(@Payload() b: { actor: Actor; id: string; body: unknown }): Promise<ProposalView> {
    const r = await validBody(ReturnProposalRequest, b.body);
    return this.service.return(b.actor, uuidOf(b.id, 'id'), r.reason);
  }
}
