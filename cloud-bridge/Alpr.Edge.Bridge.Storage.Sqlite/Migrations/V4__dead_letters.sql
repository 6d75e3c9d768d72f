-- Messages that failed validation, with the reason: every message is stored, a duplicate, or here.
CREATE TABLE dead_letters (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    received_at   TEXT NOT NULL,
    topic         TEXT NOT NULL,
    reason        TEXT NOT NULL,
    payload       BLOB NOT NULL,
    payload_bytes INTEGER NOT NULL
);
CREATE INDEX dead_letters_received_at ON dead_letters (received_at);
