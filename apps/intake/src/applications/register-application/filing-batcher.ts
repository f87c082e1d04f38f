import { Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { ApplicationSubmission } from '#contracts';
import { Clock } from '../../config/clock.js';
import { intakeConfig } from '../../config/intake.config.js';
import { IntakeError, IntakeErrorCode } from '../intake.error.js';
import { RegisterApplicationHandler, type RegisterInput, type RegisterResult } from './register-application.handler.js';
import { SubmissionChecker } from './submission-checker.js';

/** filings registered in one transaction at most */
const MAX_BATCH = 100;
/** transactions in flight at once (of one agency they queue on its serial counter anyway) */
const MAX_IN_FLIGHT = 2;

interface Pending {
  submission: ApplicationSubmission;
  actor: string;
  resolve: (r: RegisterResult) => void;
  reject: (e: unknown) => void;
}

/**
 * Registers the front office's filings in small batches: filings that arrive while a
 * transaction is in flight wait for it and then go together, in one transaction and one
 * commit. Ticket serials without gaps mean that filings of one agency queue on one counter
 * row until each commits; one commit per filing would cap an agency at the disk's fsync rate
 * (STACK.md: one commit per message caps a consumer near the single-commit rate). Each filing
 * still gets its own answer: its ticket, or the rules it breaks. A batch that fails is
 * retried one filing at a time, so one bad filing never fails the others.
 */
@Injectable()
export class FilingBatcher {
  private readonly log = new Logger('filing');
  private readonly debug = Boolean(intakeConfig().SIGAP_DEBUG_FILING);
  private queue: Pending[] = [];
  private inFlight = 0;

  constructor(
    private readonly ds: DataSource,
    private readonly checker: SubmissionChecker,
    private readonly handler: RegisterApplicationHandler,
    private readonly clock: Clock,
  ) {}

  file(submission: ApplicationSubmission, actor: string): Promise<RegisterResult> {
    return new Promise((resolve, reject) => {
      this.queue.push({ submission, actor, resolve, reject });
      this.pump();
    });
  }

  private pump(): void {
    while (this.inFlight < MAX_IN_FLIGHT && this.queue.length) {
      const batch = this.queue.splice(0, MAX_BATCH);
      this.inFlight++;
      void this.flush(batch).finally(() => {
        this.inFlight--;
        this.pump();
      });
    }
  }

  private async flush(batch: Pending[]): Promise<void> {
    try {
      const now = this.clock.now();
      const t0 = performance.now();
      const checked = await this.checker.checkMany(batch.map((p) => p.submission), now);
      const t1 = performance.now();
      const valid: Array<{ p: Pending; input: RegisterInput }> = [];
      checked.forEach((c, i) => {
        if (c.ok) valid.push({ p: batch[i], input: { submission: batch[i].submission, standard: c.standard, actor: batch[i].actor } });
        else batch[i].reject(new IntakeError(IntakeErrorCode.InvalidSubmission, 'The application has invalid fields', c.errors));
      });
      if (!valid.length) return;
      const inputs = valid.map((v) => v.input);
      try {
        const results = await this.ds.transaction((m) => this.handler.registerMany(m, inputs, now));
        if (this.debug) this.log.warn(`batch ${inputs.length}: check ${(t1 - t0).toFixed(1)} ms, register ${(performance.now() - t1).toFixed(1)} ms, queue ${this.queue.length}`);
        valid.forEach(({ p }, k) => p.resolve(results[k]));
      } catch (e) {
        if (valid.length === 1) throw e;
        this.log.warn(`a batch of ${valid.length} filings failed (${e instanceof Error ? e.message : e}); registering them one by one`);
        for (const [k, { p }] of valid.entries()) {
          try {
            const [r] = await this.ds.transaction((m) => this.handler.registerMany(m, [inputs[k]], now));
            p.resolve(r);
          } catch (err) {
            p.reject(err);
          }
        }
      }
    } catch (e) {
      for (const p of batch) p.reject(e);
    }
  }
}
