import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { Rpc, type Actor, type StandardVersionView, type StandardView } from '#contracts';
import { covers } from '#domain';
import { requireCovers, requireRole } from '#platform';
import { IntakeError, IntakeErrorCode } from '../../applications/intake.error.js';
import { CatalogService, toStandardView } from '../catalog.service.js';

/** `GET /api/v1/services…`: the catalog, public; closed standards and the version history for admins. */
@Controller()
export class ListStandardsMessageController {
  constructor(private readonly catalog: CatalogService) {}

  @MessagePattern(Rpc.intake.listStandards)
  async list(
    @Payload() body: { actor: Actor | null; agencyCode?: string; code?: string; includeInactive?: boolean },
  ): Promise<{ items: StandardView[] }> {
    const admin = !!body.actor?.roles.includes('ADMIN');
    const records = await this.catalog.list({
      agencyCode: body.agencyCode,
      code: body.code,
      includeInactive: admin && !!body.includeInactive,
    });
    // closed standards only for the admins of agencies that cover them
    const visible = records.filter((r) => r.active || (admin && covers(body.actor!, r.agencyCode)));
    return { items: visible.map(toStandardView) };
  }

  @MessagePattern(Rpc.intake.getStandard)
  async get(@Payload() body: { actor: Actor | null; agencyCode: string; code: string; version?: number }): Promise<StandardView> {
    const r = body.version
      ? await this.catalog.version(body.agencyCode, body.code, body.version)
      : await this.catalog.current(body.agencyCode, body.code);
    if (!r)
      throw new IntakeError(
        IntakeErrorCode.StandardNotFound,
        `Agency ${body.agencyCode} has no standard ${body.code}${body.version ? ` version ${body.version}` : ''}`,
      );
    return toStandardView(r);
  }

  @MessagePattern(Rpc.intake.listStandardVersions)
  async versions(@Payload() body: { actor: Actor; agencyCode: string; code: string }): Promise<{ items: StandardVersionView[] }> {
    requireRole(body.actor, 'ADMIN');
    requireCovers(body.actor, body.agencyCode);
    const items = await this.catalog.history(body.agencyCode, body.code);
    if (!items.length) throw new IntakeError(IntakeErrorCode.StandardNotFound, `Agency ${body.agencyCode} has no standard ${body.code}`);
    return { items };
  }
}
