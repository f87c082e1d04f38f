import type { MigrationInterface, QueryRunner } from 'typeorm';
import { schemaOf } from '#persistence';
import { ruleLayers } from '../domain/agencies.js';
import { fromStandard, type EligibilitySettings } from '../domain/eligibility.js';

const BY = 'migration:standard-eligibility';

/** Key order does not make two settings different. */
function canonical(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`;
  if (v && typeof v === 'object')
    return `{${Object.keys(v)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical((v as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  return JSON.stringify(v ?? null);
}

/**
 * Eligibility has one owner (issue 10): verification's versioned settings. Until now the
 * standard's `eligibility` object, copied onto each case from intake's event, was layered over
 * them, so what an admin set on the rules page could be silently overridden. What was applied
 * is kept: for each agency and service whose cases carried standard words that changed the
 * settings in force, those layered settings become the agency's own next version (by
 * `migration:standard-eligibility`, so the page shows them and where they came from). Then the
 * copy on the cases goes. `down` puts the column back empty and removes those versions.
 */
export class EligibilityOneOwner1766200000000 implements MigrationInterface {
  name = 'EligibilityOneOwner1766200000000';

  async up(q: QueryRunner): Promise<void> {
    const s = schemaOf(q);
    const used: Array<{ agency_code: string; service_code: string; eligibility: Record<string, unknown> }> = await q.query(
      `SELECT DISTINCT ON (agency_code, service_code) agency_code, service_code, eligibility
         FROM "${s}"."cases" WHERE eligibility IS NOT NULL ORDER BY agency_code, service_code, opened_at DESC`,
    );
    for (const u of used) {
      const layers = ruleLayers(u.agency_code);
      const rows: Array<{ agency_code: string; settings: EligibilitySettings }> = await q.query(
        `SELECT DISTINCT ON (agency_code) agency_code, settings FROM "${s}"."eligibility_rules"
          WHERE service_code = $1 AND agency_code = ANY($2::text[]) ORDER BY agency_code, version DESC`,
        [u.service_code, layers],
      );
      const inForce = layers.map((a) => rows.find((r) => r.agency_code === a)).find((r) => r)?.settings;
      const applied = { fieldStages: [], ...(inForce ?? {}), ...fromStandard(u.eligibility) };
      if (inForce && canonical(applied) === canonical(inForce)) continue;
      await q.query(
        `INSERT INTO "${s}"."eligibility_rules" (agency_code, service_code, version, settings, updated_by)
         SELECT $1, $2, coalesce(max(version), 0) + 1, $3, $4 FROM "${s}"."eligibility_rules" WHERE agency_code = $1 AND service_code = $2`,
        [u.agency_code, u.service_code, JSON.stringify(applied), BY],
      );
    }
    await q.query(`ALTER TABLE "${s}"."cases" DROP COLUMN "eligibility"`);
  }

  async down(q: QueryRunner): Promise<void> {
    const s = schemaOf(q);
    await q.query(`ALTER TABLE "${s}"."cases" ADD COLUMN "eligibility" jsonb`);
    await q.query(`DELETE FROM "${s}"."eligibility_rules" WHERE updated_by = $1`, [BY]);
  }
}
