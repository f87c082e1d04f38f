import { Injectable, Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ObjectStore } from '@nats-io/obj';
import { BANK_ANSWER_MAX_BYTES, DISBURSEMENT_FILES_BUCKET, type StoredFileView } from '#contracts';
import { NatsService } from '#messaging';
import { DomainError } from '#platform';
import { GatewayError, GatewayErrorCode } from '../../common/errors/gateway-error.js';
import { bucketOf, putLimited, readFilePart, requireMultipart } from '../../common/uploads/file-upload.js';

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
  private readonly store: () => Promise<ObjectStore>;

  constructor(nats: NatsService) {
    this.store = bucketOf(() => nats.nc, DISBURSEMENT_FILES_BUCKET);
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
   * Streams a multipart upload's part `file` (at most BANK_ANSWER_MAX_BYTES, refused as soon as it
   * is over) into the bucket. Answers the object's name and the file's name.
   */
  async receive(req: IncomingMessage): Promise<{ objectName: string; fileName: string }> {
    requireMultipart(req);
    const declared = Number(req.headers['content-length']);
    if (Number.isFinite(declared) && declared > BANK_ANSWER_MAX_BYTES + FORM_OVERHEAD_BYTES) throw this.tooLarge();
    const os = await this.store();
    return readFilePart(req, { required: "file is required (the bank's answer, CSV or .xlsx)" }, async ({ stream, fileName }) => {
      const objectName = `bank-answer/${randomUUID()}`;
      const size = await putLimited(os, stream, {
        objectName,
        maxBytes: BANK_ANSWER_MAX_BYTES,
        tooLarge: () => this.tooLarge(),
        full: () =>
          new GatewayError('TOO_LARGE', GatewayErrorCode.BANK_ANSWER_TOO_LARGE, `The files bucket has no room for the bank's answer now`, [
            { path: 'file', message: `file does not fit in ${DISBURSEMENT_FILES_BUCKET} now: try again later` },
          ]),
      });
      if (!size) {
        await os.delete(objectName).catch(() => undefined);
        throw DomainError.validation([{ path: 'file', message: 'file is empty' }]);
      }
      return { objectName, fileName: fileName || 'jawaban-bank' };
    });
  }

  async remove(objectName: string): Promise<void> {
    const os = await this.store();
    await os.delete(objectName).catch(() => undefined);
  }
}
