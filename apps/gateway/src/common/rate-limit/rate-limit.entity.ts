import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** Requests of one key (a route's limit and a client address) in the current fixed window. */
@Entity({ name: 'rate_limits', schema: 'gateway' })
@Index('rate_limits_window_ends_at_idx', ['windowEndsAt'])
export class RateLimitEntity {
  @PrimaryColumn({ type: 'varchar', length: 300 })
  key!: string;

  @Column({ type: 'int' })
  hits!: number;

  @Column({ name: 'window_ends_at', type: 'timestamptz' })
  windowEndsAt!: Date;
}
