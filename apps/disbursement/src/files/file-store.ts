import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { PassThrough, Readable, type Writable } from 'node:stream';
import { Objm, type ObjectStore } from '@nats-io/obj';
import { DISBURSEMENT_FILES_BUCKET } from '#contracts';
import { NatsService } from '#messaging';

/**
 * Disbursement's files in transit (`DISBURSEMENT_FILES_BUCKET`, NATS Object Store): a document is
 * written straight into the bucket as it is produced (the writer's stream is the put's source,
 * so a 20,000-recipient PDF is never held whole), and the gateway streams it out. A file never
 * travels in a request-reply: NATS' max_payload (1 MiB) would cap it.
 */
@Injectable()
export class FileStore {
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
   * Runs `write` into a new object and answers its name and size once both the writer and the
   * put have finished. If either fails, the object's chunks are purged and the writer's error
   * (the more telling one) is thrown.
   */
  async write(write: (out: Writable) => Promise<unknown>): Promise<{ objectName: string; size: number }> {
    const os = await this.store();
    const objectName = `document/${randomUUID()}`;
    const pipe = new PassThrough();
    const put = os.put({ name: objectName }, Readable.toWeb(pipe) as ReadableStream<Uint8Array>);
    // the put is awaited below; a failure before then must not go unhandled
    put.catch(() => undefined);
    try {
      await write(pipe);
    } catch (e) {
      pipe.destroy();
      await put.catch(() => undefined);
      await os.delete(objectName).catch(() => undefined);
      throw e;
    }
    const info = await put;
    return { objectName, size: info.size };
  }

  /** Puts bytes already in memory (a CSV). */
  async put(data: Uint8Array): Promise<{ objectName: string; size: number }> {
    const os = await this.store();
    const objectName = `document/${randomUUID()}`;
    const info = await os.putBlob({ name: objectName }, data);
    return { objectName, size: info.size };
  }

  /** An uploaded file's bytes (a bank answer, at most BANK_ANSWER_MAX_BYTES), or null when it is not (or no longer) there. */
  async read(objectName: string): Promise<Buffer | null> {
    const os = await this.store();
    const data = await os.getBlob(objectName);
    return data ? Buffer.from(data.buffer, data.byteOffset, data.byteLength) : null;
  }

  async remove(objectName: string): Promise<void> {
    const os = await this.store();
    await os.delete(objectName).catch(() => undefined);
  }
}
