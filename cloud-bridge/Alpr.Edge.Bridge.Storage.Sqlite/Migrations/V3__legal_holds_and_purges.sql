-- Legal holds (reads they select are never purged) and the record of each purge.
CREATE TABLE legal_holds (
    id          TEXT PRIMARY KEY NOT NULL,
    case_number TEXT NOT NULL,
    plate       TEXT,
    device_id   TEXT,
    from_at     TEXT,
    to_at       TEXT,
    placed_by   TEXT NOT NULL,
    reason      TEXT NOT NULL,
    placed_at   TEXT NOT NULL,
    released_by TEXT,
    released_at TEXT
);

CREATE TABLE purges (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    at              TEXT NOT NULL,
    cutoff          TEXT NOT NULL,
    purged          INTEGER NOT NULL,
    spared          INTEGER NOT NULL,
    sparing_holds   TEXT NOT NULL,
    dropped_partitions TEXT NOT NULL
);
