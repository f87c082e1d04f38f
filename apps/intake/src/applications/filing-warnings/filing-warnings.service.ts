import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { FilingWarning, FilingWarningsRequest } from '#contracts';
import { loadAreaIndex, type AreaIndex } from '#domain';
import { CatalogService } from '../../catalog/catalog.service.js';
import { nikDistrict, nikOutsideAgency } from './nik-area.js';

interface OpenRow {
  id: string;
  ticket_number: string | null;
  status: string;
  created_at: Date;
  applicant_nik: string | null;
  beneficiary_nik: string | null;
}

/**
 * Warnings at filing (issue 11), never refusals: the officer reads them and may file all the same.
 * - the same person (the form's applicant or beneficiary NIK, found as the applicant or the
 *   beneficiary) already has an open application of the same service at the agency: open is
 *   any status the standard does not mark terminal;
 * - the NIK was issued in a district outside the agency's area (a family that moved keeps its NIK).
 * The NIKs are looked up through the expression indexes of migration 1766500000000.
 */
@Injectable()
export class FilingWarningsService {
  private areas?: Promise<AreaIndex>;

  constructor(
    private readonly ds: DataSource,
    private readonly catalog: CatalogService,
  ) {}

  async check(req: FilingWarningsRequest): Promise<FilingWarning[]> {
    const warnings: FilingWarning[] = [];
    const forms: Array<{ path: FilingWarning['path']; nik: string }> = [];
    if (req.applicantNik) forms.push({ path: 'applicant.nik', nik: req.applicantNik });
    if (req.beneficiaryNik) forms.push({ path: 'beneficiary.nik', nik: req.beneficiaryNik });
    if (!forms.length) return warnings;

    const std = await this.catalog.current(req.agencyCode, req.serviceCode);
    const terminal = std?.definition.lifecycle.statuses.filter((s) => s.terminal).map((s) => s.code) ?? [
      'RETURNED',
      'REJECTED',
      'WITHDRAWN',
    ];
    const niks = [...new Set(forms.map((f) => f.nik))];
    const rows: OpenRow[] = await this.ds.query(
      `SELECT "id", "ticket_number", "status", "created_at", "applicant"->>'nik' AS applicant_nik, "beneficiary"->>'nik' AS beneficiary_nik
         FROM "intake"."applications"
        WHERE ("applicant"->>'nik' = ANY($3::text[]) OR "beneficiary"->>'nik' = ANY($3::text[]))
          AND "agency_code" = $1 AND "service_code" = $2 AND NOT ("status" = ANY($4::text[]))
        ORDER BY "created_at" DESC LIMIT 20`,
      [req.agencyCode, req.serviceCode, niks, terminal],
    );
    for (const f of forms) {
      const seen = new Set<string>();
      for (const r of rows) {
        const role = r.applicant_nik === f.nik ? 'applicant' : r.beneficiary_nik === f.nik ? 'beneficiary' : null;
        if (!role || seen.has(r.id)) continue;
        seen.add(r.id);
        warnings.push({
          code: 'OPEN_APPLICATION_SAME_SERVICE',
          path: f.path,
          application: {
            applicationId: r.id,
            ticketNumber: r.ticket_number,
            status: r.status,
            filedAt: new Date(r.created_at).toISOString(),
            role,
          },
        });
      }
    }
    for (const f of forms) {
      if (!nikOutsideAgency(f.nik, req.agencyCode)) continue;
      const code = nikDistrict(f.nik);
      this.areas ??= loadAreaIndex();
      const name = (await this.areas).name(code) ?? null;
      warnings.push({ code: 'NIK_OUTSIDE_AGENCY', path: f.path, district: { code, name } });
    }
    return warnings;
  }
}
