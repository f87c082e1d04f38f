import { Controller, Get, Header, Param, Post, Req, StreamableFile } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiBody,
  ApiConsumes,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiPayloadTooLargeResponse,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import type { IncomingMessage } from 'node:http';
import { Readable } from 'node:stream';
import { Rpc, type Actor, type VisitAttachmentView } from '#contracts';
import { ServiceClient } from '#messaging';
import { DomainError } from '#platform';
import { AuditService } from '../../audit/audit.service.js';
import { ClientIp, CurrentActor } from '../../common/auth/actor.decorator.js';
import { Roles } from '../../common/auth/roles.decorator.js';
import { uuidParam } from '../../common/http/uuid-param.pipe.js';
import { VisitAttachmentStore } from './visit-attachment-store.service.js';

type Grant = { taskId: string; agencyCode: string; ticketNumber: string | null };

/** RFC 6266: a file name any browser reads, UTF-8 included. */
function disposition(name: string): string {
  const ascii = name.replace(/[^\x20-\x7e]|["\\]/g, '_');
  return `inline; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

/**
 * A field visit's photos and documents (issue 11): taken with the phone's camera or picked from
 * its files, streamed into the Object Store bucket `sigap_visit_attachments`, referenced by the
 * visit, opened from the case page. Only the officer assigned to the task, or the head or admin
 * of its agency, adds one; staff who read the case open one. Both are in the audit trail.
 */
@ApiTags('verification')
@ApiBearerAuth()
@Controller('verification/tasks/:taskId/attachments')
export class VisitAttachmentsController {
  constructor(
    private readonly store: VisitAttachmentStore,
    private readonly services: ServiceClient,
    private readonly audit: AuditService,
  ) {}

  @Post()
  @Roles('VERIFIER', 'HEAD', 'ADMIN')
  @ApiOperation({
    summary: 'Add a photo or document to a field task (multipart, part `file`: image/jpeg, image/png or application/pdf)',
    description:
      'Authorized before a byte is stored: the verifier the task is assigned to, or the HEAD or ADMIN of its agency, on an open task ' +
      '(403 VERIFICATION_TASK_NOT_ASSIGNED_TO_YOU, 409 VERIFICATION_TASK_NOT_OPEN). The file is streamed into the Object Store; one over ' +
      'SIGAP_VISIT_ATTACHMENT_MAX_BYTES (default 10 MB) is a 413 VISIT_ATTACHMENT_TOO_LARGE, one whose declared type or first bytes are not ' +
      'JPEG, PNG or PDF a 400 VISIT_ATTACHMENT_TYPE_NOT_ALLOWED; neither leaves anything stored. The answer’s `ref` goes into the visit’s ' +
      '`attachments` (POST …/visits).',
  })
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: { type: 'object', required: ['file'], properties: { file: { type: 'string', format: 'binary' } } } })
  @ApiCreatedResponse({
    description: 'VisitAttachmentView: { attachmentId, ref, taskId, name, contentType, size, uploadedBy, uploadedAt }',
  })
  @ApiBadRequestResponse({ description: 'not multipart, no part `file`, or a type other than JPEG, PNG, PDF' })
  @ApiPayloadTooLargeResponse({ description: 'the file is over the limit, or the bucket is full; nothing was stored' })
  async add(
    @CurrentActor() actor: Actor,
    @Param('taskId', uuidParam('taskId')) taskId: string,
    @Req() req: IncomingMessage,
    @ClientIp() ip: string,
  ): Promise<VisitAttachmentView> {
    // who may add a file, asked before the body is read
    await this.services.call<Grant>(Rpc.verification.authorizeAttachment, { actor, taskId });
    const stored = await this.store.receive(req, taskId);
    let kept: VisitAttachmentView & Grant;
    try {
      kept = await this.services.call<VisitAttachmentView & Grant>(Rpc.verification.addAttachment, { actor, taskId, ...stored });
    } catch (e) {
      await this.store.discard(stored.objectName);
      throw e;
    }
    await this.audit.record({
      actor,
      action: 'FIELD_ATTACHMENT_ADDED',
      targetType: 'FIELD_TASK',
      targetId: taskId,
      targetLabel: kept.ticketNumber,
      agencyCode: kept.agencyCode,
      ip,
      after: { attachmentId: kept.attachmentId, name: kept.name, contentType: kept.contentType, size: kept.size },
    });
    const { agencyCode: _a, ticketNumber: _t, ...view } = kept;
    return view;
  }

  @Get(':attachmentId')
  @Roles('VERIFIER', 'HEAD', 'ADMIN')
  // personal data: not kept by a shared cache; served as the type verified at upload, never sniffed
  @Header('Cache-Control', 'private, no-store')
  @Header('X-Content-Type-Options', 'nosniff')
  @ApiOperation({
    summary: 'Open a photo or document of a field task (staff who read its case); the bytes, with their type',
  })
  @ApiProduces('image/jpeg', 'image/png', 'application/pdf')
  @ApiOkResponse({ description: 'the file, `Content-Disposition: inline` with its name' })
  async open(
    @CurrentActor() actor: Actor,
    @Param('taskId', uuidParam('taskId')) taskId: string,
    @Param('attachmentId', uuidParam('attachmentId')) attachmentId: string,
    @ClientIp() ip: string,
  ): Promise<StreamableFile> {
    const a = await this.services.call<VisitAttachmentView & Grant & { objectName: string }>(Rpc.verification.getAttachment, {
      actor,
      taskId,
      attachmentId,
    });
    const data = await this.store.open(a.objectName);
    if (!data)
      throw new DomainError('NOT_FOUND', 'VERIFICATION_ATTACHMENT_NOT_FOUND', `The stored file of attachment ${attachmentId} is gone`);
    await this.audit.record({
      actor,
      action: 'FIELD_ATTACHMENT_OPENED',
      targetType: 'FIELD_TASK',
      targetId: taskId,
      targetLabel: a.ticketNumber,
      agencyCode: a.agencyCode,
      ip,
      after: { attachmentId, name: a.name },
    });
    return new StreamableFile(Readable.fromWeb(data as never), {
      type: a.contentType,
      length: a.size,
      disposition: disposition(a.name),
    });
  }
}
