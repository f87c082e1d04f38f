import { Controller, HttpCode, Post, Query, Req } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBearerAuth,
  ApiBody,
  ApiConsumes,
  ApiOperation,
  ApiPayloadTooLargeResponse,
  ApiQuery,
  ApiTags,
} from '@nestjs/swagger';
import type { IncomingMessage } from 'node:http';
import { Rpc, type Actor } from '#contracts';
import { findAgency } from '#domain';
import { DomainError, requireCanChange } from '#platform';
import { CurrentActor } from '../../common/auth/actor.decorator.js';
import { Roles } from '../../common/auth/roles.decorator.js';
import { ServiceClient } from '#messaging';
import { RegistryUploadService } from './registry-upload.service.js';

const AGENCY = /^\d{2}(\.\d{2})?$/;

@ApiTags('registry')
@ApiBearerAuth()
@Controller('registry/imports')
export class UploadRegistryController {
  constructor(
    private readonly uploads: RegistryUploadService,
    private readonly services: ServiceClient,
  ) {}

  /** 400/403 unless `actor` may upload a registry file for `agencyCode`: checked before a byte of the file is stored. */
  private authorize(actor: Actor, agencyCode: string): void {
    if (!AGENCY.test(agencyCode))
      throw DomainError.validation([{ path: 'agencyCode', message: 'agencyCode must be an agency code like 33.04' }]);
    const agency = findAgency(agencyCode);
    if (!agency || agency.code.includes('.BKS'))
      throw DomainError.validation([
        { path: 'agencyCode', message: `agencyCode ${agencyCode} is not an agency of this installation that keeps a registry` },
      ]);
    requireCanChange(actor, agency.code, 'its registry');
  }

  @Post()
  @HttpCode(202)
  // the role comes from the token and is checked before the body is read
  @Roles('VERIFIER', 'ADMIN')
  @ApiOperation({
    summary:
      'Upload a registry export (DTSEN, dahulu DTKS) as CSV or .xlsx: streamed, checked, imported as a new snapshot in the background',
    description:
      'The upload is authorized before a byte of the file is stored: the role from the token, the agency from `?agencyCode=` or from the form field `agencyCode`, ' +
      "which must then come before the part `file` (400 naming agencyCode otherwise). A file over the installation's upload limit (SIGAP_REGISTRY_UPLOAD_MAX_BYTES, default 2 GiB), " +
      'or one the uploads bucket has no room for now, is a 413 (code REGISTRY_UPLOAD_TOO_LARGE or REGISTRY_UPLOADS_FULL) and leaves nothing stored.',
  })
  @ApiConsumes('multipart/form-data')
  @ApiQuery({ name: 'agencyCode', required: false, description: 'the agency the file is for, instead of the form field (e.g. 33.04)' })
  @ApiBody({
    schema: {
      type: 'object',
      required: ['file'],
      properties: {
        agencyCode: { type: 'string', example: '33.04', description: 'before file (or ?agencyCode=)' },
        file: { type: 'string', format: 'binary' },
      },
    },
  })
  @ApiAcceptedResponse({ description: '{ importId, status: "QUEUED" }; a file missing a required column is a 400 naming it' })
  @ApiPayloadTooLargeResponse({
    description: 'the file is over the upload limit, or the uploads bucket has no room for it now; nothing was stored',
  })
  async handle(
    @CurrentActor() actor: Actor,
    @Req() req: IncomingMessage,
    @Query('agencyCode') agencyCode?: string,
  ): Promise<{ importId: string; status: string }> {
    const named = agencyCode?.trim() || undefined;
    if (named) this.authorize(actor, named);
    const up = await this.uploads.receive(req, { agencyCode: named, authorize: (code) => this.authorize(actor, code) });
    try {
      // verification reads the header before answering: a long first chunk of an .xlsx may take a while
      return await this.services.call<{ importId: string; status: string }>(
        Rpc.verification.createImport,
        { actor, agencyCode: up.agencyCode, objectName: up.objectName, fileName: up.fileName, format: up.format },
        { timeoutMs: 30_000 },
      );
    } catch (e) {
      await this.uploads.discard(up.objectName);
      throw e;
    }
  }
}
