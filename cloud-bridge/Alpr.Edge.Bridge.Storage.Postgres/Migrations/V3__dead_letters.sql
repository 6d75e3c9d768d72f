-- Messages that failed validation, with the reason: every message is stored, a duplicate, or here.
CREATE TABLE dead_letters (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    received_at   timestamptz NOT NULL,
    topic         text        NOT NULL,
    reason        text        NOT NULL,
    payload       bytea       NOT NULL,
    payload_bytes bigint      NOT NULL
);
CREATE INDEX dead_letters_received_at ON dead_letters (received_at DESC);
