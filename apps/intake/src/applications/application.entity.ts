import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { AppliedDeadline } from '#contracts';

/** An application for a service, from filing to its end state. */
@Entity({ name: 'applications', schema: 'intake' })
@Index('IDX_applications_agency_status', ['agencyCode', 'status'])
export class Application {
  @PrimaryColumn('uuid') id!: string;
  @Column({ name: 'ticket_number', type: 'text', nullable: true }) ticketNumber!: string | null;
  @Column({ name: 'agency_code', type: 'text' }) agencyCode!: string;
  @Column({ name: 'service_code', type: 'text' }) serviceCode!: string;
  /** the version of the standard it was filed under: its lifecycle and deadline for good */
  @Column({ name: 'standard_version', type: 'integer', nullable: true }) standardVersion!: number | null;
  /** a later version whose lifecycle moves it (issue 12's migration, for one still open under an old lifecycle); null: its own */
  @Column({ name: 'lifecycle_version', type: 'integer', nullable: true }) lifecycleVersion!: number | null;
  @Column({ type: 'text' }) channel!: string;
  @Column({ type: 'text', nullable: true }) source!: string | null;
  @Column({ name: 'source_event_id', type: 'text', nullable: true }) sourceEventId!: string | null;
  @Column({ type: 'text' }) status!: string;
  @Column({ type: 'jsonb' }) applicant!: Record<string, unknown>;
  @Column({ type: 'jsonb', nullable: true }) beneficiary!: Record<string, unknown> | null;
  @Column({ name: 'target_group', type: 'text', nullable: true }) targetGroup!: string | null;
  @Column({ type: 'jsonb' }) documents!: Array<{ type: string; ref?: string }>;
  @Column({ name: 'missing_requirements', type: 'jsonb' }) missingRequirements!: string[];
  /** the deadline applied at filing (the standard's, or a rule's: AUDIENSI's urgent walk-in) */
  @Column({ type: 'jsonb', nullable: true }) deadline!: AppliedDeadline | null;
  @Column({ name: 'due_at', type: 'timestamptz', nullable: true }) dueAt!: Date | null;
  /** when the deadline was met or the application closed; null while the clock runs */
  @Column({ name: 'clock_stopped_at', type: 'timestamptz', nullable: true }) clockStoppedAt!: Date | null;
  /** when the overdue sweep flagged it (and announced it, once) */
  @Column({ name: 'overdue_at', type: 'timestamptz', nullable: true }) overdueAt!: Date | null;
  @Column({ name: 'created_by', type: 'text', nullable: true }) createdBy!: string | null;
  /** when the applicant filed (`occurredAt` of the submission, when earlier than receipt); null: at receipt */
  @Column({ name: 'filed_at', type: 'timestamptz', nullable: true }) filedAt!: Date | null;
  /** the front office's `Idempotency-Key`, unique per agency (index `applications_agency_idempotency_key_key`) */
  @Column({ name: 'idempotency_key', type: 'text', nullable: true }) idempotencyKey!: string | null;
  /** sha-256 of the filed submission: the same key with another submission is refused */
  @Column({ name: 'submission_hash', type: 'text', nullable: true }) submissionHash!: string | null;
  @Column({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @Column({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}

/** One status change: who, when, from, to, why (and what the citizen may read). */
@Entity({ name: 'application_history', schema: 'intake' })
export class ApplicationHistory {
  @PrimaryColumn({ type: 'bigint' }) id!: string;
  @Column({ name: 'application_id', type: 'uuid' }) applicationId!: string;
  @Column({ name: 'from_status', type: 'text', nullable: true }) fromStatus!: string | null;
  @Column({ name: 'to_status', type: 'text' }) toStatus!: string;
  @Column({ type: 'text', nullable: true }) reason!: string | null;
  @Column({ name: 'public_reason', type: 'text', nullable: true }) publicReason!: string | null;
  @Column({ type: 'text' }) actor!: string;
  @Column({ type: 'timestamptz' }) at!: Date;
}
