import type { IncomingMessage } from 'node:http';
import { Readable, Transform } from 'node:stream';
import busboy from 'busboy';
import { Objm, type ObjectStore } from '@nats-io/obj';
import type { NatsConnection } from '@nats-io/transport-node';
import { DomainError } from '#platform';
import { GatewayError } from '../errors/gateway-error.js';

/**
 * Uploads, the one way the gateway takes a file: a multipart body's part `file`, streamed into a
 * NATS Object Store bucket as it arrives (the request is paused while NATS is behind), never
 * held whole, and only after the caller was authorized. Three routes use it: the registry's
 * exports (GB), a field visit's photos and documents, and the bank's answer of a decree.
 */

/** `1.5 MB`, for messages. */
export const mb = (bytes: number) => `${(bytes / 1024 ** 2).toLocaleString('en-US', { maximumFractionDigits: 1 })} MB`;

/** Whether an Object Store write failed because the bucket's stream is at its size limit. */
export function isBucketFull(e: unknown): boolean {
  const m = e instanceof Error ? e.message : String(e);
  return /maximum bytes|insufficient.*(storage|resources)|store.*full/i.test(m);
}

/** A bucket opened once per process, opened again on the next call after a failure. */
export function bucketOf(nc: () => NatsConnection, name: string): () => Promise<ObjectStore> {
  let bucket: Promise<ObjectStore> | undefined;
  return () => {
    bucket ??= new Objm(nc()).open(name).catch((e: unknown) => {
      bucket = undefined;
      throw e;
    });
    return bucket;
  };
}

const unreadable = (e: unknown) =>
  DomainError.validation([{ path: 'file', message: (e as Error).message }], 'The multipart body cannot be read');

/** Refuses at once a body that is not multipart/form-data. */
export function requireMultipart(req: IncomingMessage): void {
  if (!/^multipart\/form-data/i.test(req.headers['content-type'] ?? '')) {
    throw DomainError.validation(
      [{ path: 'file', message: 'send the file as multipart/form-data with a part named file' }],
      'The request must be multipart/form-data',
    );
  }
}

export interface FilePart {
  stream: Readable;
  fileName: string;
  mimeType: string;
  /** the form's fields that came before the file */
  fields: Record<string, string>;
}

/**
 * Reads the body's part `file` and hands it to `onFile`, which stores it and answers what the
 * route returns. The answer goes as soon as it is known (a refusal before the file's first byte);
 * the rest of the body is read and dropped. No part `file`: 400 naming `required`.
 */
export function readFilePart<T>(
  req: IncomingMessage,
  opts: { required: string; fields?: number; fieldSize?: number },
  onFile: (part: FilePart) => Promise<T>,
): Promise<T> {
  requireMultipart(req);
  return new Promise<T>((resolve, reject) => {
    let settled = false;
    const refuse = (e: unknown) => {
      if (settled) return;
      settled = true;
      reject(e);
    };
    let bb: busboy.Busboy;
    try {
      bb = busboy({ headers: req.headers, limits: { files: 1, fields: opts.fields ?? 10, fieldSize: opts.fieldSize ?? 1000 } });
    } catch (e) {
      refuse(unreadable(e));
      return;
    }
    const fields: Record<string, string> = {};
    let taken = false;
    bb.on('field', (name, value) => {
      fields[name] = value;
    });
    bb.on('file', (name, stream, info) => {
      if (name !== 'file' || taken || settled) {
        stream.resume();
        return;
      }
      taken = true;
      let stored: Promise<T>;
      try {
        stored = onFile({ stream, fileName: info.filename ?? '', mimeType: info.mimeType ?? '', fields });
      } catch (e) {
        stream.resume();
        refuse(e);
        return;
      }
      stored.then(
        (v) => {
          if (!settled) {
            settled = true;
            resolve(v);
          }
        },
        (e: unknown) => {
          // a refusal before the file was read (an async check): the rest is read and dropped
          stream.resume();
          refuse(e);
        },
      );
    });
    bb.on('close', () => {
      if (!taken) refuse(DomainError.validation([{ path: 'file', message: opts.required }]));
    });
    bb.on('error', (e) => refuse(unreadable(e)));
    req.pipe(bb);
  });
}

export interface PutOptions {
  objectName: string;
  description?: string;
  maxBytes: number;
  tooLarge: () => GatewayError;
  /** the bucket is at its size limit */
  full: () => GatewayError;
  /** checks the file's first `bytes` (its signature): an error refuses it, nothing stored */
  head?: { bytes: number; check: (head: Buffer) => GatewayError | null };
  /** larger than the default 16 KB: a hop that waits for 'drain' after every chunk slows a large upload */
  highWaterMark?: number;
}

/**
 * Streams `stream` into the bucket under `objectName`, counting: over `maxBytes`, or a head
 * that fails its check, fails the put, which purges what was stored; the name is removed too,
 * in case its record was written, and the rest of the file is read and dropped. Answers the size.
 */
export async function putLimited(os: ObjectStore, stream: Readable, o: PutOptions): Promise<number> {
  let size = 0;
  let head: Buffer | null = o.head ? Buffer.alloc(0) : null;
  const checkHead = (bytes: Buffer) => o.head!.check(bytes);
  const limited = new Transform({
    highWaterMark: o.highWaterMark,
    transform: (chunk: Buffer, _enc, done) => {
      size += chunk.length;
      if (size > o.maxBytes) return done(o.tooLarge());
      if (head === null) return done(null, chunk);
      // the signature is read from the first bytes, however the chunks fall
      head = Buffer.concat([head, chunk]);
      if (head.length < o.head!.bytes) return done();
      const out = head;
      head = null;
      const wrong = checkHead(out);
      return wrong ? done(wrong) : done(null, out);
    },
    flush: (done) => {
      if (head === null) return done();
      const wrong = checkHead(head);
      return wrong ? done(wrong) : done(null, head);
    },
  });
  stream.on('error', (e) => limited.destroy(e));
  stream.pipe(limited);
  const drop = () => {
    stream.unpipe(limited);
    stream.resume();
  };
  limited.on('error', drop);
  try {
    const meta = await os.put({ name: o.objectName, description: o.description }, Readable.toWeb(limited) as ReadableStream<Uint8Array>);
    return meta.size;
  } catch (e) {
    drop();
    limited.destroy();
    await os.delete(o.objectName).catch(() => undefined);
    if (e instanceof GatewayError) throw e;
    if (isBucketFull(e)) throw o.full();
    throw e;
  }
}
