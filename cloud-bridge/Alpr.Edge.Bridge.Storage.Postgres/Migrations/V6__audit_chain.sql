-- The hash-chained audit trail: entries (gap-free sequence, append-only) and signed checkpoints of the chain's head.
-- Retention never touches these tables.
CREATE TABLE audit_entries (
    sequence       bigint      PRIMARY KEY CHECK (sequence >= 1),
    at             timestamptz NOT NULL,
    user_name      text        NOT NULL,
    agency         text,
    remote_address text,
    action         text        NOT NULL,
    outcome        text        NOT NULL,
    purpose        text,
    case_number    text,
    target         text,
    detail         text,
    previous_hash  text        NOT NULL,
    hash           text        NOT NULL
);
CREATE INDEX audit_entries_at ON audit_entries (at);
CREATE INDEX audit_entries_user ON audit_entries (user_name, at);
CREATE INDEX audit_entries_case ON audit_entries (case_number, at);

CREATE TABLE audit_checkpoints (
    sequence  bigint      PRIMARY KEY CHECK (sequence >= 1),
    hash      text        NOT NULL,
    at        timestamptz NOT NULL,
    key_id    text        NOT NULL,
    signature text        NOT NULL
);

-- Append-only at the database: no role can change, remove or truncate an entry or a checkpoint (a superuser must
-- first disable the triggers, which the chain and the checkpoints then expose).
CREATE FUNCTION audit_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION '% is append-only: % refused', TG_TABLE_NAME, TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;
CREATE TRIGGER audit_entries_append_only BEFORE UPDATE OR DELETE ON audit_entries
    FOR EACH ROW EXECUTE FUNCTION audit_append_only();
CREATE TRIGGER audit_entries_no_truncate BEFORE TRUNCATE ON audit_entries
    FOR EACH STATEMENT EXECUTE FUNCTION audit_append_only();
CREATE TRIGGER audit_checkpoints_append_only BEFORE UPDATE OR DELETE ON audit_checkpoints
    FOR EACH ROW EXECUTE FUNCTION audit_append_only();
CREATE TRIGGER audit_checkpoints_no_truncate BEFORE TRUNCATE ON audit_checkpoints
    FOR EACH STATEMENT EXECUTE FUNCTION audit_append_only();
