import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The gateway's tables: accounts, the append-only audit log, idempotency keys, failed-login
 * counters and rejected messages. Schema-qualified with the DataSource's schema.
 */
export class CreateGatewaySchema1764200000000 implements MigrationInterface {
  name = 'CreateGatewaySchema1764200000000';

  async up(q: QueryRunner): Promise<void> {
    const s = `"${(q.connection.options as { schema: string }).schema}"`;

    await q.query(`
      CREATE TABLE ${s}."users" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "username" varchar(64) NOT NULL,
        "display_name" varchar(200) NOT NULL,
        "agency_code" varchar(20) NOT NULL,
        "roles" text[] NOT NULL,
        "password_hash" text NOT NULL,
        "disabled" boolean NOT NULL DEFAULT false,
        "must_change_password" boolean NOT NULL DEFAULT false,
        "password_changed_at" timestamptz NOT NULL DEFAULT now(),
        "last_login_at" timestamptz,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "updated_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "users_pkey" PRIMARY KEY ("id"),
        CONSTRAINT "users_username_lower_chk" CHECK ("username" = lower("username")),
        CONSTRAINT "users_roles_not_empty_chk" CHECK (cardinality("roles") > 0)
      )`);
    await q.query(`CREATE UNIQUE INDEX "users_username_key" ON ${s}."users" ("username")`);
    await q.query(`CREATE INDEX "users_agency_code_idx" ON ${s}."users" ("agency_code")`);

    await q.query(`
      CREATE TABLE ${s}."audit_log" (
        "id" bigint GENERATED ALWAYS AS IDENTITY,
        "at" timestamptz NOT NULL DEFAULT now(),
        "actor_id" uuid,
        "actor_username" varchar(64),
        "action" varchar(40) NOT NULL,
        "target_type" varchar(40) NOT NULL,
        "target_id" varchar(100),
        "target_label" varchar(200),
        "agency_code" varchar(20),
        "before" jsonb,
        "after" jsonb,
        "ip" varchar(64),
        CONSTRAINT "audit_log_pkey" PRIMARY KEY ("id")
      )`);
    await q.query(`CREATE INDEX "audit_log_target_at_idx" ON ${s}."audit_log" ("target_id", "at")`);
    await q.query(`CREATE INDEX "audit_log_actor_at_idx" ON ${s}."audit_log" ("actor_username", "at")`);
    await q.query(`CREATE INDEX "audit_log_at_idx" ON ${s}."audit_log" ("at")`);
    // The gateway's role owns the table, and an owner cannot be denied UPDATE/DELETE by
    // REVOKE: a trigger refuses them instead (and TRUNCATE, which skips row triggers).
    await q.query(`
      CREATE FUNCTION ${s}."audit_log_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'audit_log is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
      END
      $$`);
    await q.query(`
      CREATE TRIGGER "audit_log_append_only" BEFORE UPDATE OR DELETE ON ${s}."audit_log"
      FOR EACH ROW EXECUTE FUNCTION ${s}."audit_log_append_only"()`);
    await q.query(`
      CREATE TRIGGER "audit_log_no_truncate" BEFORE TRUNCATE ON ${s}."audit_log"
      FOR EACH STATEMENT EXECUTE FUNCTION ${s}."audit_log_append_only"()`);

    await q.query(`
      CREATE TABLE ${s}."idempotency_keys" (
        "user_id" uuid NOT NULL,
        "key" varchar(255) NOT NULL,
        "method" varchar(10) NOT NULL,
        "path" varchar(500) NOT NULL,
        "request_hash" char(64) NOT NULL,
        "state" varchar(16) NOT NULL,
        "status_code" integer,
        "response_body" jsonb,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "expires_at" timestamptz NOT NULL,
        CONSTRAINT "idempotency_keys_pkey" PRIMARY KEY ("user_id", "key"),
        CONSTRAINT "idempotency_keys_state_chk" CHECK ("state" IN ('IN_PROGRESS', 'COMPLETED'))
      )`);
    await q.query(`CREATE INDEX "idempotency_keys_expires_at_idx" ON ${s}."idempotency_keys" ("expires_at")`);

    await q.query(`
      CREATE TABLE ${s}."login_attempts" (
        "key" varchar(300) NOT NULL,
        "failures" integer NOT NULL,
        "first_failure_at" timestamptz NOT NULL,
        "last_failure_at" timestamptz NOT NULL,
        "locked_until" timestamptz,
        CONSTRAINT "login_attempts_pkey" PRIMARY KEY ("key")
      )`);
    await q.query(`CREATE INDEX "login_attempts_last_failure_at_idx" ON ${s}."login_attempts" ("last_failure_at")`);

    await q.query(`
      CREATE TABLE ${s}."rejected_messages" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "event_id" varchar(100),
        "subject" varchar(200) NOT NULL,
        "errors" jsonb NOT NULL,
        "reason" varchar(40),
        "consumer" varchar(100),
        "payload" jsonb,
        "rejected_at" timestamptz NOT NULL,
        "received_at" timestamptz NOT NULL DEFAULT now(),
        "replay_count" integer NOT NULL DEFAULT 0,
        "last_replayed_at" timestamptz,
        "last_replayed_by" varchar(64),
        CONSTRAINT "rejected_messages_pkey" PRIMARY KEY ("id")
      )`);
    await q.query(`CREATE INDEX "rejected_messages_subject_rejected_at_idx" ON ${s}."rejected_messages" ("subject", "rejected_at")`);
    await q.query(`CREATE INDEX "rejected_messages_rejected_at_idx" ON ${s}."rejected_messages" ("rejected_at")`);
    await q.query(`CREATE INDEX "rejected_messages_event_id_idx" ON ${s}."rejected_messages" ("event_id")`);
  }

  async down(q: QueryRunner): Promise<void> {
    const s = `"${(q.connection.options as { schema: string }).schema}"`;
    await q.query(`DROP TABLE ${s}."rejected_messages"`);
    await q.query(`DROP TABLE ${s}."login_attempts"`);
    await q.query(`DROP TABLE ${s}."idempotency_keys"`);
    await q.query(`DROP TABLE ${s}."audit_log"`);
    await q.query(`DROP FUNCTION ${s}."audit_log_append_only"()`);
    await q.query(`DROP TABLE ${s}."users"`);
  }
}
