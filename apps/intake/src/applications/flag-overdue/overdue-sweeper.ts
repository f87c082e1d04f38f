import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Subjects } from '#contracts';
import { OutboxService } from '#messaging';
import { CalendarService } from '../../calendar/calendar.service.js';
import { Clock } from '../../config/clock.js';
import { intakeConfig } from '../../config/intake.config.js';

const BATCH = 500;
/** seeding the next year's calendar is checked this often (a new year starts while intake runs) */
const CALENDAR_CHECK_MS = 3_600_000;

/**
 * Flags each application whose clock runs past its due time, and says so once on
 * `sigap.intake.application.overdue.v1`. The flag and the outbox row are written in one
 * transaction, over rows claimed with `FOR UPDATE SKIP LOCKED`, so two replicas sweeping at
 * the same moment flag and announce each application exactly once.
 */
@Injectable()
export class OverdueSweeper implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly log = new Logger('overdue');
  private timer?: NodeJS.Timeout;
  private running?: Promise<unknown>;
  private lastCalendarCheck = Date.now();

  constructor(
    private readonly ds: DataSource,
    private readonly outbox: OutboxService,
    private readonly calendars: CalendarService,
    private readonly clock: Clock,
  ) {}

  onApplicationBootstrap(): void {
    const every = intakeConfig().INTAKE_OVERDUE_SWEEP_MS;
    this.timer = setInterval(() => {
      if (this.running) return;
      this.running = this.tick().finally(() => (this.running = undefined));
    }, every);
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }

  private async tick(): Promise<void> {
    try {
      while ((await this.sweepOnce()) === BATCH) {
        /* more waiting */
      }
      if (Date.now() - this.lastCalendarCheck > CALENDAR_CHECK_MS) {
        this.lastCalendarCheck = Date.now();
        await this.calendars.ensureYears();
      }
    } catch (e) {
      this.log.warn(`overdue sweep failed, trying again next time: ${e instanceof Error ? e.message : e}`);
    }
  }

  /** Flags and announces up to BATCH overdue applications; returns how many. */
  async sweepOnce(): Promise<number> {
    const now = this.clock.now().toISOString();
    return this.ds.transaction(async (m) => {
      // TypeORM answers an UPDATE … RETURNING with [rows, count]
      const [flagged]: [
        Array<{ id: string; ticket_number: string | null; agency_code: string; service_code: string; status: string; due_at: Date }>,
        number,
      ] = await m.query(
        `WITH due AS (
             SELECT "id" FROM "intake"."applications"
              WHERE "overdue_at" IS NULL AND "clock_stopped_at" IS NULL AND "due_at" < $1::timestamptz
              ORDER BY "due_at" LIMIT $2 FOR UPDATE SKIP LOCKED)
           UPDATE "intake"."applications" a SET "overdue_at" = $1::timestamptz FROM due WHERE a."id" = due."id"
           RETURNING a."id", a."ticket_number", a."agency_code", a."service_code", a."status", a."due_at"`,
        [now, BATCH],
      );
      if (!flagged.length) return 0;
      await this.outbox.enqueueMany(
        m,
        flagged.map((a) => ({
          subject: Subjects.intakeApplicationOverdue,
          payload: {
            applicationId: a.id,
            ticketNumber: a.ticket_number,
            agencyCode: a.agency_code,
            serviceCode: a.service_code,
            status: a.status,
            dueAt: a.due_at.toISOString(),
            flaggedAt: now,
          },
        })),
      );
      this.log.log(`flagged ${flagged.length} overdue applications`);
      return flagged.length;
    });
  }
}
