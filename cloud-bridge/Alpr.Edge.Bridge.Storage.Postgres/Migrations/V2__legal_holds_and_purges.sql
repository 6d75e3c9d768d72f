-- Legal holds (reads they select are never purged) and the record of each purge.
CREATE TABLE legal_holds (
    id          uuid PRIMARY KEY,
    case_number text        NOT NULL,
    plate       text,
    device_id   text,
    from_at     timestamptz,
    to_at       timestamptz,
    placed_by   text        NOT NULL,
    reason      text        NOT NULL,
    placed_at   timestamptz NOT NULL,
    released_by text,
    released_at timestamptz
);

CREATE TABLE purges (
    id                 bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    at                 timestamptz NOT NULL,
    cutoff             timestamptz NOT NULL,
    purged             bigint      NOT NULL,
    spared             bigint      NOT NULL,
    sparing_holds      text        NOT NULL,
    dropped_partitions text        NOT NULL
);
