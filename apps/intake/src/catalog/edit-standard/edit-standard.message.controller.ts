import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { Rpc, type Actor, type StandardView } from '#contracts';
import { findAgency } from '#domain';
import { requireCanChange, requireRole } from '#platform';
import { IntakeError, IntakeErrorCode } from '../../applications/intake.error.js';
import { CatalogService, toStandardView, validateStandard } from '../catalog.service.js';

type Body = Record<string, unknown> & { changeNote?: string; active?: boolean; agencyCode?: string };

/**
 * Splits the request into the standard and what accompanies it (agency, note, active). The view's
 * `benefitAmount` is derived from `benefit` (a standard read and sent back keeps its amount): it is
 * dropped, never read — the amount is set through `benefit`.
 */
function definitionOf(body: Body): unknown {
  const { changeNote: _n, active: _a, agencyCode: _g, benefitAmount: _b, ...definition } = body;
  return definition;
}

/**
 * `POST /api/v1/services` and `PUT /api/v1/services/{agencyCode}/{code}`: an admin of the
 * agency (its own: a province's admin does not edit its regencies' catalog) adds a standard (version 1) or edits one (the next version; applications already
 * filed keep theirs). No deploy: the standard is data. Each version records who and why.
 */
@Controller()
export class EditStandardMessageController {
  constructor(private readonly catalog: CatalogService) {}

  @MessagePattern(Rpc.intake.createStandard)
  async create(@Payload() payload: { actor: Actor; body: Body }): Promise<StandardView> {
    const { actor, body } = payload;
    requireRole(actor, 'ADMIN');
    const agencyCode = String(body.agencyCode ?? '');
    if (!findAgency(agencyCode))
      throw new IntakeError(IntakeErrorCode.InvalidStandard, `No agency ${agencyCode}`, [
        { path: 'agencyCode', message: `agencyCode ${agencyCode} is not an agency of this installation` },
      ]);
    requireCanChange(actor, agencyCode, 'its catalog');
    const v = await validateStandard(definitionOf(body));
    if (!v.ok) throw new IntakeError(IntakeErrorCode.InvalidStandard, 'The standard has invalid fields', v.errors);
    return toStandardView(await this.catalog.create(agencyCode, v.value, actor.username, body.changeNote ?? null));
  }

  @MessagePattern(Rpc.intake.updateStandard)
  async update(@Payload() payload: { actor: Actor; agencyCode: string; code: string; body: Body }): Promise<StandardView> {
    const { actor, agencyCode, code, body } = payload;
    requireRole(actor, 'ADMIN');
    requireCanChange(actor, agencyCode, 'its catalog');
    const definition = { code, ...(definitionOf(body) as object) } as Record<string, unknown>;
    if (definition.code !== code) {
      throw new IntakeError(IntakeErrorCode.InvalidStandard, 'The code of a standard cannot change', [
        { path: 'code', message: `code must be ${code}, as in the path` },
      ]);
    }
    const v = await validateStandard(definition);
    if (!v.ok) throw new IntakeError(IntakeErrorCode.InvalidStandard, 'The standard has invalid fields', v.errors);
    return toStandardView(
      await this.catalog.update(agencyCode, code, v.value, body.active ?? true, actor.username, body.changeNote ?? null),
    );
  }
}
