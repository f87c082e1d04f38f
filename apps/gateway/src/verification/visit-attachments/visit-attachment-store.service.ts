import { Injectable, Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { ObjectStore } from '@nats-io/obj';
import { VISIT_ATTACHMENT_BUCKET, type AttachmentContentType } from '#contracts';
import { NatsService } from '#messaging';
import { GatewayError, GatewayErrorCode } from '../../common/errors/gateway-error.js';
import { GatewayConfig } from '../../config/gateway.config.js';
import { bucketOf, mb, putLimited, readFilePart, requireMultipart } from '../../common/uploads/file-upload.js';
import { allowedType, matchesSignature, SIGNATURE_BYTES } from './content-type.js';

/** A visit's file, stored. */
export interface StoredAttachment {
  attachmentId: string;
  objectName: string;
  fileName: string;
  contentType: AttachmentContentType;
  size: number;
}

/** What a multipart body may carry besides the file (its boundaries and headers). */
const FORM_OVERHEAD_BYTES = 16 * 1024;

/**
 * A field visit's photos and documents in the NATS Object Store bucket `sigap_visit_attachments`
 * (issue 11), as the registry's uploads are: the multipart part `file` is streamed in as it
 * arrives, never held whole, and only once the caller was authorized for the task (the controller
 * asks verification first). A file over the limit, of another type than JPEG, PNG or PDF (declared
 * or by its first bytes), leaves nothing stored.
 */
@Injectable()
export class VisitAttachmentStore {
  private readonly log = new Logger('visit-attachments');
  private readonly store: () => Promise<ObjectStore>;

  constructor(
    nats: NatsService,
    private readonly config: GatewayConfig,
  ) {
    this.store = bucketOf(() => nats.nc, VISIT_ATTACHMENT_BUCKET);
  }

  private tooLarge(): GatewayError {
    const max = this.config.SIGAP_VISIT_ATTACHMENT_MAX_BYTES;
    return new GatewayError(
      'TOO_LARGE',
      GatewayErrorCode.VISIT_ATTACHMENT_TOO_LARGE,
      `The file is larger than ${mb(max)}, the most a visit's photo or document may be: nothing was stored`,
      [{ path: 'file', message: `file must be at most ${max} bytes (SIGAP_VISIT_ATTACHMENT_MAX_BYTES)` }],
    );
  }

  private wrongType(what: string): GatewayError {
    return new GatewayError(
      'VALIDATION',
      GatewayErrorCode.VISIT_ATTACHMENT_TYPE_NOT_ALLOWED,
      `A visit takes photos (JPEG, PNG) and PDF documents: ${what}; nothing was stored`,
      [{ path: 'file', message: 'file must be image/jpeg, image/png or application/pdf' }],
    );
  }

  /** Streams the request's part `file` into the bucket; the caller is already authorized for `taskId`. */
  async receive(req: IncomingMessage, taskId: string): Promise<StoredAttachment> {
    requireMultipart(req);
    const max = this.config.SIGAP_VISIT_ATTACHMENT_MAX_BYTES;
    const declared = Number(req.headers['content-length']);
    if (Number.isFinite(declared) && declared > max + FORM_OVERHEAD_BYTES) throw this.tooLarge();
    const os = await this.store();
    const stored = await readFilePart(
      req,
      { required: 'file is required (a photo or a PDF document)' },
      async ({ stream, fileName: name, mimeType }) => {
        const contentType = allowedType(mimeType);
        if (!contentType) throw this.wrongType(`${mimeType || 'no type'} is not one of them`);
        const attachmentId = randomUUID();
        const objectName = `tasks/${taskId}/${attachmentId}`;
        const fileName = (name || 'lampiran').slice(0, 200);
        const size = await putLimited(os, stream, {
          objectName,
          description: fileName,
          maxBytes: max,
          tooLarge: () => this.tooLarge(),
          full: () =>
            new GatewayError(
              'TOO_LARGE',
              GatewayErrorCode.VISIT_ATTACHMENTS_FULL,
              'The visit attachments bucket is full: nothing was stored',
              [{ path: 'file', message: `file does not fit in the bucket ${VISIT_ATTACHMENT_BUCKET} now` }],
            ),
          head: {
            bytes: SIGNATURE_BYTES,
            check: (head) => (matchesSignature(contentType, head) ? null : this.wrongType(`its content is not ${contentType}`)),
          },
        });
        return { attachmentId, objectName, fileName, contentType, size };
      },
    );
    this.log.log(`visit file of ${stored.size} bytes stored as ${stored.objectName}`);
    return stored;
  }

  /** The stored bytes, streamed; null when the object is gone. */
  async open(objectName: string): Promise<ReadableStream<Uint8Array> | null> {
    const r = await (await this.store()).get(objectName);
    return r ? r.data : null;
  }

  /** Removes a file whose reference was not kept. */
  async discard(objectName: string): Promise<void> {
    await (await this.store()).delete(objectName).catch(() => undefined);
  }
}
