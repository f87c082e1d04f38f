import { Injectable, Logger } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { Subjects } from '#contracts';
import { OutboxService, type Causation, type OutgoingEvent } from '#messaging';
import { CatalogService } from '../../catalog/catalog.service.js';
import { checkTransition, stopsClock, type TransitionActor, type TransitionCheck } from '../../catalog/standard.js';
import { statusChangedPayload } from '../status-changed/status-changed.payload.js';

export interface TransitionRequest {
  applicationId: string;
  to: string;
  actor: TransitionActor;
  /** kept in the history: a staff username, or `system:<service>` */
  actorName: string;
  reason?: string | null;
  publicReason?: string | null;
  cause?: Causation;
  /** apply only from these statuses, silently skip otherwise (a step an event implies, e.g. IN_VERIFICATION before a decision) */
  onlyFrom?: string[];
}

export type TransitionOutcome =
  | { ok: true; applicationId: string; from: string; to: string }
  | { ok: false; applicationId: string; reason: 'NOT_FOUND' | 'UNKNOWN_STATUS' | 'SKIPPED'; message: string }
  | ({ applicationId: string } & Extract<TransitionCheck, { ok: false }>);

interface AppRow {
  id: string;
  ticket_number: string | null;
  agency_code: string;
  service_code: string;
  standard_version: number | null;
  lifecycle_version: number | null;
  channel: string;
  status: string;
  due_at: Date | null;
  clock_stopped_at: Date | null;
}

/**
 * Moves applications along the lifecycle of the standard version they were filed under:
 * staff through the gateway, other services through their events. The rows are locked
 * (`FOR UPDATE`) so concurrent transitions of one application apply one after the other and
 * the second sees the first's status; each accepted transition is a history row (who, when,
 * from, to, why) and a `sigap.intake.application.status-changed.v1` in the same transaction.
 * Requests are applied in order, so one batch may move an application twice.
 */
@Injectable()
export class TransitionHandler {
  private readonly log = new Logger('transition');

  constructor(
    private readonly outbox: OutboxService,
    private readonly catalog: CatalogService,
  ) {}

  async applyMany(manager: EntityManager, requests: TransitionRequest[], now: Date): Promise<TransitionOutcome[]> {
    if (!requests.length) return [];
    const ids = [...new Set(requests.map((r) => r.applicationId))].sort();
    const rows: AppRow[] = await manager.query(
      `SELECT "id", "ticket_number", "agency_code", "service_code", "standard_version", "lifecycle_version", "channel", "status", "due_at", "clock_stopped_at"
         FROM "intake"."applications" WHERE "id" = ANY($1::uuid[]) ORDER BY "id" FOR UPDATE`,
      [ids],
    );
    const apps = new Map(rows.map((r) => [r.id, { ...r }]));
    const changed = new Set<string>();
    const history: Array<{ id: string; from: string; to: string; reason: string | null; publicReason: string | null; actor: string }> = [];
    const events: OutgoingEvent[] = [];
    const outcomes: TransitionOutcome[] = [];
    const at = now.toISOString();

    for (const req of requests) {
      const app = apps.get(req.applicationId);
      if (!app) {
        outcomes.push({ ok: false, applicationId: req.applicationId, reason: 'NOT_FOUND', message: `No application ${req.applicationId}` });
        continue;
      }
      if (req.onlyFrom && !req.onlyFrom.includes(app.status)) {
        outcomes.push({
          ok: false,
          applicationId: app.id,
          reason: 'SKIPPED',
          message: `${app.status} is not one of ${req.onlyFrom.join(', ')}`,
        });
        continue;
      }
      const std = await this.catalog.forApplication(
        {
          agencyCode: app.agency_code,
          serviceCode: app.service_code,
          standardVersion: app.standard_version,
          lifecycleVersion: app.lifecycle_version,
        },
        manager,
      );
      if (!std) {
        outcomes.push({
          ok: false,
          applicationId: app.id,
          reason: 'NOT_FOUND',
          message: `No standard ${app.service_code} of agency ${app.agency_code}`,
        });
        continue;
      }
      const def = std.definition;
      if (!def.lifecycle.statuses.some((s) => s.code === req.to)) {
        outcomes.push({
          ok: false,
          applicationId: app.id,
          reason: 'UNKNOWN_STATUS',
          message: `${def.code} has no status ${req.to}: its statuses are ${def.lifecycle.statuses.map((s) => s.code).join(', ')}`,
        });
        continue;
      }
      const check = checkTransition(def, app, req.to, req.actor, req.reason);
      if (!check.ok) {
        outcomes.push({ applicationId: app.id, ...check });
        continue;
      }
      const from = app.status;
      app.status = req.to;
      if (!app.clock_stopped_at && stopsClock(def, req.to)) app.clock_stopped_at = now;
      changed.add(app.id);
      history.push({
        id: app.id,
        from,
        to: req.to,
        reason: req.reason ?? null,
        publicReason: req.publicReason ?? null,
        actor: req.actorName,
      });
      events.push({
        subject: Subjects.intakeApplicationStatusChanged,
        cause: req.cause,
        // outside systems read it: the public reason only, no staff username (the history keeps both)
        payload: statusChangedPayload({
          applicationId: app.id,
          ticketNumber: app.ticket_number,
          agencyCode: app.agency_code,
          serviceCode: app.service_code,
          from,
          to: req.to,
          publicReason: req.publicReason ?? null,
          actorName: req.actorName,
          dueAt: app.clock_stopped_at ? null : (app.due_at?.toISOString() ?? null),
          standardVersion: app.standard_version ?? std.version,
        }),
      });
      outcomes.push({ ok: true, applicationId: app.id, from, to: req.to });
    }

    if (changed.size) {
      const list = [...changed].map((id) => apps.get(id)!);
      await manager.query(
        `UPDATE "intake"."applications" a SET "status" = t.st, "clock_stopped_at" = t.cs, "updated_at" = $4::timestamptz
           FROM unnest($1::uuid[], $2::text[], $3::timestamptz[]) AS t(id, st, cs) WHERE a."id" = t.id`,
        [list.map((a) => a.id), list.map((a) => a.status), list.map((a) => a.clock_stopped_at?.toISOString() ?? null), at],
      );
      await manager.query(
        `INSERT INTO "intake"."application_history" ("application_id", "from_status", "to_status", "reason", "public_reason", "actor", "at")
         SELECT id, fr, tt, rs, pr, ac, $7::timestamptz FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[]) AS t(id, fr, tt, rs, pr, ac)`,
        [
          history.map((h) => h.id),
          history.map((h) => h.from),
          history.map((h) => h.to),
          history.map((h) => h.reason),
          history.map((h) => h.publicReason),
          history.map((h) => h.actor),
          at,
        ],
      );
      await this.outbox.enqueueMany(manager, events);
    }
    return outcomes;
  }

  /** For event consumers: what did not apply is logged, never retried (a late or repeated event changes nothing). */
  logSkipped(source: string, outcomes: TransitionOutcome[]): void {
    for (const o of outcomes) {
      if (o.ok || ('reason' in o && o.reason === 'SKIPPED')) continue;
      this.log.log(`${source}: application ${o.applicationId} not moved: ${o.message}`);
    }
  }
}
