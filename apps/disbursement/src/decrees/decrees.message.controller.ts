import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { DataSource } from 'typeorm';
import {
  CorrectRecipientRequest,
  GiveUpRecipientRequest,
  IssueDecreeRequest,
  RecordDecreeScanRequest,
  Rpc,
  type Actor,
  type DecreeView,
} from '#contracts';
import { visibleAgencies } from '#domain';
import { requireCovers } from '#platform';
import { uuidOf, validBody } from '../common/validate.js';
import { paging } from '../proposals/proposals.message.controller.js';
import { RequestsService } from '../requests/requests.service.js';
import { DecreeRepository } from './decree.repository.js';
import { DecreesService } from './decrees.service.js';

/** Decrees, their scans, and the requests to the finance office for their recipients. */
@Controller()
export class DecreesMessageController {
  constructor(
    private readonly ds: DataSource,
    private readonly decrees: DecreesService,
    private readonly repo: DecreeRepository,
    private readonly requests: RequestsService,
  ) {}

  @MessagePattern(Rpc.disbursement.listDecrees)
  async list(
    @Payload() b: { actor: Actor; agencyCode?: string; limit?: number; offset?: number },
  ): Promise<{ items: DecreeView[]; total: number }> {
    let agencies = visibleAgencies(b.actor);
    if (b.agencyCode) {
      requireCovers(b.actor, b.agencyCode);
      agencies = [b.agencyCode];
    }
    const { rows, total } = await this.repo.list(this.ds.manager, agencies, paging(b));
    return { items: await Promise.all(rows.map((r) => this.decrees.toView(r, false))), total };
  }

  @MessagePattern(Rpc.disbursement.getDecree)
  get(@Payload() b: { actor: Actor; id: string }): Promise<DecreeView> {
    return this.decrees.view(b.actor, uuidOf(b.id, 'id'));
  }

  @MessagePattern(Rpc.disbursement.issueDecree)
  async issue(@Payload() b: { actor: Actor; proposalId: string; decree: unknown }): Promise<DecreeView> {
    return this.decrees.issue(b.actor, uuidOf(b.proposalId, 'proposalId'), await validBody(IssueDecreeRequest, b.decree));
  }

  @MessagePattern(Rpc.disbursement.recordDecreeScan)
  async scan(@Payload() b: { actor: Actor; id: string; body: unknown }) {
    const r = await validBody(RecordDecreeScanRequest, b.body);
    return this.decrees.recordScan(b.actor, uuidOf(b.id, 'id'), r.scanRef);
  }

  @MessagePattern(Rpc.disbursement.requestDisbursement)
  request(@Payload() b: { actor: Actor; id: string }) {
    return this.requests.request(b.actor, uuidOf(b.id, 'id'));
  }

  @MessagePattern(Rpc.disbursement.correctRecipient)
  async correct(@Payload() b: { actor: Actor; id: string; applicationId: string; body: unknown }) {
    return this.requests.correct(
      b.actor,
      uuidOf(b.id, 'id'),
      uuidOf(b.applicationId, 'applicationId'),
      await validBody(CorrectRecipientRequest, b.body),
    );
  }

  @MessagePattern(Rpc.disbursement.giveUpRecipient)
  async giveUp(@Payload() b: { actor: Actor; id: string; applicationId: string; body: unknown }) {
    return this.requests.giveUp(
      b.actor,
      uuidOf(b.id, 'id'),
      uuidOf(b.applicationId, 'applicationId'),
      await validBody(GiveUpRecipientRequest, b.body),
    );
  }

  @MessagePattern(Rpc.disbursement.getRequest)
  getRequest(@Payload() b: { actor: Actor; id: string }) {
    return this.requests.view(b.actor, uuidOf(b.id, 'id'));
  }
}
