import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { ApplicationDossier, PoolItemView } from '#contracts';

export interface PoolRow {
  application_id: string;
  agency_code: string;
  service_code: string | null;
  case_id: string | null;
  ticket_number: string | null;
  target_group: string | null;
  nik: string | null;
  name: string | null;
  address: string | null;
  phone: string | null;
  village_code: string | null;
  bank_account: string | null;
  bank_name: string | null;
  status: 'ELIGIBLE' | 'PROPOSED' | 'DECREED';
  proposal_id: string | null;
  verified_at: Date;
  dossier_at: Date | null;
}

export function toPoolItemView(r: PoolRow): PoolItemView {
  return {
    applicationId: r.application_id,
    agencyCode: r.agency_code,
    serviceCode: r.service_code,
    ticketNumber: r.ticket_number,
    name: r.name,
    targetGroup: r.target_group,
    villageCode: r.village_code,
    status: r.status,
    proposalId: r.proposal_id,
    verifiedAt: r.verified_at.toISOString(),
    dossierReady: !!r.dossier_at,
  };
}

/**
 * The dossier as intake sends it, with what intake adds for disbursement (ticket, address and
 * phone, for the decree's attachment, the bank file and the BAST) read when present.
 */
// intake's dossier: ticket, address and phone included (the decree's attachment, the bank file, the BAST)
type Dossier = ApplicationDossier;

/** The SQL of the pool of verified applications waiting for (or in) a proposal. */
@Injectable()
export class PoolRepository {
  /** Verified applications enter the pool once; a redelivered or repeated decision changes nothing. */
  async admit(
    m: EntityManager,
    items: Array<{ applicationId: string; agencyCode: string | null; serviceCode: string | null; caseId: string | null; at: string }>,
  ) {
    if (!items.length) return 0;
    const rows: unknown[] = await m.query(
      `INSERT INTO "pool" ("application_id", "agency_code", "service_code", "case_id", "verified_at")
       SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[], $4::uuid[], $5::timestamptz[])
       ON CONFLICT ("application_id") DO NOTHING RETURNING "application_id"`,
      [
        items.map((i) => i.applicationId),
        items.map((i) => i.agencyCode ?? 'UNKNOWN'),
        items.map((i) => i.serviceCode),
        items.map((i) => i.caseId),
        items.map((i) => i.at),
      ],
    );
    return rows.length;
  }

  async awaitingDossier(m: EntityManager, limit: number, skip: string[]): Promise<string[]> {
    const rows: Array<{ application_id: string }> = await m.query(
      `SELECT "application_id" FROM "pool" WHERE "dossier_at" IS NULL AND "dossier_failed_at" IS NULL AND NOT ("application_id" = ANY($1::uuid[]))
        ORDER BY "verified_at" LIMIT ${Number(limit)}`,
      [skip],
    );
    return rows.map((r) => r.application_id);
  }

  /** Fills the pool rows from intake's dossiers: the recipient is the applicant (who holds the account). */
  async fill(m: EntityManager, dossiers: Dossier[]): Promise<void> {
    if (!dossiers.length) return;
    await m.query(
      `UPDATE "pool" p SET "agency_code" = d.ag, "service_code" = d.sv, "ticket_number" = d.tn, "target_group" = d.tg, "nik" = d.nik, "name" = d.nm,
          "address" = d.ad, "phone" = d.ph, "village_code" = d.vc, "kk_number" = d.kk, "birth_date" = d.bd, "sex" = d.sx, "dossier_at" = now()
        FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::text[],
                    $11::text[], $12::text[], $13::text[])
          AS d(id, ag, sv, tn, tg, nik, nm, ad, ph, vc, kk, bd, sx)
       WHERE p."application_id" = d.id`,
      [
        dossiers.map((d) => d.applicationId),
        dossiers.map((d) => d.agencyCode),
        dossiers.map((d) => d.serviceCode),
        dossiers.map((d) => d.ticketNumber ?? null),
        dossiers.map((d) => d.targetGroup ?? null),
        dossiers.map((d) => d.applicant.nik),
        dossiers.map((d) => d.applicant.name),
        dossiers.map((d) => d.applicant.address ?? null),
        dossiers.map((d) => d.applicant.phone ?? null),
        dossiers.map((d) => d.applicant.villageCode ?? null),
        // the account-opening list's family card, birth date and sex (issue 12's bank files)
        dossiers.map((d) => d.applicant.kkNumber ?? null),
        dossiers.map((d) => d.applicant.birthDate ?? null),
        dossiers.map((d) => d.applicant.sex ?? null),
      ],
    );
  }

  async markDossierMissing(m: EntityManager, ids: string[]): Promise<void> {
    if (ids.length) await m.query(`UPDATE "pool" SET "dossier_failed_at" = now() WHERE "application_id" = ANY($1::uuid[])`, [ids]);
  }

  async list(m: EntityManager, agencies: string[], f: { serviceCode?: string; status?: string; limit: number; offset: number }) {
    const where = `"agency_code" = ANY($1::text[]) AND ($2::text IS NULL OR "service_code" = $2) AND ($3::text IS NULL OR "status" = $3)`;
    const params = [agencies, f.serviceCode ?? null, f.status ?? null];
    const rows: PoolRow[] = await m.query(
      `SELECT * FROM "pool" WHERE ${where} ORDER BY "verified_at", "application_id" LIMIT ${f.limit} OFFSET ${f.offset}`,
      params,
    );
    const [{ n }] = await m.query(`SELECT count(*)::int AS n FROM "pool" WHERE ${where}`, params);
    return { rows, total: n as number };
  }

  /** The verified applications of a standard waiting in an agency's pool, their dossier in, oldest first. */
  async eligibleIds(m: EntityManager, agencyCode: string, serviceCode: string, limit: number): Promise<string[]> {
    const rows: Array<{ application_id: string }> = await m.query(
      `SELECT "application_id" FROM "pool" WHERE "agency_code" = $1 AND "service_code" = $2 AND "status" = 'ELIGIBLE' AND "dossier_at" IS NOT NULL
        ORDER BY "verified_at", "application_id" LIMIT ${Number(limit)}`,
      [agencyCode, serviceCode],
    );
    return rows.map((r) => r.application_id);
  }

  /** The rows named, locked for a proposal (FOR UPDATE: two officers cannot propose one application twice). */
  async lockForProposal(m: EntityManager, ids: string[]): Promise<PoolRow[]> {
    return m.query(`SELECT * FROM "pool" WHERE "application_id" = ANY($1::uuid[]) ORDER BY "application_id" FOR UPDATE`, [ids]);
  }

  async setStatus(m: EntityManager, ids: string[], status: PoolRow['status'], proposalId: string | null): Promise<void> {
    await m.query(`UPDATE "pool" SET "status" = $2, "proposal_id" = $3 WHERE "application_id" = ANY($1::uuid[])`, [
      ids,
      status,
      proposalId,
    ]);
  }
}
