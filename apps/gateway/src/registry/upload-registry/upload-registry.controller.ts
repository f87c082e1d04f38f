import { Controller, HttpCode, Post, Req } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBearerAuth, ApiBody, ApiConsumes, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { IncomingMessage } from 'node:http';
import { VerificationRpc, type Actor } from '#contracts';
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

  @Post()
  @HttpCode(202)
  @Roles('VERIFIER', 'ADMIN')
  @ApiOperation({ summary: 'Upload a registry export (DTSEN, dahulu DTKS) as CSV or .xlsx: streamed, checked, imported as a new snapshot in the background' })
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: { type: 'object', required: ['file', 'agencyCode'], properties: { file: { type: 'string', format: 'binary' }, agencyCode: { type: 'string', example: '33.04' } } } })
  @ApiAcceptedResponse({ description: '{ importId, status: "QUEUED" }; a file missing a required column is a 400 naming it' })
  async handle(@CurrentActor() actor: Actor, @Req() req: IncomingMessage): Promise<{ importId: string; status: string }> {
    const up = await this.uploads.receive(req);
    try {
      const agencyCode = up.fields.agencyCode?.trim();
      if (!agencyCode || !AGENCY.test(agencyCode)) throw DomainError.validation([{ path: 'agencyCode', message: 'agencyCode must be an agency code like 33.04' }]);
      requireCanChange(actor, agencyCode);
      // verification reads the header before answering: a long first chunk of an .xlsx may take a while
      return await this.services.call<{ importId: string; status: string }>(
        VerificationRpc.createImport,
        { actor, agencyCode, objectName: up.objectName, fileName: up.fileName, format: up.format },
        { timeoutMs: 30_000 },
      );
    } catch (e) {
      await this.uploads.discard(up.objectName);
      throw e;
    }
  }
}
