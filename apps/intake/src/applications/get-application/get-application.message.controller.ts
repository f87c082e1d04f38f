import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { Rpc, type Actor, type ApplicationDossier, type ApplicationList, type ApplicationView, type PublicStatusView } from '#contracts';
import { ApplicationQueries, type ListQuery } from './application.queries.js';

/**
 * `GET /api/v1/applications/{id}` (its agency's staff), `GET /api/v1/applications` (the
 * queue) and `GET /api/v1/public/status/{ticketNumber}` (anyone, no personal data).
 */
@Controller()
export class GetApplicationMessageController {
  constructor(private readonly queries: ApplicationQueries) {}

  @MessagePattern(Rpc.intake.getApplication)
  get(@Payload() body: { actor: Actor; id: string }): Promise<ApplicationView> {
    return this.queries.view(body.actor, String(body.id ?? ''));
  }

  @MessagePattern(Rpc.intake.applicationDossiers)
  dossiers(@Payload() body: { applicationIds: string[] }): Promise<ApplicationDossier[]> {
    return this.queries.dossiers(Array.isArray(body.applicationIds) ? body.applicationIds.map(String) : []);
  }

  @MessagePattern(Rpc.intake.listApplications)
  list(@Payload() body: { actor: Actor; query: ListQuery }): Promise<ApplicationList> {
    return this.queries.list(body.actor, body.query ?? {});
  }

  @MessagePattern(Rpc.intake.publicStatus)
  publicStatus(@Payload() body: { ticketNumber: string }): Promise<PublicStatusView> {
    return this.queries.publicStatus(String(body.ticketNumber ?? ''));
  }
}
