import { Column, Entity, PrimaryColumn } from 'typeorm';

/** An application for a service, from filing to its end state. */
@Entity({ name: 'applications' })
export class Application {
  @PrimaryColumn('uuid') id!: string;
  @Column({ name: 'ticket_number', type: 'text', nullable: true }) ticketNumber!: string | null;
  @Column({ name: 'agency_code', type: 'text' }) agencyCode!: string;
  @Column({ name: 'service_code', type: 'text' }) serviceCode!: string;
  @Column({ type: 'text' }) channel!: string;
  @Column({ type: 'text', nullable: true }) source!: string | null;
  @Column({ name: 'source_event_id', type: 'text', nullable: true }) sourceEventId!: string | null;
  @Column({ type: 'text' }) status!: string;
  @Column({ type: 'jsonb' }) applicant!: Record<string, unknown>;
  @Column({ type: 'jsonb', nullable: true }) beneficiary!: Record<string, unknown> | null;
  @Column({ name: 'target_group', type: 'text', nullable: true }) targetGroup!: string | null;
  @Column({ type: 'jsonb' }) documents!: Array<{ type: string }>;
  @Column({ name: 'missing_requirements', type: 'jsonb' }) missingRequirements!: string[];
  @Column({ name: 'due_at', type: 'timestamptz', nullable: true }) dueAt!: Date | null;
  @Column({ name: 'created_by', type: 'text', nullable: true }) createdBy!: string | null;
  @Column({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @Column({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}

/** One status change: who, when, from, to, why. */
@Entity({ name: 'application_history' })
export class ApplicationHistory {
  @PrimaryColumn({ type: 'bigint' }) id!: string;
  @Column({ name: 'application_id', type: 'uuid' }) applicationId!: string;
  @Column({ name: 'from_status', type: 'text', nullable: true }) fromStatus!: string | null;
  @Column({ name: 'to_status', type: 'text' }) toStatus!: string;
  @Column({ type: 'text', nullable: true }) reason!: string | null;
  @Column({ type: 'text' }) actor!: string;
  @Column({ type: 'timestamptz' }) at!: Date;
}
