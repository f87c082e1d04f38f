import { Injectable } from '@nestjs/common';
import { Subjects, type RegistryImportFinishedEvent } from '#contracts';
import { OutboxService, type SqlClient } from '#messaging';
import { maskNiksInText } from '#domain';

type Counts = { read: number; accepted: number; rejected: number };

/** Tells the importing agency (and the department system that announced the file) how an import ended. */
@Injectable()
export class ImportFinishedAnnouncer {
  constructor(private readonly outbox: OutboxService) {}

  /** `…registry.import.finished.v1` through the outbox, in the caller's transaction. */
  async announceFinished(
    client: SqlClient,
    f: Omit<RegistryImportFinishedEvent, 'eventId' | 'occurredAt' | 'rowsRead' | 'rowsAccepted' | 'rowsRejected'> & Counts,
  ): Promise<void> {
    const { read, accepted, rejected, ...rest } = f;
    // outside systems read it: an error text that quoted a row's NIK or KK shows its last 4 digits only
    const payload = {
      ...rest,
      failure: rest.failure ? maskNiksInText(rest.failure) : null,
      rowsRead: read,
      rowsAccepted: accepted,
      rowsRejected: rejected,
    };
    const cause = f.sourceEventId ? { correlationId: f.sourceEventId, causationId: f.sourceEventId } : undefined;
    await this.outbox.enqueueOn(client, [{ subject: Subjects.verificationRegistryImportFinished, payload, cause }]);
  }
}
