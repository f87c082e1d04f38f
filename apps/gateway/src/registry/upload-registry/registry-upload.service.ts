import { Injectable, Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { Readable, Transform } from 'node:stream';
import busboy from 'busboy';
import { Objm, type ObjectStore } from '@nats-io/obj';
import { REGISTRY_UPLOAD_BUCKET, type RegistryFileFormat } from '#contracts';
import { NatsService } from '#messaging';
import { DomainError } from '#platform';
import { GatewayError, GatewayErrorCode } from '../../common/errors/gateway-error.js';
import { GatewayConfig } from '../../config/gateway.config.js';

export interface StoredUpload {
  objectName: string;
  fileName: string;
  format: RegistryFileFormat;
  size: number;
  agencyCode: string;
}

/** How an upload is let in: the agency, if the URL names it, and the check that must pass before a byte is stored. */
export interface UploadAuthorization {
  /** the agency named by `?agencyCode=`, before the body */
  agencyCode?: string;
  /** throws (400/403) when the caller may not upload for `agencyCode` */
  authorize(agencyCode: string): void;
}

/** What a multipart body may carry besides the file (its boundaries, the agencyCode field). */
const FORM_OVERHEAD_BYTES = 64 * 1024;

/** A registry file's format from its name, else its media type. */
export function formatOf(fileName: string, mimeType: string): RegistryFileFormat | undefined {
  const name = fileName.toLowerCase();
  if (name.endsWith('.xlsx')) return 'XLSX';
  if (name.endsWith('.csv') || name.endsWith('.txt')) return 'CSV';
  if (mimeType === 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet') return 'XLSX';
  if (mimeType === 'text/csv' || mimeType === 'text/plain' || mimeType === 'application/csv') return 'CSV';
  return undefined;
}

const mb = (bytes: number) => `${(bytes / 1024 ** 2).toLocaleString('en-US', { maximumFractionDigits: 1 })} MB`;

/** Whether an Object Store write failed because the bucket's stream is at its size limit. */
function isBucketFull(e: unknown): boolean {
  const m = e instanceof Error ? e.message : String(e);
  return /maximum bytes|insufficient.*(storage|resources)|store.*full/i.test(m);
}

/**
 * Streams a multipart upload's `file` part straight into the NATS Object Store (in chunks, as
 * it arrives: the request is paused while NATS is behind). Nothing of the file is ever held whole
 * in the gateway, and nothing is stored before the upload is authorized: the role is checked
 * from the token before the body is read, the agency (from `?agencyCode=`, or the form field
 * `agencyCode`, which must then come before `file`) before the file's first byte. A file over the
 * upload limit, or one the bucket has no room for, is a 413 and leaves no object behind.
 */
@Injectable()
export class RegistryUploadService {
  private readonly log = new Logger('registry-upload');
  private bucket?: Promise<ObjectStore>;

  constructor(
    private readonly nats: NatsService,
    private readonly config: GatewayConfig,
  ) {}

  private store(): Promise<ObjectStore> {
    this.bucket ??= new Objm(this.nats.nc).open(REGISTRY_UPLOAD_BUCKET).catch((e: unknown) => {
      this.bucket = undefined;
      throw e;
    });
    return this.bucket;
  }

  private tooLarge(): GatewayError {
    const max = this.config.SIGAP_REGISTRY_UPLOAD_MAX_BYTES;
    return new GatewayError(
      'TOO_LARGE',
      GatewayErrorCode.REGISTRY_UPLOAD_TOO_LARGE,
      `The registry file is larger than ${mb(max)}, the most an upload may carry: nothing was stored`,
      [{ path: 'file', message: `file must be at most ${max} bytes (SIGAP_REGISTRY_UPLOAD_MAX_BYTES)` }],
    );
  }

  private full(room?: { free: number; max: number }): GatewayError {
    const detail = room ? `${mb(room.free)} of its ${mb(room.max)} are free` : 'it is at its size limit';
    return new GatewayError(
      'TOO_LARGE',
      GatewayErrorCode.REGISTRY_UPLOADS_FULL,
      `The registry uploads bucket has no room for this file (${detail}) until the imports in progress finish: nothing was stored, try again later`,
      [{ path: 'file', message: `file does not fit in the uploads bucket (${REGISTRY_UPLOAD_BUCKET}) now` }],
    );
  }

  /** Refuses at once what the declared length already shows cannot fit (no byte read). */
  private async checkRoom(os: ObjectStore, declared: number): Promise<void> {
    if (declared > this.config.SIGAP_REGISTRY_UPLOAD_MAX_BYTES + FORM_OVERHEAD_BYTES) throw this.tooLarge();
    const status = await os.status();
    const max = status.streamInfo.config.max_bytes;
    if (max > 0 && status.streamInfo.state.bytes + declared > max)
      throw this.full({ free: Math.max(0, max - status.streamInfo.state.bytes), max });
  }

  async receive(req: IncomingMessage, auth: UploadAuthorization): Promise<StoredUpload> {
    const type = req.headers['content-type'] ?? '';
    if (!/^multipart\/form-data/i.test(type)) {
      throw DomainError.validation(
        [{ path: 'file', message: 'send the file as multipart/form-data with a part named file' }],
        'The request must be multipart/form-data',
      );
    }
    const declared = Number(req.headers['content-length']);
    const os = await this.store();
    if (Number.isFinite(declared)) await this.checkRoom(os, declared);
    const max = this.config.SIGAP_REGISTRY_UPLOAD_MAX_BYTES;
    const fields: Record<string, string> = {};
    let upload: Promise<StoredUpload> | undefined;
    return new Promise<StoredUpload>((resolve, reject) => {
      let settled = false;
      // the answer goes as soon as it is known; the rest of the body is read and dropped
      const refuse = (e: unknown) => {
        if (settled) return;
        settled = true;
        reject(e);
      };
      let bb: busboy.Busboy;
      try {
        bb = busboy({ headers: req.headers, limits: { files: 1, fields: 20, fieldSize: 10_000 } });
      } catch (e) {
        refuse(DomainError.validation([{ path: 'file', message: (e as Error).message }], 'The multipart body cannot be read'));
        return;
      }
      bb.on('field', (name, value) => {
        fields[name] = value;
      });
      bb.on('file', (name, stream, info) => {
        if (name !== 'file' || upload || settled) {
          stream.resume();
          return;
        }
        try {
          const agencyCode = this.agencyOf(auth, fields);
          auth.authorize(agencyCode);
          const format = formatOf(info.filename ?? '', info.mimeType ?? '');
          if (!format)
            throw DomainError.validation(
              [{ path: 'file', message: 'file must be a .csv or .xlsx file' }],
              'The registry file must be CSV or .xlsx',
            );
          const objectName = `registry/${randomUUID()}`;
          let size = 0;
          const limited = new Transform({
            // a few of busboy's chunks, not the default 16 KB: a hop that waits for 'drain' after every chunk slows the upload
            highWaterMark: 512 * 1024,
            transform: (chunk: Buffer, _enc, done) => {
              size += chunk.length;
              // failing the stream fails the put, which purges the chunks already stored
              if (size > max) done(this.tooLarge());
              else done(null, chunk);
            },
          });
          stream.on('error', (e) => limited.destroy(e));
          stream.pipe(limited);
          // once the put has failed (the limit, a full bucket), the rest of the file is read and dropped
          const drop = () => {
            stream.unpipe(limited);
            stream.resume();
          };
          limited.on('error', drop);
          upload = os
            .put({ name: objectName, description: info.filename ?? undefined }, Readable.toWeb(limited) as ReadableStream<Uint8Array>)
            .then(
              (meta) => ({ objectName, fileName: info.filename ?? 'upload', format, size: meta.size, agencyCode }),
              async (e: unknown) => {
                drop();
                limited.destroy();
                // the library purges a failed put's chunks; the name is removed too, in case its record was written
                await os.delete(objectName).catch(() => undefined);
                if (e instanceof GatewayError) throw e;
                if (isBucketFull(e)) throw this.full();
                throw e;
              },
            );
          upload.then(resolve, refuse);
        } catch (e) {
          stream.resume();
          refuse(e);
        }
      });
      bb.on('close', () => {
        if (!upload) refuse(DomainError.validation([{ path: 'file', message: 'file is required (a CSV or .xlsx registry export)' }]));
      });
      bb.on('error', (e) => {
        refuse(DomainError.validation([{ path: 'file', message: (e as Error).message }], 'The multipart body cannot be read'));
      });
      req.pipe(bb);
    }).then((stored) => {
      this.log.log(`registry file of ${stored.size} bytes stored as ${stored.objectName}`);
      return stored;
    });
  }

  /** The agency of the upload: from the URL, or the form field before the file (never one after it). */
  private agencyOf(auth: UploadAuthorization, fields: Record<string, string>): string {
    const field = fields.agencyCode?.trim();
    if (auth.agencyCode && field && field !== auth.agencyCode) {
      throw DomainError.validation([
        { path: 'agencyCode', message: `agencyCode ${field} of the form differs from ?agencyCode=${auth.agencyCode}` },
      ]);
    }
    const code = auth.agencyCode ?? field;
    if (!code) {
      throw DomainError.validation(
        [
          {
            path: 'agencyCode',
            message:
              'agencyCode is required before the file: put the form field agencyCode before the part file, or send ?agencyCode= in the URL',
          },
        ],
        'The upload is authorized for its agency before the file is stored: agencyCode must come first',
      );
    }
    return code;
  }

  /** Removes an upload that will not be imported. */
  async discard(objectName: string): Promise<void> {
    const os = await this.store();
    await os.delete(objectName).catch(() => undefined);
  }
}
