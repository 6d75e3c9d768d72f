-- CLETS-derived hot-list details, by the opaque reference that alone travels to and from the devices.
-- Resolved only for users authorised for CLETS data (CJIS Security Policy).
CREATE TABLE clets_records (
    reference   TEXT PRIMARY KEY,
    details     TEXT NOT NULL,
    imported_at TEXT NOT NULL,
    imported_by TEXT NOT NULL
);

-- Partner agencies the department shares with: registered, then verified by an administrator before any share.
CREATE TABLE partner_agencies (
    ori           TEXT PRIMARY KEY,
    name          TEXT NOT NULL,
    contact       TEXT NOT NULL,
    registered_by TEXT NOT NULL,
    registered_at TEXT NOT NULL,
    verified_by   TEXT,
    verified_at   TEXT
);

-- What was shared, with whom, why, by whom and when; the items are listed in share_items.
CREATE TABLE shares (
    id          TEXT PRIMARY KEY,
    ori         TEXT NOT NULL REFERENCES partner_agencies (ori),
    mode        TEXT NOT NULL CHECK (mode IN ('access', 'export')),
    reason      TEXT NOT NULL,
    case_number TEXT,
    shared_by   TEXT NOT NULL,
    shared_at   TEXT NOT NULL
);
CREATE TABLE share_items (
    share_id TEXT NOT NULL REFERENCES shares (id),
    kind     TEXT NOT NULL CHECK (kind IN ('read', 'hit')),
    item_id  TEXT NOT NULL,
    PRIMARY KEY (share_id, kind, item_id)
);
CREATE INDEX share_items_item ON share_items (kind, item_id);

-- Non-law-enforcement requests (public records, civil subpoenas), routed to the records manager; each status change is kept.
CREATE TABLE records_requests (
    id          TEXT PRIMARY KEY,
    requester   TEXT NOT NULL,
    kind        TEXT NOT NULL,
    scope       TEXT NOT NULL,
    received_at TEXT NOT NULL,
    logged_by   TEXT NOT NULL
);
CREATE TABLE records_request_events (
    seq        INTEGER PRIMARY KEY AUTOINCREMENT,
    request_id TEXT NOT NULL REFERENCES records_requests (id),
    status     TEXT NOT NULL CHECK (status IN ('Received', 'UnderReview', 'Released', 'Denied')),
    reason     TEXT,
    by_user    TEXT NOT NULL,
    at         TEXT NOT NULL
);
CREATE INDEX records_request_events_request ON records_request_events (request_id, seq);
