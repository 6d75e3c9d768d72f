-- The central store on PostgreSQL. Times are timestamptz (UTC, microseconds); payloads are the messages' wire JSON.

-- Trigram indexes serve partial-plate searches (?, * and prefix or suffix patterns, as LIKE).
-- pg_trgm is a trusted extension: a database owner may create it; a DBA may also have created it already.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- Reads are partitioned by capture month (UTC), so retention drops whole months instead of deleting rows.
-- The key includes the partition key, as PostgreSQL requires: a re-sent read has the same id and capture time.
CREATE TABLE reads (
    id               uuid             NOT NULL,
    device_id        text             NOT NULL,
    camera           text             NOT NULL,
    plate            text             NOT NULL,
    confidence       double precision NOT NULL,
    captured_at      timestamptz      NOT NULL,
    received_at      timestamptz      NOT NULL,
    firmware_version text,
    payload          jsonb            NOT NULL,
    PRIMARY KEY (id, captured_at)
) PARTITION BY RANGE (captured_at);

-- Indexes on the partitioned table: each partition gets its own copy when it is created.
CREATE INDEX reads_plate ON reads (plate, captured_at DESC);
CREATE INDEX reads_plate_trgm ON reads USING gin (plate gin_trgm_ops);
CREATE INDEX reads_captured_at ON reads (captured_at DESC);
CREATE INDEX reads_device_camera ON reads (device_id, camera, captured_at DESC);

-- Creates the month partition of reads that holds `at` when it is missing; returns its name when it created one.
-- The store calls it when an insert finds no partition (SQLSTATE 23514), so months are created as reads arrive.
-- The advisory lock makes concurrent bridge instances create a month once.
CREATE FUNCTION ensure_reads_partition(at timestamptz) RETURNS text
LANGUAGE plpgsql AS $$
DECLARE
    month_start timestamptz := date_trunc('month', at, 'UTC');
    partition_name text := 'reads_' || to_char(month_start AT TIME ZONE 'UTC', 'YYYY_MM');
BEGIN
    PERFORM pg_advisory_xact_lock(hashtext('alpr-edge.reads.partition'));
    IF to_regclass(partition_name) IS NOT NULL THEN
        RETURN NULL;
    END IF;
    EXECUTE format('CREATE TABLE %I PARTITION OF reads FOR VALUES FROM (%L) TO (%L)',
                   partition_name, month_start, month_start + interval '1 month');
    RETURN partition_name;
END
$$;

CREATE TABLE hits (
    seq          bigint GENERATED ALWAYS AS IDENTITY,
    id           uuid        PRIMARY KEY,
    read_id      uuid        NOT NULL,
    device_id    text        NOT NULL,
    camera       text        NOT NULL,
    plate        text        NOT NULL,
    captured_at  timestamptz NOT NULL,
    list_name    text        NOT NULL,
    category     text        NOT NULL,
    entry_plate  text        NOT NULL,
    match_kind   text        NOT NULL,
    case_number  text,
    verification text        NOT NULL DEFAULT 'Unverified'
                 CHECK (verification IN ('Unverified', 'Confirmed', 'Rejected')),
    received_at  timestamptz NOT NULL,
    payload      jsonb       NOT NULL
);
CREATE INDEX hits_captured_at ON hits (captured_at DESC, seq DESC);
CREATE INDEX hits_plate ON hits (plate);

CREATE TABLE access_audit (
    id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    at             timestamptz NOT NULL,
    user_name      text        NOT NULL,
    remote_address text,
    method         text        NOT NULL,
    path           text        NOT NULL,
    purpose        text
);

CREATE TABLE events (
    seq          bigint GENERATED ALWAYS AS IDENTITY,
    id           uuid        PRIMARY KEY,
    device_id    text        NOT NULL,
    kind         text        NOT NULL,
    severity     text        NOT NULL,
    occurred_at  timestamptz NOT NULL,
    received_at  timestamptz NOT NULL,
    payload      jsonb       NOT NULL
);
CREATE INDEX events_occurred_at ON events (occurred_at DESC, seq DESC);
CREATE INDEX events_device ON events (device_id, occurred_at DESC, seq DESC);

-- Byte order, as SQLite sorts them, whatever the database's locale.
CREATE TABLE devices (
    device_id        text COLLATE "C" PRIMARY KEY,
    availability     text,
    availability_at  timestamptz,
    health           jsonb,
    health_at        timestamptz
);
