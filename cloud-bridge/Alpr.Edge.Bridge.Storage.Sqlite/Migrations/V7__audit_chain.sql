-- The hash-chained audit trail: entries (gap-free sequence, append-only) and signed checkpoints of the chain's head.
-- Retention never touches these tables.
CREATE TABLE audit_entries (
    sequence       INTEGER PRIMARY KEY CHECK (sequence >= 1),
    at             TEXT NOT NULL,
    user_name      TEXT NOT NULL,
    agency         TEXT,
    remote_address TEXT,
    action         TEXT NOT NULL,
    outcome        TEXT NOT NULL,
    purpose        TEXT,
    case_number    TEXT,
    target         TEXT,
    detail         TEXT,
    previous_hash  TEXT NOT NULL,
    hash           TEXT NOT NULL
);
CREATE INDEX audit_entries_at ON audit_entries (at);
CREATE INDEX audit_entries_user ON audit_entries (user_name, at);
CREATE INDEX audit_entries_case ON audit_entries (case_number, at);

CREATE TABLE audit_checkpoints (
    sequence  INTEGER PRIMARY KEY CHECK (sequence >= 1),
    hash      TEXT NOT NULL,
    at        TEXT NOT NULL,
    key_id    TEXT NOT NULL,
    signature TEXT NOT NULL
);

-- Append-only at the database: no connection can change or remove an entry or a checkpoint.
CREATE TRIGGER audit_entries_no_update BEFORE UPDATE ON audit_entries
BEGIN SELECT RAISE(ABORT, 'audit_entries is append-only: entries cannot be changed'); END;
CREATE TRIGGER audit_entries_no_delete BEFORE DELETE ON audit_entries
BEGIN SELECT RAISE(ABORT, 'audit_entries is append-only: entries cannot be deleted'); END;
CREATE TRIGGER audit_checkpoints_no_update BEFORE UPDATE ON audit_checkpoints
BEGIN SELECT RAISE(ABORT, 'audit_checkpoints is append-only: checkpoints cannot be changed'); END;
CREATE TRIGGER audit_checkpoints_no_delete BEFORE DELETE ON audit_checkpoints
BEGIN SELECT RAISE(ABORT, 'audit_checkpoints is append-only: checkpoints cannot be deleted'); END;
