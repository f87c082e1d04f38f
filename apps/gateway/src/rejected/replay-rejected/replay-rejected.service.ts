import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { REJECTION_SUBJECTS, SERVICE_NAMES, SERVICES, subjectMatches, type Actor } from '#contracts';
import { OutboxService } from '#messaging';
import { requireCanChange, requireOperator } from '#platform';
import { AuditService } from '../../audit/audit.service.js';
import { GatewayError, GatewayErrorCode } from '../../common/errors/gateway-error.js';
import { RejectedMessageEntity } from '../rejected-message.entity.js';
import { isInternalSubject, ownerOfCode, rejectedOwner, rejectedScope } from '../rejected-scope.js';
import { Clock } from '../../config/clock.js';

/**
 * Subjects (and patterns) some service consumes: the only ones a replay can reach (and the
 * gateway may publish). An outside system's event is replayed on the subject it was stored on,
 * `sigap.from.<system>.…`, so it comes back as that system's, checked against its agencies.
 */
const REPLAYABLE = SERVICE_NAMES.flatMap((n) => SERVICES[n].consumers.map((c) => c.subject)).filter((s) => !REJECTION_SUBJECTS.includes(s));
const replayable = (subject: string) => !REJECTION_SUBJECTS.includes(subject) && REPLAYABLE.some((p) => subjectMatches(p, subject));

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
 * The caller must be able to change the agency the message belongs to, as stored and as
 * corrected (a message is not moved into an agency the caller does not change); a message of
 * no agency is the operator's. A service's own event is replayed as stored, never corrected.
 */
@Injectable()
export class ReplayRejectedService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly outbox: OutboxService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async replay(actor: Actor, id: string, corrected: Record<string, unknown> | undefined, ip: string): Promise<ReplayResult> {
    return this.ds.transaction(async (m) => {
      const scope = rejectedScope(actor);
      const row = await m
        .createQueryBuilder(RejectedMessageEntity, 'r')
        .setLock('pessimistic_write')
        .where('r.id = :id', { id })
        .andWhere(scope.sql, scope.params)
        .getOne();
      if (!row) throw new GatewayError('NOT_FOUND', GatewayErrorCode.REJECTED_MESSAGE_NOT_FOUND, `No rejected message ${id}`);
      if (!replayable(row.subject)) {
        throw new GatewayError(
          'CONFLICT',
          GatewayErrorCode.REJECTED_MESSAGE_NO_PAYLOAD,
          `Messages on ${row.subject} cannot be replayed: no service consumes that subject`,
        );
      }
      requireMayReplayInto(actor, ownerOfCode(row.agencyCode), 'this message');
      if (corrected !== undefined && isInternalSubject(row.subject)) {
        throw new GatewayError(
          'VALIDATION',
          GatewayErrorCode.REJECTED_MESSAGE_INTERNAL,
          `${row.subject} is a Sigap service's own event: it is replayed as stored, never corrected`,
          [{ path: 'payload', message: `payload must be left out: a message on ${row.subject} is replayed as stored` }],
        );
      }
      if (corrected !== undefined) requireMayReplayInto(actor, rejectedOwner(corrected), 'the corrected message');
      const base = corrected ?? row.payload;
      if ((!base || typeof base !== 'object' || Array.isArray(base)) && isInternalSubject(row.subject)) {
        throw new GatewayError(
          'CONFLICT',
          GatewayErrorCode.REJECTED_MESSAGE_NO_PAYLOAD,
          `The stored message on ${row.subject} is not a JSON object: there is nothing to replay`,
        );
      }
      if (!base || typeof base !== 'object' || Array.isArray(base)) {
        throw new GatewayError(
          'VALIDATION',
          GatewayErrorCode.REJECTED_MESSAGE_NO_PAYLOAD,
          'The stored payload is not a JSON object: send a corrected one',
          [{ path: 'payload', message: 'payload is required for this message' }],
        );
      }
      const { eventId: _old, correlationId, causationId: _c, ...rest } = base as Record<string, unknown>;
      const cause = {
        correlationId: typeof correlationId === 'string' && correlationId ? correlationId : (row.eventId ?? undefined),
        causationId: row.eventId ?? undefined,
      };
      const sent = await this.outbox.republish(m, { subject: row.subject, payload: rest, cause });
      row.replayCount += 1;
      row.lastReplayedAt = this.clock.now();
      row.lastReplayedBy = actor.username;
      await m.save(row);
      await this.audit.record(
        {
          actor,
          action: 'REJECTED_MESSAGE_REPLAYED',
          targetType: 'REJECTED_MESSAGE',
          targetId: row.id,
          targetLabel: row.subject,
          // a message of no agency is the operator's: its replay is in the operator's agency's trail
          agencyCode: rejectedOwner(rest) ?? actor.agencyCode,
          // the payload holds personal data (NIK): the audit keeps only what identifies the replay
          after: {
            subject: row.subject,
            rejectedEventId: row.eventId,
            eventId: sent.eventId,
            corrected: corrected !== undefined,
            replayCount: row.replayCount,
          },
          ip,
        },
        m,
      );
      return { id: row.id, subject: row.subject, eventId: sent.eventId, replayCount: row.replayCount };
    });
  }
}

/** The caller changes the agency a message belongs to; a message of no agency is the operator's. */
function requireMayReplayInto(actor: Actor, owner: string | null, what: string): void {
  if (owner === null) requireOperator(actor, `replay ${what}: it belongs to no agency`);
  else requireCanChange(actor, owner, what);
}
