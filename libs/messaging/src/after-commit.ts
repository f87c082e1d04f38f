import { Logger } from '@nestjs/common';
import type { DataSource, EntityManager } from 'typeorm';

/** Work to do once a transaction has committed: register it with `afterCommit(fn)`. */
export interface AfterCommitHooks {
  /**
   * Runs `fn` after the transaction commits (never if it rolls back): to wake a worker for rows
   * that only then become visible to other connections. A hook that fails is logged; it cannot
   * undo the commit, so nothing may depend on it that a poll would not also find.
   */
  afterCommit(fn: () => unknown): void;
}

const log = new Logger('after-commit');

/** Collects the hooks of one transaction and runs them once it committed. */
export class TransactionHooks implements AfterCommitHooks {
  private readonly hooks: Array<() => unknown> = [];

  afterCommit(fn: () => unknown): void {
    this.hooks.push(fn);
  }

  /**
   * Starts the hooks in their order, each once, without waiting for what they start (a consumer
   * acks its batch right after); a failure of one does not stop the next.
   */
  runAll(): void {
    const warn = (e: unknown) => log.warn(`a hook after commit failed: ${e instanceof Error ? e.message : e}`);
    for (const fn of this.hooks.splice(0)) {
      try {
        const r = fn();
        if (r instanceof Promise) r.catch(warn);
      } catch (e) {
        warn(e);
      }
    }
  }
}

/**
 * `ds.transaction(work)` with after-commit hooks: the hooks run once the commit returned, and
 * are dropped when `work` throws (the transaction rolled back, there is nothing to announce).
 */
export async function transactionWithHooks<T>(
  ds: DataSource,
  work: (manager: EntityManager, hooks: AfterCommitHooks) => Promise<T>,
): Promise<T> {
  const hooks = new TransactionHooks();
  const result = await ds.transaction((manager) => work(manager, hooks));
  hooks.runAll();
  return result;
}
