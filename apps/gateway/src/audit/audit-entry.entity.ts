import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** One change to an account or a login outcome. Append-only: a trigger refuses UPDATE and DELETE. */
@Entity({ name: 'audit_log', schema: 'gateway' })
@Index('audit_log_target_at_idx', ['targetId', 'at'])
@Index('audit_log_actor_at_idx', ['actorUsername', 'at'])
@Index('audit_log_at_idx', ['at'])
export class AuditEntryEntity {
  /** a bigint: pg returns it as a string */
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' })
  id!: string;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  at!: Date;

  @Column({ name: 'actor_id', type: 'uuid', nullable: true })
  actorId!: string | null;

  @Column({ name: 'actor_username', type: 'varchar', length: 64, nullable: true })
  actorUsername!: string | null;

  @Column({ type: 'varchar', length: 40 })
  action!: string;

  @Column({ name: 'target_type', type: 'varchar', length: 40 })
  targetType!: string;

  @Column({ name: 'target_id', type: 'varchar', length: 100, nullable: true })
  targetId!: string | null;

  @Column({ name: 'target_label', type: 'varchar', length: 200, nullable: true })
  targetLabel!: string | null;

  /** the agency the target belongs to: an admin sees the entries of the agencies they cover */
  @Column({ name: 'agency_code', type: 'varchar', length: 20, nullable: true })
  agencyCode!: string | null;

  @Column({ type: 'jsonb', nullable: true })
  before!: Record<string, unknown> | null;

  @Column({ type: 'jsonb', nullable: true })
  after!: Record<string, unknown> | null;

  @Column({ type: 'varchar', length: 64, nullable: true })
  ip!: string | null;
}
