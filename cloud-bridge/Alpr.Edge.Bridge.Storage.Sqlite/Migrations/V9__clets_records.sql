-- CLETS-derived hot-list details, by the opaque reference that alone travels to and from the devices.
-- Resolved only for users authorised for CLETS data (CJIS Security Policy).
CREATE TABLE clets_records (
    reference   TEXT PRIMARY KEY,
    details     TEXT NOT NULL,
    imported_at TEXT NOT NULL,
    imported_by TEXT NOT NULL
);
