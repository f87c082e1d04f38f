import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { SERVICE_NAMES, SERVICES, Subjects, subjectMatches, type Actor } from '#contracts';
import { OutboxService } from '#messaging';
import { AuditService } from '../../audit/audit.service.js';
import { GatewayError, GatewayErrorCode } from '../../common/errors/gateway-error.js';
import { RejectedMessageEntity } from '../rejected-message.entity.js';
import { rejectedScope } from '../rejected-scope.js';

/**
 * Subjects (and patterns) some service consumes: the only ones a replay can reach (and the
 * gateway may publish). An outside system's event is replayed on the subject it was stored on,
 * `sigap.from.<system>.…`, so it comes back as that system's, checked against its agencies.
 */
const REPLAYABLE = SERVICE_NAMES.flatMap((n) => SERVICES[n].consumers.map((c) => c.subject)).filter((s) => s !== Subjects.rejected);
const replayable = (subject: string) => REPLAYABLE.some((p) => subjectMatches(p, subject));

export interface ReplayResult {
  id: string;
  subject: string;
  /** the replay's own eventId; the rejected one is its `causationId` */
  eventId: string;
  replayCount: number;
}

/**
 * Publishes a rejected message again, as stored or corrected, through the outbox in the same
 * transaction as its replay count and audit entry. The replay gets a new eventId: consumers
 * recorded the rejected one in their inbox and would drop a message carrying it as a duplicate.
 */
@Injectable()
export class ReplayRejectedService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly outbox: OutboxService,
    private readonly audit: AuditService,
  ) {}

  async replay(actor: Actor, id: string, corrected: Record<string, unknown> | undefined, ip: string): Promise<ReplayResult> {
    return this.ds.transaction(async (m) => {
      const scope = rejectedScope(actor);
      const row = await m.createQueryBuilder(RejectedMessageEntity, 'r')
        .setLock('pessimistic_write')
        .where('r.id = :id', { id })
        .andWhere(scope.sql, scope.params)
        .getOne();
      if (!row) throw new GatewayError('NOT_FOUND', GatewayErrorCode.REJECTED_MESSAGE_NOT_FOUND, `No rejected message ${id}`);
      if (!replayable(row.subject)) {
        throw new GatewayError('CONFLICT', GatewayErrorCode.REJECTED_MESSAGE_NO_PAYLOAD, `Messages on ${row.subject} cannot be replayed: no service consumes that subject`);
      }
      const base = corrected ?? row.payload;
      if (!base || typeof base !== 'object' || Array.isArray(base)) {
        throw new GatewayError('VALIDATION', GatewayErrorCode.REJECTED_MESSAGE_NO_PAYLOAD, 'The stored payload is not a JSON object: send a corrected one', [
          { path: 'payload', message: 'payload is required for this message' },
        ]);
      }
      const { eventId: _old, correlationId, causationId: _c, ...rest } = base as Record<string, unknown>;
      const cause = {
        correlationId: typeof correlationId === 'string' && correlationId ? correlationId : (row.eventId ?? undefined),
        causationId: row.eventId ?? undefined,
      };
      const sent = await this.outbox.enqueue(m, row.subject, rest, cause);
      row.replayCount += 1;
      row.lastReplayedAt = new Date();
      row.lastReplayedBy = actor.username;
      await m.save(row);
      await this.audit.record(
        {
          actor,
          action: 'REJECTED_MESSAGE_REPLAYED',
          targetType: 'REJECTED_MESSAGE',
          targetId: row.id,
          targetLabel: row.subject,
          agencyCode: typeof rest.agencyCode === 'string' ? rest.agencyCode : null,
          // the payload holds personal data (NIK): the audit keeps only what identifies the replay
          after: { subject: row.subject, rejectedEventId: row.eventId, eventId: sent.eventId, corrected: corrected !== undefined, replayCount: row.replayCount },
          ip,
        },
        m,
      );
      return { id: row.id, subject: row.subject, eventId: sent.eventId, replayCount: row.replayCount };
    });
  }
}
