import { Injectable, Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { ObjectStore } from '@nats-io/obj';
import { REGISTRY_UPLOAD_BUCKET, type RegistryFileFormat } from '#contracts';
import { NatsService } from '#messaging';
import { DomainError } from '#platform';
import { GatewayError, GatewayErrorCode } from '../../common/errors/gateway-error.js';
import { GatewayConfig } from '../../config/gateway.config.js';
import { bucketOf, mb, putLimited, readFilePart, requireMultipart } from '../../common/uploads/file-upload.js';

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
  private readonly store: () => Promise<ObjectStore>;

  constructor(
    nats: NatsService,
    private readonly config: GatewayConfig,
  ) {
    this.store = bucketOf(() => nats.nc, REGISTRY_UPLOAD_BUCKET);
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
    requireMultipart(req);
    const declared = Number(req.headers['content-length']);
    const os = await this.store();
    if (Number.isFinite(declared)) await this.checkRoom(os, declared);
    const stored = await readFilePart(
      req,
      { required: 'file is required (a CSV or .xlsx registry export)', fields: 20, fieldSize: 10_000 },
      async ({ stream, fileName, mimeType, fields }) => {
        const agencyCode = this.agencyOf(auth, fields);
        auth.authorize(agencyCode);
        const format = formatOf(fileName, mimeType);
        if (!format)
          throw DomainError.validation(
            [{ path: 'file', message: 'file must be a .csv or .xlsx file' }],
            'The registry file must be CSV or .xlsx',
          );
        const objectName = `registry/${randomUUID()}`;
        const size = await putLimited(os, stream, {
          objectName,
          description: fileName || undefined,
          maxBytes: this.config.SIGAP_REGISTRY_UPLOAD_MAX_BYTES,
          tooLarge: () => this.tooLarge(),
          full: () => this.full(),
          // a few of busboy's chunks, not the default 16 KB
          highWaterMark: 512 * 1024,
        });
        return { objectName, fileName: fileName || 'upload', format, size, agencyCode };
      },
    );
    this.log.log(`registry file of ${stored.size} bytes stored as ${stored.objectName}`);
    return stored;
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
