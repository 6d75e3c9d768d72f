-- Transfer watch: one alert per device and last transfer (data must reach the server at least every 30 days).
CREATE TABLE transfer_alerts (
    id                      bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    device_id               text        NOT NULL,
    raised_at               timestamptz NOT NULL,
    last_transfer_at        timestamptz NOT NULL,
    oldest_untransferred_at timestamptz,
    UNIQUE (device_id, last_transfer_at)
);
CREATE INDEX transfer_alerts_raised_at ON transfer_alerts (raised_at DESC);
