-- The schema the bridge created before it had migrations (it set PRAGMA user_version = 1).
-- Every statement is IF NOT EXISTS, so on a database of that release this migration changes nothing
-- and only records that the database is at version 1; on an empty database it creates the tables.
-- Times are UTC ISO-8601 text (yyyy-MM-ddTHH:mm:ss.fffffffZ), so they sort as text.
CREATE TABLE IF NOT EXISTS reads (
    id               TEXT PRIMARY KEY NOT NULL,
    device_id        TEXT NOT NULL,
    camera           TEXT NOT NULL,
    plate            TEXT NOT NULL,
    confidence       REAL NOT NULL,
    captured_at      TEXT NOT NULL,
    received_at      TEXT NOT NULL,
    firmware_version TEXT,
    payload          TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS reads_captured_at ON reads (captured_at);
CREATE INDEX IF NOT EXISTS reads_plate ON reads (plate, captured_at);

CREATE TABLE IF NOT EXISTS hits (
    id           TEXT PRIMARY KEY NOT NULL,
    read_id      TEXT NOT NULL,
    device_id    TEXT NOT NULL,
    camera       TEXT NOT NULL,
    plate        TEXT NOT NULL,
    captured_at  TEXT NOT NULL,
    list_name    TEXT NOT NULL,
    category     TEXT NOT NULL,
    entry_plate  TEXT NOT NULL,
    match_kind   TEXT NOT NULL,
    case_number  TEXT,
    verification TEXT NOT NULL DEFAULT 'Unverified'
                 CHECK (verification IN ('Unverified', 'Confirmed', 'Rejected')),
    received_at  TEXT NOT NULL,
    payload      TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS hits_captured_at ON hits (captured_at);
CREATE INDEX IF NOT EXISTS hits_plate ON hits (plate);

CREATE TABLE IF NOT EXISTS access_audit (
    id             INTEGER PRIMARY KEY AUTOINCREMENT,
    at             TEXT NOT NULL,
    user_name      TEXT NOT NULL,
    remote_address TEXT,
    method         TEXT NOT NULL,
    path           TEXT NOT NULL,
    purpose        TEXT
);

CREATE TABLE IF NOT EXISTS events (
    id           TEXT PRIMARY KEY NOT NULL,
    device_id    TEXT NOT NULL,
    kind         TEXT NOT NULL,
    severity     TEXT NOT NULL,
    occurred_at  TEXT NOT NULL,
    received_at  TEXT NOT NULL,
    payload      TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS events_occurred_at ON events (occurred_at);
CREATE INDEX IF NOT EXISTS events_device ON events (device_id, occurred_at);

CREATE TABLE IF NOT EXISTS devices (
    device_id        TEXT PRIMARY KEY NOT NULL,
    availability     TEXT,
    availability_at  TEXT,
    health           TEXT,
    health_at        TEXT
);
