import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { DataSource } from 'typeorm';
import { Rpc, type Actor } from '#contracts';
import { agencyCovers } from '#domain';
import { Application, ApplicationHistory } from '../application.entity.js';
import { IntakeError, IntakeErrorCode } from '../intake.error.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** `GET /api/v1/applications/{id}`: the application, its status and its history, for its agency's staff. */
@Controller()
export class GetApplicationMessageController {
  constructor(private readonly ds: DataSource) {}

  @MessagePattern(Rpc.intake.getApplication)
  async get(@Payload() body: { actor: Actor; id: string }) {
    if (!UUID.test(body.id)) throw new IntakeError(IntakeErrorCode.ApplicationNotFound, `No application ${body.id}`);
    const app = await this.ds.getRepository(Application).findOneBy({ id: body.id });
    // another agency's application is "not found": its existence is not disclosed
    if (!app || !agencyCovers(body.actor.agencyCode, app.agencyCode)) {
      throw new IntakeError(IntakeErrorCode.ApplicationNotFound, `No application ${body.id}`);
    }
    const history = await this.ds.getRepository(ApplicationHistory).find({ where: { applicationId: app.id }, order: { id: 'ASC' } });
    return {
      applicationId: app.id,
      ticketNumber: app.ticketNumber,
      agencyCode: app.agencyCode,
      serviceCode: app.serviceCode,
      channel: app.channel,
      source: app.source,
      status: app.status,
      applicant: app.applicant,
      beneficiary: app.beneficiary,
      targetGroup: app.targetGroup,
      documents: app.documents,
      missingRequirements: app.missingRequirements,
      dueAt: app.dueAt?.toISOString() ?? null,
      createdAt: app.createdAt.toISOString(),
      updatedAt: app.updatedAt.toISOString(),
      history: history.map((h) => ({ from: h.fromStatus, to: h.toStatus, reason: h.reason, actor: h.actor, at: h.at.toISOString() })),
    };
  }
}
