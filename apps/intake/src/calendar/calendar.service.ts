import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { AGENCIES, WorkingCalendar, seedNonWorkingDays, type NonWorkingDay } from '#domain';
import { Clock } from '../config/clock.js';
import { timeZoneOf } from './time-zone.js';

/** How long a replica trusts its copy of an agency's calendar (an admin's change on another replica shows after this). */
const CACHE_MS = 10_000;

interface Cached {
  calendar: WorkingCalendar;
  at: number;
}

/**
 * Each agency's working-day calendar: Monday to Friday minus the non-working days kept in
 * intake's schema (national holidays seeded per year from the national list, cuti bersama
 * maintained by an admin). Deadlines and time left are counted on it.
 */
@Injectable()
export class CalendarService implements OnModuleInit {
  private readonly log = new Logger('calendar');
  private readonly cache = new Map<string, Cached>();

  constructor(
    private readonly ds: DataSource,
    private readonly clock: Clock,
  ) {}

  /** Seeds the current and the next year of every agency before intake takes its first filing. */
  async onModuleInit(): Promise<void> {
    await this.ensureYears();
  }

  /** The current and next year of every agency are seeded (idempotent; runs at start and with the sweep). */
  async ensureYears(): Promise<void> {
    const year = Number(this.clock.today().slice(0, 4));
    for (const a of AGENCIES) {
      for (const y of [year, year + 1]) await this.ensureSeeded(this.ds.manager, a.code, y);
    }
  }

  /**
   * Writes the national list of a year into an agency's calendar, once: the year is marked in
   * the same transaction, so two replicas starting together seed it once, and a holiday an
   * admin removed later is not brought back.
   */
  async ensureSeeded(manager: EntityManager, agencyCode: string, year: number): Promise<boolean> {
    const run = async (m: EntityManager) => {
      const marked: unknown[] = await m.query(
        `INSERT INTO "intake"."calendar_years" ("agency_code", "year") VALUES ($1, $2) ON CONFLICT DO NOTHING RETURNING 1`,
        [agencyCode, year],
      );
      if (!marked.length) return false;
      const days = seedNonWorkingDays(year);
      await m.query(
        `INSERT INTO "intake"."non_working_days" ("agency_code", "date", "kind", "name", "source")
         SELECT $1, d::date, k, n, 'SEED' FROM unnest($2::text[], $3::text[], $4::text[]) AS t(d, k, n)
         ON CONFLICT ("agency_code", "date") DO NOTHING`,
        [agencyCode, days.map((d) => d.date), days.map((d) => d.kind), days.map((d) => d.name)],
      );
      this.log.log(`seeded ${days.length} non-working days of ${year} for agency ${agencyCode}`);
      return true;
    };
    const seeded = manager.queryRunner?.isTransactionActive ? await run(manager) : await this.ds.transaction(run);
    if (seeded) this.cache.delete(agencyCode);
    return seeded;
  }

  /**
   * The agency's calendar (cached for a few seconds). Inside a transaction, pass its manager:
   * a second pool connection taken while one is held deadlocks once every connection waits so.
   */
  async calendarFor(agencyCode: string, manager: EntityManager = this.ds.manager): Promise<WorkingCalendar> {
    const hit = this.cache.get(agencyCode);
    if (hit && Date.now() - hit.at < CACHE_MS) return hit.calendar;
    const rows: NonWorkingDay[] = await manager.query(
      `SELECT "date"::text AS "date", "kind", "name" FROM "intake"."non_working_days" WHERE "agency_code" = $1`,
      [agencyCode],
    );
    const calendar = new WorkingCalendar(rows, { timeZone: timeZoneOf(agencyCode) });
    this.cache.set(agencyCode, { calendar, at: Date.now() });
    return calendar;
  }

  async calendarsFor(agencyCodes: Iterable<string>, manager: EntityManager = this.ds.manager): Promise<Map<string, WorkingCalendar>> {
    const out = new Map<string, WorkingCalendar>();
    for (const code of new Set(agencyCodes)) out.set(code, await this.calendarFor(code, manager));
    return out;
  }

  /** Forget a cached calendar after a change, so this replica counts on the new one at once. */
  invalidate(agencyCode: string): void {
    this.cache.delete(agencyCode);
  }
}
