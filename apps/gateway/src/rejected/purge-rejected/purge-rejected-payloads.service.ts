import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditService } from '../../audit/audit.service.js';
import { GatewayConfig } from '../../config/gateway.config.js';

/** Rows a single statement purges: short transactions, however far behind the purge is. */
const CHUNK = 5000;

/**
 * Takes the payload (personal data) out of rejected messages older than the installation's
 * retention period (SIGAP_REJECTED_RETENTION_DAYS, 30 days by default): the row stays, with its
 * subject, errors and replay history, and says when its payload went. The stream
 * SIGAP_REJECTED_DETAIL forgets its copies after the same period (provisioning sets its max age).
 */
@Injectable()
export class PurgeRejectedPayloadsService {
  private readonly log = new Logger('rejected-purge');

  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly config: GatewayConfig,
    private readonly audit: AuditService,
  ) {}

  /** Purges what is past the period; returns how many payloads it took out. */
  async run(): Promise<number> {
    const days = this.config.SIGAP_REJECTED_RETENTION_DAYS;
    let total = 0;
    for (;;) {
      const n = await this.ds.transaction(async (m) => {
        // a SELECT around the UPDATE: TypeORM answers a bare UPDATE with [rows, count]
        const rows: Array<{ id: string }> = await m.query(
          `WITH purged AS (
             UPDATE "gateway"."rejected_messages" SET "payload" = NULL, "cause" = NULL, "payload_purged_at" = now()
              WHERE "id" IN (SELECT "id" FROM "gateway"."rejected_messages"
                              WHERE "payload_purged_at" IS NULL AND "received_at" < now() - make_interval(days => $1)
                              LIMIT $2 FOR UPDATE SKIP LOCKED)
              RETURNING "id")
           SELECT "id" FROM purged`,
          [days, CHUNK],
        );
        if (rows.length) {
          await this.audit.record(
            {
              actor: null,
              action: 'REJECTED_PAYLOADS_PURGED',
              targetType: 'REJECTED_MESSAGE',
              targetLabel: `${rows.length} rejected messages`,
              after: { purged: rows.length, retentionDays: days, ids: rows.slice(0, 100).map((r) => r.id) },
            },
            m,
          );
        }
        return rows.length;
      });
      total += n;
      if (n < CHUNK) break;
    }
    if (total) this.log.log(`purged the payload of ${total} rejected messages older than ${days} days`);
    return total;
  }
}
