import { Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import { Objm, type ObjectStore } from '@nats-io/obj';
import { REGISTRY_UPLOAD_BUCKET } from '#contracts';
import { NatsService } from '#messaging';
import { VerificationError, VerificationErrorCode } from '../verification.error.js';

/**
 * Registry files in NATS Object Store: uploaded ones (written by the gateway) and announced ones
 * (put by department systems into the drop bucket); read here, deleted once imported.
 */
@Injectable()
export class RegistryStore {
  private readonly buckets = new Map<string, Promise<ObjectStore>>();

  constructor(private readonly nats: NatsService) {}

  private store(bucket: string): Promise<ObjectStore> {
    let s = this.buckets.get(bucket);
    if (!s) {
      s = new Objm(this.nats.nc).open(bucket).catch((e: unknown) => {
        this.buckets.delete(bucket);
        throw e;
      });
      this.buckets.set(bucket, s);
    }
    return s;
  }

  /**
   * The object's bytes as a stream that reads its chunks only as fast as they are consumed: an
   * ordered pull consumer on the bucket's stream, at most 16 chunks (2 MB) ahead. (The
   * library's own `get` enqueues every chunk as NATS delivers it, whatever the reader's pace:
   * a slow import would buffer the whole file.) The SHA-256 digest of the bytes read is checked
   * at the end against the object's, and against `expectedDigest` (an announcement's) when given:
   * a file replaced or damaged after it was announced is not imported.
   */
  async open(
    name: string,
    bucket: string = REGISTRY_UPLOAD_BUCKET,
    expectedDigest?: string | null,
  ): Promise<{ stream: Readable; size: number; done: Promise<Error | null> }> {
    const os = await this.store(bucket);
    const info = await os.info(name);
    if (!info || info.deleted)
      throw new VerificationError(
        VerificationErrorCode.RegistryUploadNotFound,
        `The file ${name} is not (or no longer) in bucket ${bucket}`,
      );
    const announced = expectedDigest ? unpadded(expectedDigest) : null;
    if (announced && unpadded(info.digest) !== announced) {
      throw new VerificationError(
        VerificationErrorCode.RegistryFileUnreadable,
        `The file ${name} in bucket ${bucket} is not the one announced: its digest is ${info.digest}, the announcement said ${expectedDigest}. Nothing was imported`,
        [{ path: 'digest', message: 'the file’s SHA-256 differs from the announced digest' }],
      );
    }
    const js = this.nats.js;
    let settle!: (e: Error | null) => void;
    const done = new Promise<Error | null>((r) => (settle = r));
    async function* chunks(): AsyncGenerator<Uint8Array> {
      if (info!.size === 0 || info!.chunks === 0) {
        settle(null);
        return;
      }
      const consumer = await js.consumers.get(`OBJ_${bucket}`, { filter_subjects: `$O.${bucket}.C.${info!.nuid}` });
      const messages = await consumer.consume({ max_messages: 16 });
      const sha = createHash('sha256');
      let received = 0;
      try {
        for await (const m of messages) {
          sha.update(m.data);
          received++;
          yield m.data;
          if (received >= info!.chunks || m.info.pending === 0) break;
        }
        const digest = `SHA-256=${sha.digest('base64url')}`;
        const expected = unpadded(info!.digest);
        settle(
          received < info!.chunks
            ? new Error(`the file ended after ${received} of ${info!.chunks} chunks`)
            : digest !== expected
              ? new Error('the uploaded file is corrupt (its digest does not match)')
              : announced && digest !== announced
                ? new Error(`the file's bytes have digest ${digest}, not the announced ${expectedDigest}: nothing was imported`)
                : null,
        );
      } finally {
        messages.stop();
      }
    }
    const stream = Readable.from(chunks(), { objectMode: false });
    // the reader sees every error through its iteration; an error after it stopped reading must not crash the process
    stream.on('error', () => undefined);
    return { stream, size: info.size, done };
  }

  async exists(name: string, bucket: string = REGISTRY_UPLOAD_BUCKET): Promise<boolean> {
    const os = await this.store(bucket);
    return (await os.info(name)) !== null;
  }

  async remove(name: string, bucket: string = REGISTRY_UPLOAD_BUCKET): Promise<void> {
    const os = await this.store(bucket);
    await os.delete(name).catch(() => undefined);
  }
}

/** `SHA-256=<base64url>` with or without its padding (the Object Store writes it padded). */
function unpadded(digest: string): string {
  return digest.replace(/=+$/, '');
}
