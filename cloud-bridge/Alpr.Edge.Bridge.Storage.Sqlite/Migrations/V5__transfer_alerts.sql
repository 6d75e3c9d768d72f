-- Transfer watch: one alert per device and last transfer (data must reach the server at least every 30 days).
CREATE TABLE transfer_alerts (
    id                      INTEGER PRIMARY KEY AUTOINCREMENT,
    device_id               TEXT NOT NULL,
    raised_at               TEXT NOT NULL,
    last_transfer_at        TEXT NOT NULL,
    oldest_untransferred_at TEXT,
    UNIQUE (device_id, last_transfer_at)
);
CREATE INDEX transfer_alerts_raised_at ON transfer_alerts (raised_at);
