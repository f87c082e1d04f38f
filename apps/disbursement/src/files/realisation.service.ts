import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Actor, RealisationRowView, RealisationView, StoredFileView } from '#contracts';
import { agencyCovers, findAgency, loadAreaIndex, visibleAgencies, type AreaIndex } from '#domain';
import { requireCovers, requireRole } from '#platform';
import { writeRealisationXlsx } from '../documents/index.js';
import { DECREE_READERS } from './decree-files.service.js';
import { FileStore } from './file-store.js';
import { FilesRepository } from './files.repository.js';

type Figures = { committed: string; paid: string; returned: string; remaining: string };

function sum(rows: Array<{ committed: string; paid: string; returned: string }>): Figures {
  let c = 0n;
  let p = 0n;
  let r = 0n;
  for (const x of rows) {
    c += BigInt(x.committed);
    p += BigInt(x.paid);
    r += BigInt(x.returned);
  }
  return { committed: c.toString(), paid: p.toString(), returned: r.toString(), remaining: (c - p - r).toString() };
}

/**
 * The realisation report (realisasi) of a fiscal year: per budget line, programme, village and
 * month of the decree, what was decreed (committed), paid, given up (returned) and what remains.
 * A province's Dinas Sosial asking for itself gets its regencies' rows too (the roll-up).
 */
@Injectable()
export class RealisationService {
  private areas?: Promise<AreaIndex>;

  constructor(
    private readonly ds: DataSource,
    private readonly files: FilesRepository,
    private readonly store: FileStore,
  ) {}

  async view(actor: Actor, fiscalYear: number, agencyCode?: string): Promise<RealisationView> {
    requireRole(actor, ...DECREE_READERS);
    let agencies = visibleAgencies(actor);
    if (agencyCode) {
      requireCovers(actor, agencyCode);
      agencies = agencies.filter((a) => agencyCovers(agencyCode, a));
    }
    const areas = await (this.areas ??= loadAreaIndex().catch((e: unknown) => {
      this.areas = undefined;
      throw e;
    }));
    const sql = await this.files.realisation(this.ds.manager, fiscalYear, agencies);
    const rows: RealisationRowView[] = sql.map((r) => ({
      agencyCode: r.agency_code,
      budgetLineId: r.budget_line_id,
      budgetLine: r.budget_line,
      source: r.source,
      programme: r.programme,
      areaCode: r.area_code,
      areaName: r.area_code ? (areas.name(r.area_code) ?? null) : null,
      month: r.month,
      committed: r.committed,
      paid: r.paid,
      returned: r.returned,
      remaining: (BigInt(r.committed) - BigInt(r.paid) - BigInt(r.returned)).toString(),
    }));
    const present = [...new Set(rows.map((r) => r.agencyCode))];
    return {
      fiscalYear,
      agencyCode: agencyCode ?? null,
      agencies,
      rows,
      byAgency: present.map((a) => ({ agencyCode: a, ...sum(rows.filter((r) => r.agencyCode === a)) })),
      total: sum(rows),
    };
  }

  /** The same report as XLSX (sheet Realisasi: subtotals per budget line, JUMLAH at the end). */
  async xlsx(actor: Actor, fiscalYear: number, agencyCode: string | undefined): Promise<StoredFileView> {
    const v = await this.view(actor, fiscalYear, agencyCode);
    const named = agencyCode ?? actor.agencyCode;
    const agencyName = findAgency(named)?.name ?? named;
    const today = await this.files.today(this.ds.manager);
    const several = new Set(v.rows.map((r) => r.agencyCode)).size > 1;
    const file = await this.store.write((out) =>
      writeRealisationXlsx(
        {
          agencyName,
          fiscalYear,
          asOf: today,
          rows: v.rows.map((r) => ({
            // a province's roll-up names each regency's line with its agency
            budgetLine: several ? `${r.agencyCode} ${r.budgetLine}` : r.budgetLine,
            source: r.source,
            programme: r.programme,
            areaCode: r.areaCode,
            areaName: r.areaName ?? undefined,
            month: r.month,
            committed: r.committed,
            paid: r.paid,
            returned: r.returned,
          })),
        },
        out,
      ),
    );
    return {
      ...file,
      fileName: `Realisasi-${fiscalYear}-${named}.xlsx`,
      contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      agencyCode: named,
      label: `Realisasi ${fiscalYear}`,
      count: v.rows.length,
      total: v.total.committed,
    };
  }
}
