-- Accounts: users (ASP.NET Core Identity's fields, training and CLETS), their roles, and API tokens (SHA-256 hashes only).
CREATE TABLE users (
    id                    TEXT PRIMARY KEY,
    user_name             TEXT NOT NULL,
    normalized_user_name  TEXT NOT NULL UNIQUE,
    agency                TEXT NOT NULL,
    password_hash         TEXT,
    must_change_password  INTEGER NOT NULL DEFAULT 0,
    security_stamp        TEXT NOT NULL,
    lockout_end           TEXT,
    access_failed_count   INTEGER NOT NULL DEFAULT 0,
    authenticator_key     TEXT,
    two_factor_enabled    INTEGER NOT NULL DEFAULT 1,
    last_totp_step        INTEGER,
    last_totp_code_hash   TEXT,
    disabled              INTEGER NOT NULL DEFAULT 0,
    clets_authorized      INTEGER NOT NULL DEFAULT 0,
    training_course       TEXT,
    training_completed_at TEXT,
    training_expires_at   TEXT,
    created_at            TEXT NOT NULL
);

CREATE TABLE user_roles (
    user_id TEXT NOT NULL REFERENCES users (id),
    role    TEXT NOT NULL,
    PRIMARY KEY (user_id, role)
);

CREATE TABLE api_tokens (
    id         TEXT PRIMARY KEY,
    token_hash TEXT NOT NULL UNIQUE,
    name       TEXT NOT NULL,
    user_id    TEXT NOT NULL REFERENCES users (id),
    scopes     TEXT NOT NULL,
    created_at TEXT NOT NULL,
    expires_at TEXT NOT NULL,
    revoked_at TEXT
);
CREATE INDEX api_tokens_user ON api_tokens (user_id);
