import { Injectable, Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { Readable } from 'node:stream';
import busboy from 'busboy';
import { Objm, type ObjectStore } from '@nats-io/obj';
import { REGISTRY_UPLOAD_BUCKET, type RegistryFileFormat } from '#contracts';
import { NatsService } from '#messaging';
import { DomainError } from '#platform';

export interface StoredUpload {
  objectName: string;
  fileName: string;
  format: RegistryFileFormat;
  size: number;
  fields: Record<string, string>;
}

/** The largest registry file accepted (a province's export of millions of rows fits). */
const MAX_FILE_BYTES = 4 * 1024 ** 3;

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
 * it arrives: the request is paused while NATS is behind), collecting the other form fields.
 * Nothing of the file is ever held whole in the gateway.
 */
@Injectable()
export class RegistryUploadService {
  private readonly log = new Logger('registry-upload');
  private bucket?: Promise<ObjectStore>;

  constructor(private readonly nats: NatsService) {}

  private store(): Promise<ObjectStore> {
    this.bucket ??= new Objm(this.nats.nc).open(REGISTRY_UPLOAD_BUCKET).catch((e: unknown) => {
      this.bucket = undefined;
      throw e;
    });
    return this.bucket;
  }

  async receive(req: IncomingMessage): Promise<StoredUpload> {
    const type = req.headers['content-type'] ?? '';
    if (!/^multipart\/form-data/i.test(type)) {
      throw DomainError.validation([{ path: 'file', message: 'send the file as multipart/form-data with a part named file' }], 'The request must be multipart/form-data');
    }
    const os = await this.store();
    const fields: Record<string, string> = {};
    let upload: Promise<StoredUpload> | undefined;
    let refused: DomainError | undefined;
    await new Promise<void>((resolve, reject) => {
      let bb: busboy.Busboy;
      try {
        bb = busboy({ headers: req.headers, limits: { files: 1, fields: 20, fieldSize: 10_000, fileSize: MAX_FILE_BYTES } });
      } catch (e) {
        reject(DomainError.validation([{ path: 'file', message: (e as Error).message }], 'The multipart body cannot be read'));
        return;
      }
      bb.on('field', (name, value) => {
        fields[name] = value;
      });
      bb.on('file', (name, stream, info) => {
        if (name !== 'file' || upload || refused) {
          stream.resume();
          return;
        }
        const format = formatOf(info.filename ?? '', info.mimeType ?? '');
        if (!format) {
          refused = DomainError.validation([{ path: 'file', message: 'file must be a .csv or .xlsx file' }], 'The registry file must be CSV or .xlsx');
          stream.resume();
          return;
        }
        const objectName = `registry/${randomUUID()}`;
        stream.on('limit', () => stream.destroy(new Error(`the file exceeds ${MAX_FILE_BYTES} bytes`)));
        upload = os
          .put({ name: objectName, description: info.filename ?? undefined }, Readable.toWeb(stream) as ReadableStream<Uint8Array>)
          .then((meta) => ({ objectName, fileName: info.filename ?? 'upload', format, size: meta.size, fields }));
        upload.catch(() => undefined);
      });
      bb.on('close', () => resolve());
      bb.on('error', (e) => reject(DomainError.validation([{ path: 'file', message: (e as Error).message }], 'The multipart body cannot be read')));
      req.pipe(bb);
    });
    if (refused) throw refused;
    if (!upload) throw DomainError.validation([{ path: 'file', message: 'file is required (a CSV or .xlsx registry export)' }]);
    const stored = await upload;
    this.log.log(`registry file of ${stored.size} bytes stored as ${stored.objectName}`);
    return stored;
  }

  /** Removes an upload that will not be imported. */
  async discard(objectName: string): Promise<void> {
    const os = await this.store();
    await os.delete(objectName).catch(() => undefined);
  }
}
