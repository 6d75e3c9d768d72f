-- CLETS-derived hot-list details, by the opaque reference that alone travels to and from the devices.
-- Resolved only for users authorised for CLETS data (CJIS Security Policy).
CREATE TABLE clets_records (
    reference   text        PRIMARY KEY,
    details     text        NOT NULL,
    imported_at timestamptz NOT NULL,
    imported_by text        NOT NULL
);

-- Partner agencies the department shares with: registered, then verified by an administrator before any share.
CREATE TABLE partner_agencies (
    ori           text        PRIMARY KEY,
    name          text        NOT NULL,
    contact       text        NOT NULL,
    registered_by text        NOT NULL,
    registered_at timestamptz NOT NULL,
    verified_by   text,
    verified_at   timestamptz
);

-- What was shared, with whom, why, by whom and when; the items are listed in share_items.
CREATE TABLE shares (
    id          uuid        PRIMARY KEY,
    ori         text        NOT NULL REFERENCES partner_agencies (ori),
    mode        text        NOT NULL CHECK (mode IN ('access', 'export')),
    reason      text        NOT NULL,
    case_number text,
    shared_by   text        NOT NULL,
    shared_at   timestamptz NOT NULL
);
CREATE TABLE share_items (
    share_id uuid NOT NULL REFERENCES shares (id),
    kind     text NOT NULL CHECK (kind IN ('read', 'hit')),
    item_id  uuid NOT NULL,
    PRIMARY KEY (share_id, kind, item_id)
);
CREATE INDEX share_items_item ON share_items (kind, item_id);

-- Non-law-enforcement requests (public records, civil subpoenas), routed to the records manager; each status change is kept.
CREATE TABLE records_requests (
    id          uuid        PRIMARY KEY,
    requester   text        NOT NULL,
    kind        text        NOT NULL,
    scope       text        NOT NULL,
    received_at timestamptz NOT NULL,
    logged_by   text        NOT NULL
);
CREATE TABLE records_request_events (
    seq        bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    request_id uuid        NOT NULL REFERENCES records_requests (id),
    status     text        NOT NULL CHECK (status IN ('Received', 'UnderReview', 'Released', 'Denied')),
    reason     text,
    by_user    text        NOT NULL,
    at         timestamptz NOT NULL
);
CREATE INDEX records_request_events_request ON records_request_events (request_id, seq);
