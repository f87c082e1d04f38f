import { Injectable, Logger } from '@nestjs/common';
import { createHash } from 'node:crypto';
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

/** The unique index that makes a filing's Idempotency-Key file once per agency. */
const KEY_INDEX = 'applications_agency_idempotency_key_key';

/** What a front-office filing brings besides the submission. */
export interface FilingOptions {
  /** the front office's `Idempotency-Key`: a second filing under it answers the first application */
  idempotencyKey?: string;
  /** when the applicant filed, if earlier than receipt */
  filedAt?: Date;
}

interface Pending extends FilingOptions {
  submission: ApplicationSubmission;
  actor: string;
  /** sha-256 of the submission's canonical JSON, for a keyed filing */
  hash?: string;
  resolve: (r: RegisterResult) => void;
  reject: (e: unknown) => void;
}

interface KeyedRow {
  id: string;
  ticket_number: string | null;
  status: string;
  missing_requirements: string[];
  due_at: Date | null;
  agency_code: string;
  idempotency_key: string;
  submission_hash: string | null;
}

/** JSON with object keys sorted: the same submission hashes the same whatever its key order. */
function canonical(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`;
  if (v && typeof v === 'object') {
    const o = v as Record<string, unknown>;
    return `{${Object.keys(o)
      .filter((k) => o[k] !== undefined)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical(o[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(v ?? null);
}

export function submissionHash(s: ApplicationSubmission): string {
  return createHash('sha256').update(canonical(s)).digest('hex');
}

function keyReused(): IntakeError {
  return new IntakeError(
    IntakeErrorCode.IdempotencyKeyReused,
    'This Idempotency-Key filed another application: use a new key for a new filing',
    [{ path: 'Idempotency-Key', message: 'Idempotency-Key was used for another submission' }],
  );
}

/**
 * Registers the front office's filings in small batches: filings that arrive while a
 * transaction is in flight wait for it and then go together, in one transaction and one
 * commit. Ticket serials without gaps mean that filings of one agency queue on one counter
 * row until each commits; one commit per filing would cap an agency at the disk's fsync rate
 * (STACK.md: one commit per message caps a consumer near the single-commit rate). Each filing
 * still gets its own answer: its ticket, or the rules it breaks. A batch that fails is
 * retried one filing at a time, so one bad filing never fails the others.
 *
 * A filing under an `Idempotency-Key` files once per agency and key, whatever path the retry
 * takes (the gateway's own key table lost, a 503 after intake did register, a gateway killed
 * mid-request): one already registered answers its application; two in one batch share one;
 * two in concurrent batches meet at the unique index, and the loser answers the winner's.
 * The same key with another submission is refused (422 INTAKE_IDEMPOTENCY_KEY_REUSED).
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

  file(submission: ApplicationSubmission, actor: string, opts: FilingOptions = {}): Promise<RegisterResult> {
    return new Promise((resolve, reject) => {
      const hash = opts.idempotencyKey ? submissionHash(submission) : undefined;
      this.queue.push({ submission, actor, ...opts, hash, resolve, reject });
      this.pump();
    });
  }

  /** The applications already filed under these (agency, key) pairs. */
  private async keyed(pairs: Array<{ agency: string; key: string }>): Promise<Map<string, KeyedRow>> {
    if (!pairs.length) return new Map();
    const rows: KeyedRow[] = await this.ds.query(
      `SELECT a.id, a.ticket_number, a.status, a.missing_requirements, a.due_at, a.agency_code, a.idempotency_key, a.submission_hash
         FROM "intake"."applications" a JOIN unnest($1::text[], $2::text[]) AS k(ag, ik) ON a.agency_code = k.ag AND a.idempotency_key = k.ik`,
      [pairs.map((p) => p.agency), pairs.map((p) => p.key)],
    );
    return new Map(rows.map((r) => [`${r.agency_code}|${r.idempotency_key}`, r]));
  }

  /** Answers a keyed filing with the application already filed under its key (or refuses another submission). */
  private answerFiled(p: Pending, row: KeyedRow): void {
    if (row.submission_hash !== p.hash) return p.reject(keyReused());
    p.resolve({
      applicationId: row.id,
      ticketNumber: row.ticket_number,
      status: row.status,
      missingRequirements: row.missing_requirements,
      dueAt: row.due_at ? new Date(row.due_at).toISOString() : null,
    });
  }

  /**
   * Takes out of the batch what its key already answers: filings registered before, and
   * repeats within the batch (they follow the first). Answers the filings left to register.
   */
  private async settleKeyed(batch: Pending[]): Promise<Pending[]> {
    const keyOf = (p: Pending) => (p.idempotencyKey ? `${p.submission.agencyCode}|${p.idempotencyKey}` : null);
    const keyedPending = batch.filter((p) => p.idempotencyKey);
    if (!keyedPending.length) return batch;
    const filed = await this.keyed(keyedPending.map((p) => ({ agency: p.submission.agencyCode, key: p.idempotencyKey! })));
    const leaders = new Map<string, Pending>();
    const left: Pending[] = [];
    for (const p of batch) {
      const k = keyOf(p);
      if (!k) {
        left.push(p);
        continue;
      }
      const row = filed.get(k);
      if (row) {
        this.answerFiled(p, row);
        continue;
      }
      const leader = leaders.get(k);
      if (!leader) {
        leaders.set(k, p);
        left.push(p);
        continue;
      }
      // a repeat in the same batch: the leader's answer is its answer too
      const { resolve, reject } = leader;
      leader.resolve = (r) => {
        resolve(r);
        if (p.hash === leader.hash) p.resolve(r);
        else p.reject(keyReused());
      };
      leader.reject = (e) => {
        reject(e);
        p.reject(e);
      };
    }
    return left;
  }

  /** One filing in its own transaction; a concurrent filing that took its key first answers it. */
  private async registerOne(p: Pending, input: RegisterInput, now: Date): Promise<void> {
    try {
      const [r] = await this.ds.transaction((m) => this.handler.registerMany(m, [input], now));
      p.resolve(r);
    } catch (err) {
      const e = err as { constraint?: string; driverError?: { constraint?: string } };
      const row =
        (e.constraint ?? e.driverError?.constraint) === KEY_INDEX
          ? (await this.keyed([{ agency: p.submission.agencyCode, key: p.idempotencyKey! }])).values().next().value
          : undefined;
      if (row) this.answerFiled(p, row);
      else p.reject(err);
    }
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

  private async flush(all: Pending[]): Promise<void> {
    let batch = all;
    try {
      batch = await this.settleKeyed(all);
      if (!batch.length) return;
      const now = this.clock.now();
      const t0 = performance.now();
      const checked = await this.checker.checkMany(
        batch.map((p) => p.submission),
        now,
      );
      const t1 = performance.now();
      const valid: Array<{ p: Pending; input: RegisterInput }> = [];
      checked.forEach((c, i) => {
        const p = batch[i];
        if (c.ok) {
          valid.push({
            p,
            input: {
              submission: p.submission,
              standard: c.standard,
              actor: p.actor,
              filedAt: p.filedAt,
              idempotencyKey: p.idempotencyKey,
              submissionHash: p.hash,
            },
          });
        } else batch[i].reject(new IntakeError(IntakeErrorCode.InvalidSubmission, 'The application has invalid fields', c.errors));
      });
      if (!valid.length) return;
      const inputs = valid.map((v) => v.input);
      try {
        const results = await this.ds.transaction((m) => this.handler.registerMany(m, inputs, now));
        if (this.debug)
          this.log.warn(
            `batch ${inputs.length}: check ${(t1 - t0).toFixed(1)} ms, register ${(performance.now() - t1).toFixed(1)} ms, queue ${this.queue.length}`,
          );
        valid.forEach(({ p }, k) => p.resolve(results[k]));
      } catch (e) {
        if (valid.length > 1)
          this.log.warn(`a batch of ${valid.length} filings failed (${e instanceof Error ? e.message : e}); registering them one by one`);
        for (const [k, { p }] of valid.entries()) await this.registerOne(p, inputs[k], now);
      }
    } catch (e) {
      for (const p of batch) p.reject(e);
    }
  }
}
