-- Canvass: every read within a radius of a point. The site's coordinates leave the payload for columns that an
-- index serves; the radius is matched in the local equirectangular projection (see docs/search.md).
ALTER TABLE reads ADD COLUMN latitude REAL;
ALTER TABLE reads ADD COLUMN longitude REAL;
UPDATE reads SET latitude = json_extract(payload, '$.latitude'), longitude = json_extract(payload, '$.longitude');
CREATE INDEX reads_location ON reads (latitude, longitude, captured_at);

-- Hit verification history (policy § 434.3(f)): append-only; the hit's current disposition is its latest row.
CREATE TABLE hit_dispositions (
    seq             INTEGER PRIMARY KEY AUTOINCREMENT,
    hit_id          TEXT NOT NULL REFERENCES hits (id),
    disposition     TEXT NOT NULL CHECK (disposition IN ('Confirmed', 'NotOnFile', 'Misread', 'WrongState')),
    corrected_plate TEXT,
    note            TEXT,
    by_user         TEXT NOT NULL,
    agency          TEXT,
    at              TEXT NOT NULL
);
CREATE INDEX hit_dispositions_hit ON hit_dispositions (hit_id, seq);
CREATE INDEX hit_dispositions_at ON hit_dispositions (at);

CREATE TRIGGER hit_dispositions_no_update BEFORE UPDATE ON hit_dispositions
BEGIN SELECT RAISE(ABORT, 'hit_dispositions is append-only'); END;
CREATE TRIGGER hit_dispositions_no_delete BEFORE DELETE ON hit_dispositions
BEGIN SELECT RAISE(ABORT, 'hit_dispositions is append-only'); END;

-- When a hit was marked actionable (only once it is Confirmed), and by whom.
ALTER TABLE hits ADD COLUMN actionable_at TEXT;
ALTER TABLE hits ADD COLUMN actionable_by TEXT;
