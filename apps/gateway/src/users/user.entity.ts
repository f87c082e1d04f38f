import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/** A staff account: one agency, one or more roles (ROLES of #domain). */
@Entity({ name: 'users', schema: 'gateway' })
export class UserEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  /** lower-case; unique (index `users_username_key`) */
  @Column({ type: 'varchar', length: 64 })
  username!: string;

  @Column({ name: 'display_name', type: 'varchar', length: 200 })
  displayName!: string;

  @Column({ name: 'agency_code', type: 'varchar', length: 20 })
  agencyCode!: string;

  @Column({ type: 'text', array: true })
  roles!: string[];

  /** argon2id, PHC string */
  @Column({ name: 'password_hash', type: 'text' })
  passwordHash!: string;

  @Column({ type: 'boolean', default: false })
  disabled!: boolean;

  @Column({ name: 'must_change_password', type: 'boolean', default: false })
  mustChangePassword!: boolean;

  /** tokens issued before this instant are refused */
  @Column({ name: 'password_changed_at', type: 'timestamptz' })
  passwordChangedAt!: Date;

  @Column({ name: 'last_login_at', type: 'timestamptz', nullable: true })
  lastLoginAt!: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}

/** The account as the API shows it: never the hash. */
export interface UserView {
  id: string;
  username: string;
  displayName: string;
  agencyCode: string;
  roles: string[];
  disabled: boolean;
  mustChangePassword: boolean;
  lastLoginAt: string | null;
  createdAt: string;
  updatedAt: string;
}

export function toUserView(u: UserEntity): UserView {
  return {
    id: u.id,
    username: u.username,
    displayName: u.displayName,
    agencyCode: u.agencyCode,
    roles: [...u.roles],
    disabled: u.disabled,
    mustChangePassword: u.mustChangePassword,
    lastLoginAt: u.lastLoginAt ? u.lastLoginAt.toISOString() : null,
    createdAt: u.createdAt.toISOString(),
    updatedAt: u.updatedAt.toISOString(),
  };
}

/** What the audit log keeps of an account: no secrets. */
export function auditSnapshot(u: UserEntity): Record<string, unknown> {
  return { username: u.username, displayName: u.displayName, agencyCode: u.agencyCode, roles: [...u.roles], disabled: u.disabled };
}
