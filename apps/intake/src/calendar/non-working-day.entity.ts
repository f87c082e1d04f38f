import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A day an agency does not work beyond weekends: a national holiday or cuti bersama. */
@Entity({ name: 'non_working_days', schema: 'intake' })
export class NonWorkingDayRow {
  @PrimaryColumn({ name: 'agency_code', type: 'text' }) agencyCode!: string;
  /** local date YYYY-MM-DD (pg `date`, read back as text) */
  @PrimaryColumn({ type: 'date' }) date!: string;
  @Column({ type: 'text' }) kind!: 'NATIONAL_HOLIDAY' | 'CUTI_BERSAMA';
  @Column({ type: 'text' }) name!: string;
  @Column({ type: 'text' }) source!: 'SEED' | 'ADMIN';
  @Column({ name: 'created_by', type: 'text', nullable: true }) createdBy!: string | null;
  @Column({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}

/** Who changed an agency's calendar, when, and how: the calendar's audit trail. */
@Entity({ name: 'calendar_changes', schema: 'intake' })
export class CalendarChangeRow {
  @PrimaryColumn({ type: 'bigint' }) id!: string;
  @Column({ name: 'agency_code', type: 'text' }) agencyCode!: string;
  @Column({ type: 'date' }) date!: string;
  @Column({ type: 'text' }) action!: 'ADDED' | 'REMOVED';
  @Column({ type: 'text' }) kind!: string;
  @Column({ type: 'text' }) name!: string;
  @Column({ type: 'text' }) actor!: string;
  @Column({ type: 'timestamptz' }) at!: Date;
}
