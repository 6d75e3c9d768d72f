-- CLETS-derived hot-list details, by the opaque reference that alone travels to and from the devices.
-- Resolved only for users authorised for CLETS data (CJIS Security Policy).
CREATE TABLE clets_records (
    reference   text        PRIMARY KEY,
    details     text        NOT NULL,
    imported_at timestamptz NOT NULL,
    imported_by text        NOT NULL
);
