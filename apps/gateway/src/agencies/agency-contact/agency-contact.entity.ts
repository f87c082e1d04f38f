import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Whom a citizen contacts at an agency: its office's address, phone, e-mail and opening hours (issue 11). */
@Entity({ name: 'agency_contacts', schema: 'gateway' })
export class AgencyContactEntity {
  @PrimaryColumn({ name: 'agency_code', type: 'varchar', length: 20 }) agencyCode!: string;
  @Column({ type: 'varchar', length: 500 }) address!: string;
  @Column({ type: 'varchar', length: 40 }) phone!: string;
  @Column({ type: 'varchar', length: 200, nullable: true }) email!: string | null;
  @Column({ name: 'office_hours', type: 'varchar', length: 300 }) officeHours!: string;
  @Column({ name: 'updated_by', type: 'varchar', length: 64 }) updatedBy!: string;
  @Column({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}
