import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { ScheduleEntryDto, ScheduleEntryView } from '#contracts';

export interface ScheduleRow {
  decree_id: string;
  version: number;
  updated_by: string;
  updated_at: Date;
}

type EntryRow = Omit<ScheduleEntryView, 'recipients'>;

const ENTRY_COLUMNS = `"village_code" AS "villageCode", "place", to_char("date", 'YYYY-MM-DD') AS "date", to_char("start_time", 'HH24:MI') AS "startTime",
  to_char("end_time", 'HH24:MI') AS "endTime", "lurah_name" AS "lurahName", "lurah_note" AS "lurahNote"`;

/** The SQL of decrees' distribution schedules (jadwal penyaluran): the schedule, its entries per village, its versions. */
@Injectable()
export class ScheduleRepository {
  async get(m: EntityManager, decreeId: string): Promise<ScheduleRow | null> {
    const rows: ScheduleRow[] = await m.query(
      `SELECT "decree_id", "version", "updated_by", "updated_at" FROM "schedules" WHERE "decree_id" = $1`,
      [decreeId],
    );
    return rows[0] ?? null;
  }

  async entries(m: EntityManager, decreeId: string): Promise<EntryRow[]> {
    return m.query(`SELECT ${ENTRY_COLUMNS} FROM "schedule_entries" WHERE "decree_id" = $1 ORDER BY "date", "start_time", "village_code"`, [
      decreeId,
    ]);
  }

  async versions(
    m: EntityManager,
    decreeId: string,
  ): Promise<Array<{ version: number; changed_by: string; changed_at: Date; reason: string | null; entries: EntryRow[] }>> {
    return m.query(
      `SELECT "version", "changed_by", "changed_at", "reason", "entries" FROM "schedule_versions" WHERE "decree_id" = $1 ORDER BY "version" DESC`,
      [decreeId],
    );
  }

  /** Recipients of the decree per village, those given up (NOT_PAID) not counted. */
  async recipientsByVillage(m: EntityManager, decreeId: string): Promise<Map<string | null, number>> {
    const rows: Array<{ village_code: string | null; n: number }> = await m.query(
      `SELECT "village_code", count(*) FILTER (WHERE "status" <> 'NOT_PAID')::int AS n FROM "decree_lines" WHERE "decree_id" = $1 GROUP BY "village_code"`,
      [decreeId],
    );
    return new Map(rows.map((r) => [r.village_code, r.n]));
  }

  /** The whole schedule replaced by `entries` as `version`, and that version kept in the history. */
  async replace(
    m: EntityManager,
    s: { decreeId: string; version: number; by: string; reason: string | null },
    entries: ScheduleEntryDto[],
  ): Promise<void> {
    await m.query(
      `INSERT INTO "schedules" ("decree_id", "version", "updated_by", "updated_at") VALUES ($1, $2, $3, now())
       ON CONFLICT ("decree_id") DO UPDATE SET "version" = EXCLUDED."version", "updated_by" = EXCLUDED."updated_by", "updated_at" = now()`,
      [s.decreeId, s.version, s.by],
    );
    await m.query(`DELETE FROM "schedule_entries" WHERE "decree_id" = $1`, [s.decreeId]);
    if (entries.length) {
      await m.query(
        `INSERT INTO "schedule_entries" ("decree_id", "village_code", "place", "date", "start_time", "end_time", "lurah_name", "lurah_note")
         SELECT $1, * FROM unnest($2::text[], $3::text[], $4::date[], $5::time[], $6::time[], $7::text[], $8::text[])`,
        [
          s.decreeId,
          entries.map((e) => e.villageCode),
          entries.map((e) => e.place.trim()),
          entries.map((e) => e.date),
          entries.map((e) => e.startTime),
          entries.map((e) => e.endTime),
          entries.map((e) => e.lurahName.trim()),
          entries.map((e) => e.lurahNote?.trim() || null),
        ],
      );
    }
    await m.query(
      `INSERT INTO "schedule_versions" ("decree_id", "version", "entries", "reason", "changed_by")
       SELECT $1, $2, coalesce((SELECT jsonb_agg(to_jsonb(e) ORDER BY e."date", e."startTime", e."villageCode")
                                 FROM (SELECT ${ENTRY_COLUMNS} FROM "schedule_entries" WHERE "decree_id" = $1) e), '[]'::jsonb), $3, $4`,
      [s.decreeId, s.version, s.reason, s.by],
    );
  }

  /**
   * The schedule of a ticket's village, for the public status page: the ticket's latest decree
   * line still to be handed over (not given up, no BAST yet) whose village is scheduled. Place
   * and time only: nothing of the recipient or anyone else.
   */
  async forTicket(
    m: EntityManager,
    ticketNumber: string,
  ): Promise<{ place: string; date: string; startTime: string; endTime: string } | null> {
    const rows = await m.query(
      `SELECT e."place", to_char(e."date", 'YYYY-MM-DD') AS "date", to_char(e."start_time", 'HH24:MI') AS "startTime", to_char(e."end_time", 'HH24:MI') AS "endTime"
         FROM "decree_lines" l
         JOIN "decrees" d ON d."id" = l."decree_id"
         JOIN "schedule_entries" e ON e."decree_id" = l."decree_id" AND e."village_code" = l."village_code"
        WHERE l."ticket_number" = $1 AND l."status" <> 'NOT_PAID'
          AND NOT EXISTS (SELECT 1 FROM "handovers" h WHERE h."decree_line_id" = l."id")
        ORDER BY d."issued_at" DESC LIMIT 1`,
      [ticketNumber],
    );
    return rows[0] ?? null;
  }
}
