-- Accounts: users (ASP.NET Core Identity's fields, training and CLETS), their roles, and API tokens (SHA-256 hashes only).
CREATE TABLE users (
    id                    uuid        PRIMARY KEY,
    user_name             text        NOT NULL,
    normalized_user_name  text COLLATE "C" NOT NULL UNIQUE,
    agency                text        NOT NULL,
    password_hash         text,
    must_change_password  boolean     NOT NULL DEFAULT false,
    security_stamp        text        NOT NULL,
    lockout_end           timestamptz,
    access_failed_count   integer     NOT NULL DEFAULT 0,
    authenticator_key     text,
    two_factor_enabled    boolean     NOT NULL DEFAULT true,
    last_totp_step        bigint,
    last_totp_code_hash   text,
    disabled              boolean     NOT NULL DEFAULT false,
    clets_authorized      boolean     NOT NULL DEFAULT false,
    training_course       text,
    training_completed_at timestamptz,
    training_expires_at   timestamptz,
    created_at            timestamptz NOT NULL
);

CREATE TABLE user_roles (
    user_id uuid NOT NULL REFERENCES users (id),
    role    text COLLATE "C" NOT NULL,
    PRIMARY KEY (user_id, role)
);

CREATE TABLE api_tokens (
    id         uuid        PRIMARY KEY,
    token_hash text        NOT NULL UNIQUE,
    name       text        NOT NULL,
    user_id    uuid        NOT NULL REFERENCES users (id),
    scopes     text        NOT NULL,
    created_at timestamptz NOT NULL,
    expires_at timestamptz NOT NULL,
    revoked_at timestamptz
);
CREATE INDEX api_tokens_user ON api_tokens (user_id);
