import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';
import {
  benefitAmountView,
  StandardDefinition,
  validatePayload,
  type FieldError,
  type StandardVersionView,
  type StandardView,
} from '#contracts';
import { findAgency } from '#domain';
import { IntakeError, IntakeErrorCode } from '../applications/intake.error.js';
import { CATALOG_SEED } from './seed/standards.data.js';
import { checkStandardConsistency, deadlineLabel } from './standard.js';

/** One version of one agency's standard, as intake uses it. */
export interface StandardRecord {
  standardId: string;
  agencyCode: string;
  code: string;
  version: number;
  /** the standard is open for new filings (its current state, not this version's) */
  active: boolean;
  definition: StandardDefinition;
  createdAt: Date;
  createdBy: string;
  changeNote: string | null;
}

interface VersionRow {
  standard_id: string;
  agency_code: string;
  code: string;
  version: number;
  definition: StandardDefinition;
  active: boolean;
  standard_active: boolean;
  change_note: string | null;
  created_by: string;
  created_at: Date;
}

const key = (agencyCode: string, code: string) => `${agencyCode}|${code}`;

function toRecord(r: VersionRow): StandardRecord {
  return {
    standardId: r.standard_id,
    agencyCode: r.agency_code,
    code: r.code,
    version: r.version,
    active: r.standard_active,
    definition: r.definition,
    createdAt: r.created_at,
    createdBy: r.created_by,
    changeNote: r.change_note,
  };
}

/** Validates a standard as data: its shape (class-validator) and the agreement of its parts. */
export async function validateStandard(
  plain: unknown,
): Promise<{ ok: true; value: StandardDefinition } | { ok: false; errors: FieldError[] }> {
  const v = await validatePayload(StandardDefinition, plain);
  if (!v.ok) return v;
  const errors = checkStandardConsistency(v.value);
  return errors.length ? { ok: false, errors } : { ok: true, value: JSON.parse(JSON.stringify(v.value)) as StandardDefinition };
}

/**
 * The service catalog: standards per agency, versioned. An edit writes the next version and
 * moves `current_version`; an application keeps the version it was filed under, so versions
 * are never changed once written (and may be cached for good).
 */
@Injectable()
export class CatalogService implements OnModuleInit {
  private readonly log = new Logger('catalog');
  private readonly versions = new Map<string, StandardRecord>();

  constructor(private readonly ds: DataSource) {}

  /** Seeds the standards of ../shared/seeds (version 1) for agencies that do not have them yet. */
  async onModuleInit(): Promise<void> {
    for (const seed of CATALOG_SEED) {
      const v = await validateStandard(seed.definition);
      if (!v.ok)
        throw new Error(
          `the seeded standard ${seed.agencyCode}/${seed.definition.code} is invalid: ${v.errors.map((e) => `${e.path} ${e.message}`).join('; ')}`,
        );
      await this.ds.transaction(async (m) => {
        const id = randomUUID();
        const inserted: unknown[] = await m.query(
          `INSERT INTO "intake"."standards" ("id", "agency_code", "code", "current_version", "active") VALUES ($1, $2, $3, 1, true)
           ON CONFLICT ("agency_code", "code") DO NOTHING RETURNING 1`,
          [id, seed.agencyCode, v.value.code],
        );
        if (!inserted.length) return;
        await m.query(
          `INSERT INTO "intake"."standard_versions" ("standard_id", "version", "agency_code", "code", "definition", "active", "change_note", "created_by")
           VALUES ($1, 1, $2, $3, $4::jsonb, true, $5, 'system:seed')`,
          [id, seed.agencyCode, v.value.code, JSON.stringify(v.value), 'seeded from the published standar pelayanan'],
        );
        this.log.log(`seeded standard ${v.value.code} of agency ${seed.agencyCode}`);
      });
    }
  }

  /** The current versions of these (agency, service) pairs, keyed `agency|code`; one query for a whole batch. */
  async currentMany(
    pairs: Array<{ agencyCode: string; code: string }>,
    manager: EntityManager = this.ds.manager,
  ): Promise<Map<string, StandardRecord>> {
    const uniq = [...new Map(pairs.map((p) => [key(p.agencyCode, p.code), p])).values()];
    const out = new Map<string, StandardRecord>();
    if (!uniq.length) return out;
    const rows: VersionRow[] = await manager.query(
      `SELECT v.*, s."active" AS "standard_active"
         FROM unnest($1::text[], $2::text[]) AS p(agency_code, code)
         JOIN "intake"."standards" s ON s."agency_code" = p.agency_code AND s."code" = p.code
         JOIN "intake"."standard_versions" v ON v."standard_id" = s."id" AND v."version" = s."current_version"`,
      [uniq.map((p) => p.agencyCode), uniq.map((p) => p.code)],
    );
    for (const r of rows) out.set(key(r.agency_code, r.code), toRecord(r));
    return out;
  }

  async current(agencyCode: string, code: string, manager: EntityManager = this.ds.manager): Promise<StandardRecord | undefined> {
    return (await this.currentMany([{ agencyCode, code }], manager)).get(key(agencyCode, code));
  }

  /** A given version (cached: versions never change). Inside a transaction, pass its manager (see CalendarService.calendarFor). */
  async version(
    agencyCode: string,
    code: string,
    version: number,
    manager: EntityManager = this.ds.manager,
  ): Promise<StandardRecord | undefined> {
    const k = `${key(agencyCode, code)}|${version}`;
    const hit = this.versions.get(k);
    if (hit) return hit;
    const rows: VersionRow[] = await manager.query(
      `SELECT v.*, s."active" AS "standard_active" FROM "intake"."standard_versions" v JOIN "intake"."standards" s ON s."id" = v."standard_id"
        WHERE v."agency_code" = $1 AND v."code" = $2 AND v."version" = $3`,
      [agencyCode, code, version],
    );
    if (!rows.length) return undefined;
    const rec = toRecord(rows[0]);
    this.versions.set(k, rec);
    return rec;
  }

  /**
   * The version whose lifecycle moves an application: the one it was filed under, or the one a
   * migration gave its lifecycle (`lifecycleVersion`: issue 12's closed steps for applications
   * still open under an older version); the current one for applications older than versioning.
   */
  async forApplication(
    app: { agencyCode: string; serviceCode: string; standardVersion: number | null; lifecycleVersion?: number | null },
    manager: EntityManager = this.ds.manager,
  ): Promise<StandardRecord | undefined> {
    const v = app.lifecycleVersion ?? app.standardVersion;
    if (v != null) return this.version(app.agencyCode, app.serviceCode, v, manager);
    return this.current(app.agencyCode, app.serviceCode, manager);
  }

  /** Current versions, optionally of one agency and one code; closed ones only when asked. */
  async list(filter: { agencyCode?: string; code?: string; includeInactive?: boolean }): Promise<StandardRecord[]> {
    const rows: VersionRow[] = await this.ds.query(
      `SELECT v.*, s."active" AS "standard_active"
         FROM "intake"."standards" s
         JOIN "intake"."standard_versions" v ON v."standard_id" = s."id" AND v."version" = s."current_version"
        WHERE ($1::text IS NULL OR s."agency_code" = $1) AND ($2::text IS NULL OR s."code" = $2) AND ($3 OR s."active")
        ORDER BY s."agency_code", s."code"`,
      [filter.agencyCode ?? null, filter.code ?? null, filter.includeInactive ?? false],
    );
    return rows.map(toRecord);
  }

  async history(agencyCode: string, code: string): Promise<StandardVersionView[]> {
    const rows: VersionRow[] = await this.ds.query(
      `SELECT v.*, s."active" AS "standard_active" FROM "intake"."standard_versions" v JOIN "intake"."standards" s ON s."id" = v."standard_id"
        WHERE v."agency_code" = $1 AND v."code" = $2 ORDER BY v."version" DESC`,
      [agencyCode, code],
    );
    return rows.map((r) => ({
      version: r.version,
      createdAt: r.created_at.toISOString(),
      createdBy: r.created_by,
      changeNote: r.change_note,
      active: r.active,
      definition: r.definition,
    }));
  }

  /** A new standard of an agency, version 1. */
  async create(agencyCode: string, definition: StandardDefinition, actor: string, changeNote: string | null): Promise<StandardRecord> {
    const id = randomUUID();
    return this.ds.transaction(async (m) => {
      const inserted: unknown[] = await m.query(
        `INSERT INTO "intake"."standards" ("id", "agency_code", "code", "current_version", "active") VALUES ($1, $2, $3, 1, true)
         ON CONFLICT ("agency_code", "code") DO NOTHING RETURNING 1`,
        [id, agencyCode, definition.code],
      );
      if (!inserted.length) {
        throw new IntakeError(
          IntakeErrorCode.StandardExists,
          `Agency ${agencyCode} already has a standard ${definition.code}: edit it (PUT) for a new version`,
          [{ path: 'code', message: `code ${definition.code} exists in agency ${agencyCode}` }],
        );
      }
      await m.query(
        `INSERT INTO "intake"."standard_versions" ("standard_id", "version", "agency_code", "code", "definition", "active", "change_note", "created_by")
         VALUES ($1, 1, $2, $3, $4::jsonb, true, $5, $6)`,
        [id, agencyCode, definition.code, JSON.stringify(definition), changeNote, actor],
      );
      return (await this.currentMany([{ agencyCode, code: definition.code }], m)).get(key(agencyCode, definition.code))!;
    });
  }

  /** The next version of an agency's standard (the row lock orders concurrent edits). */
  async update(
    agencyCode: string,
    code: string,
    definition: StandardDefinition,
    active: boolean,
    actor: string,
    changeNote: string | null,
  ): Promise<StandardRecord> {
    return this.ds.transaction(async (m) => {
      const rows: Array<{ id: string; current_version: number }> = await m.query(
        `SELECT "id", "current_version" FROM "intake"."standards" WHERE "agency_code" = $1 AND "code" = $2 FOR UPDATE`,
        [agencyCode, code],
      );
      if (!rows.length) throw new IntakeError(IntakeErrorCode.StandardNotFound, `Agency ${agencyCode} has no standard ${code}`);
      const next = rows[0].current_version + 1;
      await m.query(
        `INSERT INTO "intake"."standard_versions" ("standard_id", "version", "agency_code", "code", "definition", "active", "change_note", "created_by")
         VALUES ($1, $2, $3, $4, $5::jsonb, $6, $7, $8)`,
        [rows[0].id, next, agencyCode, code, JSON.stringify(definition), active, changeNote, actor],
      );
      await m.query(`UPDATE "intake"."standards" SET "current_version" = $2, "active" = $3, "updated_at" = now() WHERE "id" = $1`, [
        rows[0].id,
        next,
        active,
      ]);
      return (await this.currentMany([{ agencyCode, code }], m)).get(key(agencyCode, code))!;
    });
  }
}

/** A standard as `GET /api/v1/services` shows it. */
export function toStandardView(r: StandardRecord): StandardView {
  return {
    ...r.definition,
    agencyCode: r.agencyCode,
    agencyName: findAgency(r.agencyCode)?.name ?? r.agencyCode,
    version: r.version,
    active: r.active,
    deadlineLabel: deadlineLabel(r.definition.deadline),
    publishedAt: r.createdAt.toISOString(),
    benefitAmount: benefitAmountView(r.definition),
  };
}
