import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { DataSource } from 'typeorm';
import { Rpc, type Actor } from '#contracts';
import { covers } from '#domain';
import { DomainError, isUuid } from '#platform';
import { VerificationCase } from '../case.entity.js';

/** The verification case of an application, for its agency's staff. */
@Controller()
export class GetCaseMessageController {
  constructor(private readonly ds: DataSource) {}

  @MessagePattern(Rpc.verification.getCaseByApplication)
  async get(@Payload() body: { actor: Actor; applicationId: string }) {
    const c = isUuid(body.applicationId)
      ? await this.ds.getRepository(VerificationCase).findOneBy({ applicationId: body.applicationId })
      : null;
    if (!c || !covers(body.actor, c.agencyCode)) {
      throw new DomainError('NOT_FOUND', 'VERIFICATION_CASE_NOT_FOUND', `No verification case for application ${body.applicationId}`);
    }
    return { caseId: c.id, applicationId: c.applicationId, status: c.status, agencyCode: c.agencyCode, serviceCode: c.serviceCode, openedAt: c.openedAt.toISOString() };
  }
}
