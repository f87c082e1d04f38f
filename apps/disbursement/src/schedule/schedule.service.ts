import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { Actor, PublicDistributionView, ReplaceScheduleRequest, ScheduleView } from '#contracts';
import { DomainError, requireCanChange, requireCovers, requireRole } from '#platform';
import { DecreeRepository, type DecreeRow } from '../decrees/decree.repository.js';
import { DisbursementError, DisbursementErrorCode } from '../disbursement.error.js';
import { checkSchedule, distributionLabel } from '../domain/schedule.js';
import { ScheduleRepository } from './schedule.repository.js';

/**
 * Who arranges the distribution with the lurah and records the schedule and the handovers: the
 * Dinas Sosial's officers in the field (verifier, treasurer) and the head. Seed 003: "Dinas Sosial
 * membuatkan jadwal penyaluran … melakukan penyaluran bantuan bekerja sama dengan lurah".
 */
export const DISTRIBUTION_ROLES = ['VERIFIER', 'FINANCE', 'HEAD'] as const;

/**
 * The distribution schedule (jadwal penyaluran) of a decree: place, date and time per village of
 * its recipients, arranged with the lurah. A PUT replaces the whole schedule as its next version
 * (the version seen is required: a change made meanwhile is a 409, not lost); every version is
 * kept whole in the history.
 */
@Injectable()
export class ScheduleService {
  constructor(
    private readonly ds: DataSource,
    private readonly decrees: DecreeRepository,
    private readonly schedules: ScheduleRepository,
  ) {}

  async view(actor: Actor, decreeId: string): Promise<ScheduleView> {
    const d = await this.decree(this.ds.manager, decreeId);
    requireCovers(actor, d.agency_code, 'this decree');
    return this.toView(this.ds.manager, d);
  }

  async replace(actor: Actor, decreeId: string, req: ReplaceScheduleRequest): Promise<{ before: ScheduleView; after: ScheduleView }> {
    requireRole(actor, ...DISTRIBUTION_ROLES);
    const before = await this.ds.transaction(async (m) => {
      // the decree's row lock: two officers saving at once save one after the other, the second told
      const d = await this.decree(m, decreeId, true);
      requireCanChange(actor, d.agency_code, 'this decree');
      const current = await this.schedules.get(m, decreeId);
      const seen = current?.version ?? 0;
      if (req.version !== seen) {
        throw new DisbursementError(
          DisbursementErrorCode.ScheduleChanged,
          `The schedule of decree ${d.decree_number} is at version ${seen} (changed by ${current?.updated_by ?? 'nobody'}); you saw version ${req.version}: reload it`,
          [{ path: 'version', message: `is ${seen} now` }],
        );
      }
      const villages = await this.schedules.recipientsByVillage(m, decreeId);
      const errors = checkSchedule(req.entries, {
        decreeDate: d.decree_date,
        recipientsByVillage: new Map([...villages].filter((v): v is [string, number] => v[0] !== null)),
      });
      if (errors.length) throw DomainError.validation(errors);
      const was = await this.toView(m, d);
      await this.schedules.replace(m, { decreeId, version: seen + 1, by: actor.username, reason: req.reason?.trim() || null }, req.entries);
      return was;
    });
    return { before, after: await this.view(actor, decreeId) };
  }

  /** The citizen's view of a ticket's schedule (no actor: the ticket is the key), or null. */
  async forTicket(ticketNumber: string): Promise<PublicDistributionView | null> {
    const e = await this.schedules.forTicket(this.ds.manager, ticketNumber);
    return e ? { ...e, label: distributionLabel(e) } : null;
  }

  private async decree(m: EntityManager, id: string, lock = false): Promise<DecreeRow> {
    const d = await this.decrees.get(m, id, lock);
    if (!d) throw new DisbursementError(DisbursementErrorCode.DecreeNotFound, `No decree ${id}`);
    return d;
  }

  private async toView(m: EntityManager, d: DecreeRow): Promise<ScheduleView> {
    const [row, entries, versions, villages] = await Promise.all([
      this.schedules.get(m, d.id),
      this.schedules.entries(m, d.id),
      this.schedules.versions(m, d.id),
      this.schedules.recipientsByVillage(m, d.id),
    ]);
    const scheduled = new Set(entries.map((e) => e.villageCode));
    return {
      decreeId: d.id,
      decreeNumber: d.decree_number,
      decreeDate: d.decree_date,
      agencyCode: d.agency_code,
      version: row?.version ?? 0,
      updatedBy: row?.updated_by ?? null,
      updatedAt: row?.updated_at.toISOString() ?? null,
      entries: entries.map((e) => ({ ...e, recipients: villages.get(e.villageCode) ?? 0 })),
      unscheduled: [...villages]
        .filter(([v, n]) => n > 0 && (v === null || !scheduled.has(v)))
        .map(([villageCode, recipients]) => ({ villageCode, recipients }))
        .sort((a, b) => String(a.villageCode).localeCompare(String(b.villageCode))),
      history: versions.map((v) => ({
        version: v.version,
        changedBy: v.changed_by,
        changedAt: v.changed_at.toISOString(),
        reason: v.reason,
        entries: v.entries,
      })),
    };
  }
}
