import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { StandardDefinition } from '#contracts';

/** A service standard of an agency; its content lives in its versions. */
@Entity({ name: 'standards', schema: 'intake' })
export class Standard {
  @PrimaryColumn('uuid') id!: string;
  @Column({ name: 'agency_code', type: 'text' }) agencyCode!: string;
  @Column({ type: 'text' }) code!: string;
  @Column({ name: 'current_version', type: 'integer' }) currentVersion!: number;
  /** false: closed for new filings */
  @Column({ type: 'boolean' }) active!: boolean;
  @Column({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @Column({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}

/** One version of a standard: never changed once written (an edit is the next version). */
@Entity({ name: 'standard_versions', schema: 'intake' })
export class StandardVersion {
  @PrimaryColumn({ name: 'standard_id', type: 'uuid' }) standardId!: string;
  @PrimaryColumn({ type: 'integer' }) version!: number;
  @Column({ name: 'agency_code', type: 'text' }) agencyCode!: string;
  @Column({ type: 'text' }) code!: string;
  @Column({ type: 'jsonb' }) definition!: StandardDefinition;
  @Column({ type: 'boolean' }) active!: boolean;
  @Column({ name: 'change_note', type: 'text', nullable: true }) changeNote!: string | null;
  @Column({ name: 'created_by', type: 'text' }) createdBy!: string;
  @Column({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}
