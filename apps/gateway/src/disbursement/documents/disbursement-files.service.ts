import { Injectable, Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import busboy from 'busboy';
import { Objm, type ObjectStore } from '@nats-io/obj';
import { BANK_ANSWER_MAX_BYTES, DISBURSEMENT_FILES_BUCKET, type StoredFileView } from '#contracts';
import { NatsService } from '#messaging';
import { DomainError } from '#platform';
import { GatewayError, GatewayErrorCode } from '../../common/errors/gateway-error.js';

/** What a multipart body may carry besides the file (its boundaries and headers). */
const FORM_OVERHEAD_BYTES = 64 * 1024;

/** `attachment; filename=…` with the name in ASCII and, for any other letter, RFC 5987's UTF-8 form. */
export function attachment(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]|["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

/**
 * Disbursement's files on their way to and from the browser, through the files bucket
 * (`DISBURSEMENT_FILES_BUCKET`): a document disbursement wrote is streamed out and deleted; an
 * uploaded bank answer is put there for disbursement to read, and deleted once it has answered.
 */
@Injectable()
export class DisbursementFilesService {
  private readonly log = new Logger('disbursement-files');
  private bucket?: Promise<ObjectStore>;

  constructor(private readonly nats: NatsService) {}

  private store(): Promise<ObjectStore> {
    this.bucket ??= new Objm(this.nats.nc).open(DISBURSEMENT_FILES_BUCKET).catch((e: unknown) => {
      this.bucket = undefined;
      throw e;
    });
    return this.bucket;
  }

  /**
   * Streams a stored file as the response (headers first, then the bytes as NATS delivers them)
   * and deletes it afterwards, whether the browser took it all or went away. The library's `get`
   * queues chunks as NATS delivers them, whatever the browser's pace: a document (a few MB) may be
   * held whole for a slow client, which these files' sizes allow (the registry's uploads, in GB,
   * are read with a bounded consumer instead: verification's registry-store.ts).
   */
  async send(res: ServerResponse, file: StoredFileView, headers: Record<string, string> = {}): Promise<void> {
    const os = await this.store();
    try {
      const got = await os.get(file.objectName);
      if (!got) throw new Error(`the file ${file.objectName} disbursement wrote is not in ${DISBURSEMENT_FILES_BUCKET}`);
      res.setHeader('Content-Type', file.contentType);
      res.setHeader('Content-Length', String(got.info.size));
      res.setHeader('Content-Disposition', attachment(file.fileName));
      // personal data: no cache keeps a copy
      res.setHeader('Cache-Control', 'no-store');
      res.setHeader('X-Content-Type-Options', 'nosniff');
      for (const [k, v] of Object.entries(headers)) res.setHeader(k, v);
      res.statusCode = 200;
      await pipeline(Readable.fromWeb(got.data as import('node:stream/web').ReadableStream<Uint8Array>), res).catch((e: unknown) => {
        this.log.warn(`download of ${file.fileName} ended early: ${(e as Error).message}`);
      });
      const failed = await got.error;
      if (failed) this.log.warn(`reading ${file.objectName} failed: ${failed.message}`);
    } finally {
      await os.delete(file.objectName).catch(() => undefined);
    }
  }

  private tooLarge(): GatewayError {
    return new GatewayError(
      'TOO_LARGE',
      GatewayErrorCode.BANK_ANSWER_TOO_LARGE,
      `The bank's answer is larger than ${BANK_ANSWER_MAX_BYTES / 1024 ** 2} MB: nothing was imported`,
      [{ path: 'file', message: `file must be at most ${BANK_ANSWER_MAX_BYTES} bytes` }],
    );
  }

  /**
   * Reads a multipart upload's part `file` (at most BANK_ANSWER_MAX_BYTES, refused as soon as it
   * is over) and puts it into the bucket. Answers the object's name and the file's name.
   */
  async receive(req: IncomingMessage): Promise<{ objectName: string; fileName: string }> {
    if (!/^multipart\/form-data/i.test(req.headers['content-type'] ?? '')) {
      throw DomainError.validation(
        [{ path: 'file', message: 'send the file as multipart/form-data with a part named file' }],
        'The request must be multipart/form-data',
      );
    }
    const declared = Number(req.headers['content-length']);
    if (Number.isFinite(declared) && declared > BANK_ANSWER_MAX_BYTES + FORM_OVERHEAD_BYTES) throw this.tooLarge();
    const { data, fileName } = await new Promise<{ data: Buffer; fileName: string }>((resolve, reject) => {
      let settled = false;
      const done = (e: unknown, v?: { data: Buffer; fileName: string }) => {
        if (settled) return;
        settled = true;
        if (e) reject(e);
        else resolve(v!);
      };
      let bb: busboy.Busboy;
      try {
        bb = busboy({ headers: req.headers, limits: { files: 1, fields: 10, fieldSize: 1000, fileSize: BANK_ANSWER_MAX_BYTES } });
      } catch (e) {
        done(DomainError.validation([{ path: 'file', message: (e as Error).message }], 'The multipart body cannot be read'));
        return;
      }
      let got = false;
      bb.on('file', (name, stream, info) => {
        if (name !== 'file' || got) {
          stream.resume();
          return;
        }
        got = true;
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('limit', () => {
          chunks.length = 0;
          done(this.tooLarge());
        });
        stream.on('end', () => done(null, { data: Buffer.concat(chunks), fileName: info.filename || 'jawaban-bank' }));
      });
      bb.on('close', () => {
        if (!got) done(DomainError.validation([{ path: 'file', message: "file is required (the bank's answer, CSV or .xlsx)" }]));
      });
      bb.on('error', (e) =>
        done(DomainError.validation([{ path: 'file', message: (e as Error).message }], 'The multipart body cannot be read')),
      );
      req.pipe(bb);
    });
    if (!data.length) throw DomainError.validation([{ path: 'file', message: 'file is empty' }]);
    const os = await this.store();
    const objectName = `bank-answer/${randomUUID()}`;
    await os.putBlob({ name: objectName }, data);
    return { objectName, fileName };
  }

  async remove(objectName: string): Promise<void> {
    const os = await this.store();
    await os.delete(objectName).catch(() => undefined);
  }
}
