/**
 * The import's side of registry-load.worker: one worker thread, kept between imports (its area
 * list is loaded once), replaced after an import that did not end cleanly. The caller sends
 * the file's chunks, at most `readAhead` of them not yet taken by the worker, and takes the
 * worker's replies in order: memory stays bounded whatever the file's size.
 */
import { Worker } from 'node:worker_threads';
import type { LoadReply, LoadRequest } from './registry-load.worker.js';

let idle: Worker | undefined;

export class LoadSession {
  private readonly replies: LoadReply[] = [];
  private waiter?: { resolve: (m: LoadReply) => void; reject: (e: Error) => void };
  private broken?: Error;
  private sent = 0;
  private taken = 0;
  private closed = false;

  private readonly onMessage = (m: LoadReply) => {
    if (m.type === 'took') this.taken++;
    this.replies.push(m);
    this.wakeUp();
  };
  private readonly onError = (e: Error) => this.breakWith(e);
  private readonly onExit = (code: number) => this.breakWith(new Error(`the registry load worker exited (code ${code})`));

  private constructor(private readonly worker: Worker) {
    worker.on('message', this.onMessage).on('error', this.onError).on('exit', this.onExit);
  }

  static start(start: Extract<LoadRequest, { type: 'start' }>): LoadSession {
    const worker = idle ?? new Worker(new URL('./registry-load.worker.js', import.meta.url));
    idle = undefined;
    worker.unref();
    const s = new LoadSession(worker);
    worker.postMessage(start satisfies LoadRequest);
    return s;
  }

  /** Chunks sent and not yet taken by the worker. */
  get inFlight(): number {
    return this.sent - this.taken;
  }

  /** Whether a reply waits to be taken. */
  get pending(): boolean {
    return this.replies.length > 0;
  }

  send(chunk: Uint8Array): void {
    this.sent++;
    this.worker.postMessage({ type: 'chunk', data: chunk } satisfies LoadRequest);
  }

  end(): void {
    this.worker.postMessage({ type: 'end' } satisfies LoadRequest);
  }

  /** The next reply, in order. */
  next(): Promise<LoadReply> {
    const m = this.replies.shift();
    if (m) return Promise.resolve(m);
    if (this.broken) return Promise.reject(this.broken);
    return new Promise((resolve, reject) => (this.waiter = { resolve, reject }));
  }

  /** Done with the worker: kept for the next import after a clean end, else ended. */
  close(clean: boolean): void {
    if (this.closed) return;
    this.closed = true;
    // only this session's listeners: the Worker keeps its own ones on itself
    this.worker.off('message', this.onMessage).off('error', this.onError).off('exit', this.onExit);
    if (clean && !this.broken && !idle) {
      const w = (idle = this.worker);
      const drop = () => {
        if (idle === w) idle = undefined;
      };
      w.on('error', drop).on('exit', drop);
    } else {
      void this.worker.terminate();
    }
  }

  private wakeUp(): void {
    const w = this.waiter;
    if (!w) return;
    const m = this.replies.shift();
    if (!m) return;
    this.waiter = undefined;
    w.resolve(m);
  }

  private breakWith(e: Error): void {
    if (this.closed) return;
    this.broken ??= e;
    const w = this.waiter;
    this.waiter = undefined;
    w?.reject(this.broken);
  }
}
