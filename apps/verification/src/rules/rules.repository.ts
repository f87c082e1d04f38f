import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { EligibilityRulesView } from '#contracts';
import { ruleLayers } from '../domain/agencies.js';
import { DEFAULT_ELIGIBILITY, type EligibilitySettings } from '../domain/eligibility.js';

type Sql = Pick<EntityManager, 'query'>;

export interface RulesRow {
  agency_code: string;
  service_code: string;
  version: number;
  settings: EligibilitySettings;
  updated_by: string;
  updated_at: Date;
}

const SQL = {
  seed: `INSERT INTO eligibility_rules (agency_code, service_code, version, settings, updated_by) VALUES ('*', $1, 1, $2, 'seed') ON CONFLICT DO NOTHING`,
  inForce: `SELECT DISTINCT ON (agency_code) * FROM eligibility_rules WHERE service_code = $1 AND agency_code = ANY($2::text[])
             ORDER BY agency_code, version DESC`,
  services: `SELECT DISTINCT service_code FROM eligibility_rules WHERE agency_code = ANY($1::text[]) ORDER BY service_code`,
  versions: `SELECT * FROM eligibility_rules WHERE service_code = $1 AND agency_code = ANY($2::text[]) ORDER BY updated_at DESC, version DESC`,
  insertVersion: `INSERT INTO eligibility_rules (agency_code, service_code, version, settings, updated_by)
                  SELECT $1, $2, coalesce(max(version), 0) + 1, $3, $4 FROM eligibility_rules WHERE agency_code = $1 AND service_code = $2
                  RETURNING *`,
  firstVersion: `INSERT INTO eligibility_rules (agency_code, service_code, version, settings, updated_by)
                 SELECT $1, $2, 1, $3, $4
                  WHERE NOT EXISTS (SELECT 1 FROM eligibility_rules WHERE service_code = $2 AND agency_code = ANY($5::text[]))
                 ON CONFLICT DO NOTHING`,
} as const;

export function rulesView(r: RulesRow): EligibilityRulesView {
  return {
    serviceCode: r.service_code,
    agencyCode: r.agency_code,
    version: r.version,
    settings: r.settings,
    updatedBy: r.updated_by,
    updatedAt: new Date(r.updated_at).toISOString(),
  };
}

/**
 * The eligibility settings: one row per version, per agency (`*`: the installation's, seeded from
 * the standards of the seeds) and service. The newest version of the most specific layer is the
 * one in force; it alone is applied, and it is what the rules page shows.
 */
@Injectable()
export class RulesRepository {
  constructor(private readonly ds: DataSource) {}

  /** The seeds' settings, once: afterwards they are an admin's to change. */
  async seedDefaults(): Promise<void> {
    for (const [code, settings] of Object.entries(DEFAULT_ELIGIBILITY)) await this.ds.query(SQL.seed, [code, JSON.stringify(settings)]);
  }

  /** The newest version of the most specific settings of a service for an agency (its own, its province's, `*`). */
  async inForce(serviceCode: string, agencyCode: string, m: Sql = this.ds): Promise<RulesRow | null> {
    const layers = ruleLayers(agencyCode);
    const rows: RulesRow[] = await m.query(SQL.inForce, [serviceCode, layers]);
    return layers.map((a) => rows.find((r) => r.agency_code === a)).find((r) => r) ?? null;
  }

  /** The services that have settings bearing on an agency. */
  async servicesOf(agencyCode: string): Promise<string[]> {
    const rows: Array<{ service_code: string }> = await this.ds.query(SQL.services, [ruleLayers(agencyCode)]);
    return rows.map((r) => r.service_code);
  }

  /** Every version bearing on an agency, newest first. */
  versions(serviceCode: string, agencyCode: string): Promise<RulesRow[]> {
    return this.ds.query(SQL.versions, [serviceCode, ruleLayers(agencyCode)]);
  }

  async addVersion(agencyCode: string, serviceCode: string, settings: EligibilitySettings, by: string): Promise<RulesRow> {
    const [row] = await this.ds.query(SQL.insertVersion, [agencyCode, serviceCode, JSON.stringify(settings), by]);
    return row;
  }

  /**
   * The first version of an agency's settings of a service nobody has settings for, taken from
   * its standard's seed data (in the transaction that opens the agency's first case of it).
   */
  async seedFirstVersion(m: Sql, agencyCode: string, serviceCode: string, settings: EligibilitySettings, by: string): Promise<void> {
    await m.query(SQL.firstVersion, [agencyCode, serviceCode, JSON.stringify(settings), by, ruleLayers(agencyCode)]);
  }
}
