import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** Failed logins of one username (`user:<name>`) or one address (`ip:<addr>`) within the window: they set the delay. */
@Entity({ name: 'login_attempts', schema: 'gateway' })
@Index('login_attempts_last_failure_at_idx', ['lastFailureAt'])
export class LoginAttemptEntity {
  @PrimaryColumn({ type: 'varchar', length: 300 })
  key!: string;

  @Column({ type: 'int' })
  failures!: number;

  @Column({ name: 'first_failure_at', type: 'timestamptz' })
  firstFailureAt!: Date;

  @Column({ name: 'last_failure_at', type: 'timestamptz' })
  lastFailureAt!: Date;
}
