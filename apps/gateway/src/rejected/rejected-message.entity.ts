import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { FieldError } from '#contracts';

/** A message some consumer refused (`sigap.rejected`), kept for an admin to inspect and replay. */
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

  @Column({ type: 'jsonb', nullable: true })
  payload!: unknown;

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
