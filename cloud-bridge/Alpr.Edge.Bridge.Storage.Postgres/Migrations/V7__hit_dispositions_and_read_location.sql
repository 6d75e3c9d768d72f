-- Canvass: every read within a radius of a point. The site's coordinates leave the payload for columns that an
-- index serves; the radius is matched in the local equirectangular projection (see docs/search.md).
ALTER TABLE reads ADD COLUMN latitude double precision;
ALTER TABLE reads ADD COLUMN longitude double precision;
UPDATE reads SET latitude = (payload ->> 'latitude')::double precision, longitude = (payload ->> 'longitude')::double precision
WHERE payload ->> 'latitude' IS NOT NULL;
CREATE INDEX reads_location ON reads (latitude, longitude, captured_at);

-- Hit verification history (policy § 434.3(f)): append-only; the hit's current disposition is its latest row.
CREATE TABLE hit_dispositions (
    seq             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    hit_id          uuid        NOT NULL REFERENCES hits (id),
    disposition     text        NOT NULL CHECK (disposition IN ('Confirmed', 'NotOnFile', 'Misread', 'WrongState')),
    corrected_plate text,
    note            text,
    by_user         text        NOT NULL,
    agency          text,
    at              timestamptz NOT NULL
);
CREATE INDEX hit_dispositions_hit ON hit_dispositions (hit_id, seq);
CREATE INDEX hit_dispositions_at ON hit_dispositions (at);

CREATE FUNCTION hit_dispositions_append_only() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'hit_dispositions is append-only';
END
$$;
CREATE TRIGGER hit_dispositions_no_change BEFORE UPDATE OR DELETE ON hit_dispositions
FOR EACH ROW EXECUTE FUNCTION hit_dispositions_append_only();

-- When a hit was marked actionable (only once it is Confirmed), and by whom.
ALTER TABLE hits ADD COLUMN actionable_at timestamptz;
ALTER TABLE hits ADD COLUMN actionable_by text;
