namespace Alpr.Edge.Storage.Schema;

/// <summary>
/// The store's schema as forward migrations; <c>PRAGMA user_version</c> holds the version a file is at.
/// Only bookkeeping is in clear: ids, capture times, transfer state, hold and keep flags, sizes and the
/// blind index. Everything else is inside the sealed blobs.
/// </summary>
internal static class StoreSchema
{
    /// <summary>The version this firmware writes.</summary>
    public const int CurrentVersion = 3;

    /// <summary>
    /// Capture day of a row as SQL (the plate index is keyed by day first, so inserts land at the index's
    /// end rather than on random pages; plate lookups probe each day held).
    /// </summary>
    public const string CaptureDay = "captured_at / 86400000";

    /// <summary>Migration to version <c>i + 1</c> at index <c>i</c>.</summary>
    public static IReadOnlyList<string> Migrations { get; } =
    [
        // 1: records, their images, the wrapped keys.
        """
        CREATE TABLE meta (name TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
        CREATE TABLE keys (
            key_id INTEGER PRIMARY KEY,
            purpose INTEGER NOT NULL,
            kek_id BLOB NOT NULL,
            wrapped BLOB NOT NULL,
            created_at INTEGER NOT NULL);
        CREATE TABLE records (
            seq INTEGER PRIMARY KEY,
            id BLOB NOT NULL UNIQUE,
            kind INTEGER NOT NULL,
            captured_at INTEGER NOT NULL,
            state INTEGER NOT NULL DEFAULT 0,
            sent_at INTEGER,
            attempts INTEGER NOT NULL DEFAULT 0,
            acked_at INTEGER,
            keep_plate INTEGER NOT NULL DEFAULT 0,
            unreadable INTEGER NOT NULL DEFAULT 0,
            plate_index BLOB NOT NULL,
            key_id INTEGER NOT NULL,
            record_bytes INTEGER NOT NULL,
            image_bytes INTEGER NOT NULL DEFAULT 0,
            sealed BLOB NOT NULL);
        CREATE TABLE images (seq INTEGER PRIMARY KEY, key_id INTEGER NOT NULL, sealed BLOB NOT NULL);
        CREATE INDEX records_outbox ON records (kind, state, captured_at);
        CREATE INDEX records_plate ON records (captured_at / 86400000, plate_index);
        CREATE INDEX records_time ON records (captured_at);
        """,

        // 2: holds, and the partial indexes that let each purge step find its next victims directly.
        """
        ALTER TABLE records ADD COLUMN held INTEGER NOT NULL DEFAULT 0;
        CREATE TABLE holds (
            hold_id INTEGER PRIMARY KEY,
            kind INTEGER NOT NULL,
            plate_index BLOB,
            from_ms INTEGER,
            to_ms INTEGER,
            record_id BLOB,
            placed_at INTEGER NOT NULL,
            released_at INTEGER);
        CREATE INDEX records_purgeable ON records (captured_at) WHERE state = 2 AND held = 0;
        CREATE INDEX records_imaged ON records (captured_at) WHERE image_bytes > 0 AND held = 0;
        CREATE INDEX records_droppable ON records (captured_at) WHERE keep_plate = 0 AND held = 0;
        """,

        // 3: the ids of the bridge's commands already applied, so one re-delivered after a restart is applied once.
        """
        CREATE TABLE commands_seen (id BLOB PRIMARY KEY, seen_at INTEGER NOT NULL) WITHOUT ROWID;
        CREATE INDEX commands_seen_time ON commands_seen (seen_at);
        """,
    ];
}
