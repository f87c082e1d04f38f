import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A verification case: one per registered application. */
@Entity({ name: 'cases' })
export class VerificationCase {
  @PrimaryColumn('uuid') id!: string;
  @Column({ name: 'application_id', type: 'uuid' }) applicationId!: string;
  @Column({ name: 'ticket_number', type: 'text', nullable: true }) ticketNumber!: string | null;
  @Column({ name: 'agency_code', type: 'text' }) agencyCode!: string;
  @Column({ name: 'service_code', type: 'text' }) serviceCode!: string;
  @Column({ type: 'text' }) status!: string;
  @Column({ name: 'due_at', type: 'timestamptz', nullable: true }) dueAt!: Date | null;
  @Column({ name: 'opened_at', type: 'timestamptz' }) openedAt!: Date;
  @Column({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}
