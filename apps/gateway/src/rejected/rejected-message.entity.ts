import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { FieldError } from '#contracts';

/**
 * A message some consumer refused (`sigap.rejected.detail`), kept for an admin to inspect and
 * replay. Its payload is personal data: purged after the installation's retention period.
 */
@Entity({ name: 'rejected_messages', schema: 'gateway' })
@Index('rejected_messages_subject_rejected_at_idx', ['subject', 'rejectedAt'])
@Index('rejected_messages_rejected_at_idx', ['rejectedAt'])
@Index('rejected_messages_event_id_idx', ['eventId'])
export class RejectedMessageEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  /** the refused message's own eventId (null when it had none or was not JSON) */
  @Column({ name: 'event_id', type: 'varchar', length: 100, nullable: true })
  eventId!: string | null;

  @Column({ type: 'varchar', length: 200 })
  subject!: string;

  @Column({ type: 'jsonb' })
  errors!: FieldError[];

  @Column({ type: 'varchar', length: 40, nullable: true })
  reason!: string | null;

  @Column({ type: 'varchar', length: 100, nullable: true })
  consumer!: string | null;

  /** null once purged (`payloadPurgedAt`), or when the message had none usable */
  @Column({ type: 'jsonb', nullable: true })
  payload!: unknown;

  /** the internal error behind a RETRIES_EXHAUSTED, for the admin only; purged with the payload */
  @Column({ type: 'text', nullable: true })
  cause!: string | null;

  /** where the original message is stored (stream and sequence) */
  @Column({ type: 'jsonb', nullable: true })
  source!: { stream: string; sequence: number } | null;

  /** the agency code the payload named (agencyCode, or regencyCode), kept when the payload is purged: who may see the row */
  @Column({ name: 'agency_code', type: 'varchar', length: 40, nullable: true })
  agencyCode!: string | null;

  @Column({ name: 'payload_purged_at', type: 'timestamptz', nullable: true })
  payloadPurgedAt!: Date | null;

  @Column({ name: 'rejected_at', type: 'timestamptz' })
  rejectedAt!: Date;

  @Column({ name: 'received_at', type: 'timestamptz', default: () => 'now()' })
  receivedAt!: Date;

  @Column({ name: 'replay_count', type: 'int', default: 0 })
  replayCount!: number;

  @Column({ name: 'last_replayed_at', type: 'timestamptz', nullable: true })
  lastReplayedAt!: Date | null;

  @Column({ name: 'last_replayed_by', type: 'varchar', length: 64, nullable: true })
  lastReplayedBy!: string | null;
}
