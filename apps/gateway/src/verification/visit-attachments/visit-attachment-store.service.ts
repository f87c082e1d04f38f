import { Injectable, Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { Readable, Transform } from 'node:stream';
import busboy from 'busboy';
import { Objm, type ObjectStore } from '@nats-io/obj';
import { VISIT_ATTACHMENT_BUCKET, type AttachmentContentType } from '#contracts';
import { NatsService } from '#messaging';
import { DomainError } from '#platform';
import { GatewayError, GatewayErrorCode } from '../../common/errors/gateway-error.js';
import { GatewayConfig } from '../../config/gateway.config.js';
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

const mb = (bytes: number) => `${(bytes / 1024 ** 2).toLocaleString('en-US', { maximumFractionDigits: 1 })} MB`;

function isBucketFull(e: unknown): boolean {
  const m = e instanceof Error ? e.message : String(e);
  return /maximum bytes|insufficient.*(storage|resources)|store.*full/i.test(m);
}

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
  private bucket?: Promise<ObjectStore>;

  constructor(
    private readonly nats: NatsService,
    private readonly config: GatewayConfig,
  ) {}

  private store(): Promise<ObjectStore> {
    this.bucket ??= new Objm(this.nats.nc).open(VISIT_ATTACHMENT_BUCKET).catch((e: unknown) => {
      this.bucket = undefined;
      throw e;
    });
    return this.bucket;
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
    if (!/^multipart\/form-data/i.test(req.headers['content-type'] ?? '')) {
      throw DomainError.validation(
        [{ path: 'file', message: 'send the file as multipart/form-data with a part named file' }],
        'The request must be multipart/form-data',
      );
    }
    const max = this.config.SIGAP_VISIT_ATTACHMENT_MAX_BYTES;
    const declared = Number(req.headers['content-length']);
    if (Number.isFinite(declared) && declared > max + FORM_OVERHEAD_BYTES) throw this.tooLarge();
    const os = await this.store();
    let upload: Promise<StoredAttachment> | undefined;
    return new Promise<StoredAttachment>((resolve, reject) => {
      let settled = false;
      const refuse = (e: unknown) => {
        if (settled) return;
        settled = true;
        reject(e);
      };
      let bb: busboy.Busboy;
      try {
        bb = busboy({ headers: req.headers, limits: { files: 1, fields: 10, fieldSize: 1000 } });
      } catch (e) {
        refuse(DomainError.validation([{ path: 'file', message: (e as Error).message }], 'The multipart body cannot be read'));
        return;
      }
      bb.on('file', (name, stream, info) => {
        if (name !== 'file' || upload || settled) {
          stream.resume();
          return;
        }
        const contentType = allowedType(info.mimeType);
        if (!contentType) {
          stream.resume();
          refuse(this.wrongType(`${info.mimeType || 'no type'} is not one of them`));
          return;
        }
        const attachmentId = randomUUID();
        const objectName = `tasks/${taskId}/${attachmentId}`;
        let size = 0;
        let head: Buffer | null = Buffer.alloc(0);
        const checked = new Transform({
          transform: (chunk: Buffer, _enc, done) => {
            size += chunk.length;
            if (size > max) return done(this.tooLarge());
            if (head === null) return done(null, chunk);
            // the signature is read from the first bytes, however the chunks fall
            head = Buffer.concat([head, chunk]);
            if (head.length < SIGNATURE_BYTES) return done();
            const ok = matchesSignature(contentType, head);
            const out = head;
            head = null;
            return ok ? done(null, out) : done(this.wrongType(`its content is not ${contentType}`));
          },
          flush: (done) => {
            if (head === null) return done();
            if (!matchesSignature(contentType, head)) return done(this.wrongType(`its content is not ${contentType}`));
            done(null, head);
          },
        });
        stream.on('error', (e) => checked.destroy(e));
        stream.pipe(checked);
        const drop = () => {
          stream.unpipe(checked);
          stream.resume();
        };
        checked.on('error', drop);
        const fileName = (info.filename || 'lampiran').slice(0, 200);
        upload = os.put({ name: objectName, description: fileName }, Readable.toWeb(checked) as ReadableStream<Uint8Array>).then(
          (meta) => ({ attachmentId, objectName, fileName, contentType, size: meta.size }),
          async (e: unknown) => {
            drop();
            checked.destroy();
            await os.delete(objectName).catch(() => undefined);
            if (e instanceof GatewayError) throw e;
            if (isBucketFull(e))
              throw new GatewayError(
                'TOO_LARGE',
                GatewayErrorCode.VISIT_ATTACHMENTS_FULL,
                'The visit attachments bucket is full: nothing was stored',
                [{ path: 'file', message: `file does not fit in the bucket ${VISIT_ATTACHMENT_BUCKET} now` }],
              );
            throw e;
          },
        );
        upload.then(resolve, refuse);
      });
      bb.on('close', () => {
        if (!upload) refuse(DomainError.validation([{ path: 'file', message: 'file is required (a photo or a PDF document)' }]));
      });
      bb.on('error', (e) =>
        refuse(DomainError.validation([{ path: 'file', message: (e as Error).message }], 'The multipart body cannot be read')),
      );
      req.pipe(bb);
    }).then((stored) => {
      this.log.log(`visit file of ${stored.size} bytes stored as ${stored.objectName}`);
      return stored;
    });
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
