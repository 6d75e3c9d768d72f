using Alpr.Edge.Contracts;

namespace Alpr.Edge.Bridge.Storage;

/// <summary>
/// The bridge's central store of reads, hits, device events, device status and the access audit trail.
/// Implemented on SQLite (<c>Alpr.Edge.Bridge.Storage.Sqlite</c>, the embedded default) and on PostgreSQL
/// (<c>Alpr.Edge.Bridge.Storage.Postgres</c>, production); both pass one contract test suite.
/// Adds are idempotent: a record whose id is already stored is ignored.
/// </summary>
public interface ICentralStore
{
    /// <summary>
    /// Opens the database and brings its schema up to date with the store's migrations (from empty or from any earlier release).
    /// Throws <see cref="StoreUnavailableException"/>, with a one-line reason, when the database cannot be reached or opened,
    /// or was written by a newer bridge.
    /// </summary>
    Task InitializeAsync(CancellationToken cancellationToken);

    /// <summary>Stores a read; false when a read with the same id was already stored.</summary>
    Task<bool> AddReadAsync(PlateReadMessage read, DateTimeOffset receivedAt, CancellationToken cancellationToken);

    /// <summary>
    /// Stores a hit as <see cref="HitVerification.Unverified"/> whatever the device sent;
    /// false when a hit with the same id was already stored.
    /// </summary>
    Task<bool> AddHitAsync(HotlistHitMessage hit, DateTimeOffset receivedAt, CancellationToken cancellationToken);

    /// <summary>
    /// Stores a whole ingest batch (reads, hits, device events and dead letters) in one transaction: all of it or, on an
    /// exception, none of it. Records already stored, or repeated within the batch, are skipped as the single adds skip them.
    /// </summary>
    Task<IngestBatchResult> AddBatchAsync(IngestBatch batch, CancellationToken cancellationToken);

    /// <summary>The most recently captured reads, newest first.</summary>
    Task<IReadOnlyList<StoredRead>> GetRecentReadsAsync(int limit, CancellationToken cancellationToken);

    /// <summary>Reads of one plate, newest first.</summary>
    Task<IReadOnlyList<StoredRead>> GetReadsByPlateAsync(string plate, int limit, CancellationToken cancellationToken);

    /// <summary>
    /// Reads matching every condition <paramref name="query"/> sets (plate or <c>?</c>/<c>*</c> pattern, capture-time window,
    /// device, camera), newest captured first, at most <see cref="ReadQuery.Limit"/>.
    /// </summary>
    Task<IReadOnlyList<StoredRead>> FindReadsAsync(ReadQuery query, CancellationToken cancellationToken);

    /// <summary>One read by id, or null.</summary>
    Task<StoredRead?> GetReadAsync(Guid id, CancellationToken cancellationToken);

    /// <summary>The most recently captured hits, newest first.</summary>
    Task<IReadOnlyList<StoredHit>> GetRecentHitsAsync(int limit, CancellationToken cancellationToken);

    /// <summary>
    /// Hits whose read matches every condition <paramref name="query"/> sets (the same conditions as
    /// <see cref="FindReadsAsync"/>, on the hit's read), newest captured first, at most <see cref="ReadQuery.Limit"/>.
    /// </summary>
    Task<IReadOnlyList<StoredHit>> FindHitsAsync(ReadQuery query, CancellationToken cancellationToken);

    /// <summary>One hit by id, or null.</summary>
    Task<StoredHit?> GetHitAsync(Guid id, CancellationToken cancellationToken);

    /// <summary>How many reads and hits are stored.</summary>
    Task<StoreCounts> CountAsync(CancellationToken cancellationToken);

    /// <summary>Stores a device event; false when an event with the same id was already stored.</summary>
    Task<bool> AddEventAsync(DeviceEventMessage deviceEvent, DateTimeOffset receivedAt, CancellationToken cancellationToken);

    /// <summary>The most recent device events, newest first, of one device or of all when <paramref name="deviceId"/> is null.</summary>
    Task<IReadOnlyList<StoredEvent>> GetRecentEventsAsync(int limit, string? deviceId, CancellationToken cancellationToken);

    /// <summary>
    /// Device events of <paramref name="kind"/> that happened at or after <paramref name="since"/>, newest first (at most
    /// 10,000), of one device or of all when <paramref name="deviceId"/> is null.
    /// </summary>
    Task<IReadOnlyList<StoredEvent>> GetEventsOfKindAsync(string kind, DateTimeOffset since, string? deviceId, CancellationToken cancellationToken);

    /// <summary>Keeps a device's availability (<c>online</c>, <c>offline</c>, <c>stopped</c>).</summary>
    Task SetDeviceAvailabilityAsync(string deviceId, string availability, DateTimeOffset receivedAt, CancellationToken cancellationToken);

    /// <summary>Keeps a device's latest periodic status.</summary>
    Task SetDeviceHealthAsync(DeviceHealthMessage health, DateTimeOffset receivedAt, CancellationToken cancellationToken);

    /// <summary>Every device heard from, by id, with its availability and latest status.</summary>
    Task<IReadOnlyList<DeviceSummary>> GetDevicesAsync(CancellationToken cancellationToken);

    /// <summary>Places a legal hold; the reads it selects are never purged while it is in force.</summary>
    Task PlaceHoldAsync(LegalHold hold, CancellationToken cancellationToken);

    /// <summary>Releases a hold in force; false when there is no such hold or it was already released.</summary>
    Task<bool> ReleaseHoldAsync(Guid id, string releasedBy, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>Every hold, in force or released, newest placed first.</summary>
    Task<IReadOnlyList<LegalHold>> GetHoldsAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Purges reads captured before <paramref name="cutoff"/> that no hold in force selects, and records the purge
    /// (at <paramref name="now"/>) in the history. Incremental: PostgreSQL drops whole month partitions that lie entirely
    /// before the cutoff (a month with held reads loses only its unheld rows), so a month goes once all of it is due;
    /// SQLite deletes in batches.
    /// </summary>
    Task<PurgeResult> PurgeReadsAsync(DateTimeOffset cutoff, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>The latest purges, newest first.</summary>
    Task<IReadOnlyList<PurgeResult>> GetPurgesAsync(int limit, CancellationToken cancellationToken);

    /// <summary>Keeps a message that failed validation, with the reason; nothing of it is applied elsewhere.</summary>
    Task AddDeadLetterAsync(DeadLetter letter, CancellationToken cancellationToken);

    /// <summary>The latest dead letters, newest first.</summary>
    Task<IReadOnlyList<DeadLetter>> GetDeadLettersAsync(int limit, CancellationToken cancellationToken);

    /// <summary>When the bridge last received a read or hit from each device that has sent one (the transfer watch).</summary>
    Task<IReadOnlyDictionary<string, DateTimeOffset>> GetLastTransfersAsync(CancellationToken cancellationToken);

    /// <summary>Stores a transfer alert; false when one for the same device and last transfer is already stored.</summary>
    Task<bool> AddTransferAlertAsync(TransferAlert alert, CancellationToken cancellationToken);

    /// <summary>The latest transfer alerts, newest raised first.</summary>
    Task<IReadOnlyList<TransferAlert>> GetTransferAlertsAsync(int limit, CancellationToken cancellationToken);

    /// <summary>Appends one row to the access audit trail.</summary>
    Task AddAccessAuditAsync(AccessAuditEntry entry, CancellationToken cancellationToken);

    /// <summary>The latest access audit rows, newest first.</summary>
    Task<IReadOnlyList<AccessAuditEntry>> GetRecentAccessAuditAsync(int limit, CancellationToken cancellationToken);
}
