import { Injectable } from '@nestjs/common';
import type pg from 'pg';
import { DEFAULT_MAX_DROP_PERCENT, type RegistrySettingsView } from '#contracts';
import { RegistryDb } from '../registry-db.js';

interface SettingsRow {
  agency_code: string;
  max_drop_percent: string;
  updated_by: string;
  updated_at: Date;
}

const SQL = {
  get: 'SELECT agency_code, max_drop_percent, updated_by, updated_at FROM registry_settings WHERE agency_code = $1',
  upsert: `INSERT INTO registry_settings (agency_code, max_drop_percent, updated_by, updated_at) VALUES ($1, $2, $3, now())
           ON CONFLICT (agency_code) DO UPDATE SET max_drop_percent = EXCLUDED.max_drop_percent, updated_by = EXCLUDED.updated_by, updated_at = now()
           RETURNING agency_code, max_drop_percent, updated_by, updated_at`,
} as const;

function view(agencyCode: string, r: SettingsRow | undefined): RegistrySettingsView {
  return r
    ? {
        agencyCode,
        maxDropPercent: Number(r.max_drop_percent),
        isDefault: false,
        updatedBy: r.updated_by,
        updatedAt: r.updated_at.toISOString(),
      }
    : { agencyCode, maxDropPercent: DEFAULT_MAX_DROP_PERCENT, isDefault: true, updatedBy: null, updatedAt: null };
}

/** An agency's registry settings (the drop guard's share), the installation's default where it set none. */
@Injectable()
export class RegistrySettingsRepository {
  constructor(private readonly db: RegistryDb) {}

  async get(agencyCode: string, client: Pick<pg.PoolClient, 'query'> = this.db.pool): Promise<RegistrySettingsView> {
    const { rows } = await client.query<SettingsRow>(SQL.get, [agencyCode]);
    return view(agencyCode, rows[0]);
  }

  /** Sets the share; returns the settings before and after (for the audit trail). */
  async setMaxDropPercent(
    agencyCode: string,
    maxDropPercent: number,
    by: string,
  ): Promise<{ before: RegistrySettingsView; after: RegistrySettingsView }> {
    return this.db.transaction(async (c) => {
      const before = await this.get(agencyCode, c);
      const { rows } = await c.query<SettingsRow>(SQL.upsert, [agencyCode, maxDropPercent, by]);
      return { before, after: view(agencyCode, rows[0]) };
    });
  }
}
