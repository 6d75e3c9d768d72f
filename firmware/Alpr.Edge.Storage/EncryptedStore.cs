using Alpr.Edge.Contracts;
using Alpr.Edge.Storage.Diagnostics;
using Alpr.Edge.Storage.Durability;
using Alpr.Edge.Storage.Encryption;
using Alpr.Edge.Storage.Evidence;
using Alpr.Edge.Storage.Holds;
using Alpr.Edge.Storage.Keys;
using Alpr.Edge.Storage.Outbox;
using Alpr.Edge.Storage.Ring;
using Alpr.Edge.Storage.Schema;
using Alpr.Edge.Storage.Verification;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Alpr.Edge.Storage;

/// <summary>
/// The device's encrypted ring and outbox (<c>store.db</c>, WAL, <c>synchronous = FULL</c>,
/// <c>secure_delete</c>): every read and hit is sealed with AES-256-GCM before it reaches SQLite and
/// kept until the bridge acknowledges it, then as a bounded ring. One connection, used under a lock;
/// every write is one committed transaction (a batch of reads, or a read with its hits).
/// </summary>
public sealed class EncryptedStore : IDisposable
{
    /// <summary>File name inside the data folder.</summary>
    public const string FileName = "store.db";

    private readonly SqliteConnection _connection;
    private readonly KeyLocation _keyLocation;
    private readonly HoldBook _holds;
    private readonly RingPurger _purger;
    private readonly RingOptions _ring;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;
    private readonly Lock _lock = new();
    private readonly StoreCommands _commands;
    private KeyEncryptionKey _kek;
    private readonly List<KeyRing> _retiredKeys = [];
    private KeyRing _keys;
    private long _liveBytes;
    private bool _disposed;

    private EncryptedStore(StoreParts parts, EncryptedStoreOptions options, TimeProvider timeProvider, ILogger logger)
    {
        _connection = parts.Connection;
        _kek = parts.Kek;
        _keys = parts.Keys;
        _keyLocation = parts.KeyLocation;
        Path = parts.Path;
        DeviceId = parts.DeviceId;
        _ring = options.Ring;
        _timeProvider = timeProvider;
        _logger = logger;
        _holds = HoldBook.Load(_connection);
        _purger = new RingPurger(_connection, _ring);
        _commands = new StoreCommands(_connection);
        _liveBytes = StoreQueries.LiveBytes(_connection);
    }

    /// <summary>Raised (after the step commits) when the ring drops images or reads, or cannot meet its budget.</summary>
    public event EventHandler<StorageAlarm>? Alarm;

    /// <summary>Full path of the database file.</summary>
    public string Path { get; }

    /// <summary>The device id bound into every blob (the one the store was created with).</summary>
    public string DeviceId { get; }

    /// <summary>Logical bytes held (sealed blobs plus per-record overhead), as counted against the budget.</summary>
    public long LiveBytes => Volatile.Read(ref _liveBytes);

    /// <summary>
    /// Opens (creating if needed) <c>store.db</c> in the data folder. Refuses a file written by a newer
    /// firmware (<see cref="StoreSchemaException"/>) or whose keys the device key does not open
    /// (<see cref="StoreKeyException"/>); migrates an older one after copying it aside.
    /// </summary>
    public static EncryptedStore Open(EncryptedStoreOptions options, TimeProvider timeProvider, ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(timeProvider);
        ArgumentException.ThrowIfNullOrEmpty(options.DataDirectory);
        ArgumentException.ThrowIfNullOrEmpty(options.DeviceId);
        logger ??= NullLogger.Instance;
        var parts = StoreOpener.Open(options, timeProvider, logger);
        try
        {
            var store = new EncryptedStore(parts, options, timeProvider, logger);
            var stats = store.GetStats();
            StoreLog.Opened(logger, parts.Path, stats.SchemaVersion, stats.Reads + stats.Hits, stats.Backlog, stats.Held);
            return store;
        }
        catch
        {
            parts.Dispose();
            throw;
        }
    }

    /// <summary>Stores a read and its hits in one durable transaction, all <see cref="TransferState.NotSent"/>.</summary>
    public void Add(PlateReadMessage read, IReadOnlyList<HotlistHitMessage> hits, ReadEvidence? evidence = null)
        => AddBatch([new ReadToStore(read, hits, evidence ?? ReadEvidence.None)]);

    /// <summary>
    /// Stores a batch of reads (with their hits) in one durable transaction; when it returns, all of it is on
    /// disk. Runs one bounded purge step afterwards when the store is over its budget.
    /// </summary>
    public void AddBatch(IReadOnlyList<ReadToStore> batch) => Write(Seal(batch));

    /// <summary>
    /// Seals a batch (JSON, AES-GCM, blind index) without taking the store's write lock, so that a writer can
    /// seal the next batch on one core while <see cref="Write"/> commits this one on the other. Thread-safe.
    /// </summary>
    public SealedBatch Seal(IReadOnlyList<ReadToStore> batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        ObjectDisposedException.ThrowIf(_disposed, this);
        var keys = Volatile.Read(ref _keys);
        var rows = new List<SealedRow>(batch.Count * 2);
        foreach (var item in batch)
        {
            RecordSealer.Seal(item, keys, rows);
        }

        return new SealedBatch(rows);
    }

    /// <summary>
    /// Commits a sealed batch in one durable transaction; when it returns, all of it is on disk. Runs one
    /// bounded purge step afterwards when the store is over its budget.
    /// </summary>
    public void Write(SealedBatch batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        lock (_lock)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            long added = 0;
            using (var transaction = WriteTransaction.Begin(_connection))
            {
                foreach (var row in batch.Rows)
                {
                    _commands.Insert(row, _holds.Covers(row.PlateIndex, row.CapturedAtMs, row.Id));
                    added += row.Bytes;
                }

                transaction.Commit();
            }

            _liveBytes += added;
        }

        if (Volatile.Read(ref _liveBytes) > _ring.DiskBudgetBytes)
        {
            PurgeStep();
        }
    }

    /// <summary>
    /// Takes up to <paramref name="max"/> records of <paramref name="kind"/> to publish, oldest first: those
    /// not yet sent, and those in flight for longer than <paramref name="resendAfter"/> without an
    /// acknowledgement. They are marked <see cref="TransferState.InFlight"/> before they are returned.
    /// A record that does not decrypt is reported with its id, marked unreadable and skipped.
    /// </summary>
    public IReadOnlyList<StoredRecord> TakeForSending(RecordKind kind, int max, TimeSpan resendAfter)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(max);
        var now = _timeProvider.GetUtcNow().ToUnixTimeMilliseconds();
        lock (_lock)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            var candidates = _commands.SendCandidates(kind, max, now - (long)resendAfter.TotalMilliseconds);
            var records = new List<StoredRecord>(candidates.Count);
            using var transaction = WriteTransaction.Begin(_connection);
            foreach (var row in candidates)
            {
                var id = RecordIds.FromBytes(row.Id);
                if (!RecordOpener.TryOpenRecord(_keys, id, kind, row.KeyId, row.Sealed, out var json, out _, out var reason))
                {
                    StoreLog.RecordUnreadable(_logger, id, reason);
                    _commands.MarkUnreadable(row.Seq);
                    continue;
                }

                _commands.MarkSent(row.Seq, now);
                records.Add(new StoredRecord(id, kind, DateTimeOffset.FromUnixTimeMilliseconds(row.CapturedAtMs), json, row.Attempts + 1));
            }

            transaction.Commit();
            return records;
        }
    }

    /// <summary>Marks the records (reads or hits) with these ids <see cref="TransferState.Acked"/>; returns how many changed.</summary>
    public int MarkAcked(IReadOnlyCollection<Guid> ids)
    {
        ArgumentNullException.ThrowIfNull(ids);
        var now = _timeProvider.GetUtcNow().ToUnixTimeMilliseconds();
        lock (_lock)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            var changed = 0;
            using var transaction = WriteTransaction.Begin(_connection);
            foreach (var id in ids)
            {
                changed += _commands.MarkAcked(RecordIds.ToBytes(id), now);
            }

            transaction.Commit();
            return changed;
        }
    }

    /// <summary>
    /// Stores a device event in one durable transaction, <see cref="TransferState.NotSent"/>, sealed like every
    /// record. Events keep no plate and are never dropped for the budget before the bridge has them.
    /// </summary>
    public void AddEvent(DeviceEventMessage deviceEvent)
    {
        ArgumentNullException.ThrowIfNull(deviceEvent);
        lock (_lock)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            var row = EventSealer.Seal(deviceEvent, _keys);
            using (var transaction = WriteTransaction.Begin(_connection))
            {
                _commands.Insert(row, _holds.Covers(row.PlateIndex, row.CapturedAtMs, row.Id));
                transaction.Commit();
            }

            _liveBytes += row.Bytes;
        }
    }

    /// <summary>Capture time of the oldest record of <paramref name="kind"/> not yet acknowledged, or null when there is none.</summary>
    public DateTimeOffset? OldestUnacknowledged(RecordKind kind)
    {
        lock (_lock)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            var oldest = StoreQueries.Scalar(_connection, "SELECT COALESCE(MIN(captured_at), -1) FROM records WHERE kind = $kind AND state IN (0, 1)", ("$kind", (int)kind));
            return oldest < 0 ? null : DateTimeOffset.FromUnixTimeMilliseconds(oldest);
        }
    }

    /// <summary>How long an applied command's id is remembered; a command lives an hour at most (signed commands expire).</summary>
    public static readonly TimeSpan CommandMemory = TimeSpan.FromDays(7);

    /// <summary>
    /// Records that the command <paramref name="commandId"/> is being applied, durably; false when it was seen before (a
    /// re-delivery, also after a restart). Ids older than <see cref="CommandMemory"/> are forgotten.
    /// </summary>
    public bool RememberCommand(Guid commandId)
    {
        var now = _timeProvider.GetUtcNow();
        lock (_lock)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            using var transaction = WriteTransaction.Begin(_connection);
            StoreQueries.Scalar(_connection, "DELETE FROM commands_seen WHERE seen_at < $before; SELECT changes();", ("$before", (now - CommandMemory).ToUnixTimeMilliseconds()));
            var added = StoreQueries.Scalar(
                _connection, "INSERT OR IGNORE INTO commands_seen (id, seen_at) VALUES ($id, $now); SELECT changes();", ("$id", RecordIds.ToBytes(commandId)), ("$now", now.ToUnixTimeMilliseconds()));
            transaction.Commit();
            return added == 1;
        }
    }

    /// <summary>Puts every in-flight record back to <see cref="TransferState.NotSent"/> (after a reconnect); returns how many.</summary>
    public int ReturnInFlight()
    {
        lock (_lock)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            return (int)StoreQueries.Scalar(_connection, "UPDATE records SET state = 0 WHERE state = 1; SELECT changes();");
        }
    }

    /// <summary>Reads and hits published less than <paramref name="resendAfter"/> ago and not yet acknowledged.</summary>
    public long CountAwaitingAck(TimeSpan resendAfter)
    {
        var staleBefore = _timeProvider.GetUtcNow().ToUnixTimeMilliseconds() - (long)resendAfter.TotalMilliseconds;
        lock (_lock)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            return StoreQueries.Scalar(_connection, "SELECT COUNT(*) FROM records WHERE kind IN (0, 1) AND state = 1 AND sent_at > $stale", ("$stale", staleBefore));
        }
    }

    /// <summary>The transfer state of a read or hit, or null when the store does not hold it.</summary>
    public TransferState? GetState(Guid id)
    {
        lock (_lock)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            var state = StoreQueries.Scalar(_connection, "SELECT COALESCE((SELECT state FROM records WHERE id = $id), -1)", ("$id", RecordIds.ToBytes(id)));
            return state < 0 ? null : (TransferState)state;
        }
    }

    /// <summary>Records of <paramref name="kind"/> in each transfer state.</summary>
    public StoreCounts Count(RecordKind kind)
    {
        lock (_lock)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            return StoreQueries.Count(_connection, kind);
        }
    }

    /// <summary>Reads a record back and decrypts it with its evidence; false when absent or unreadable (reported).</summary>
    public bool TryRead(Guid id, out DecryptedRecord? record)
    {
        lock (_lock)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            record = _commands.ReadBack(_keys, id, out var reason);
            if (record is null && reason is not null)
            {
                StoreLog.RecordUnreadable(_logger, id, reason);
            }

            return record is not null;
        }
    }

    /// <summary>Ids of the records of a plate, found through the blind index (the plate itself is never stored).</summary>
    public IReadOnlyList<Guid> FindByPlate(string plate)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(plate);
        lock (_lock)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            return _commands.FindByIndex(_keys.Index.Of(plate));
        }
    }

    /// <summary>Places a hold; matching records, present and future, stay past their ring time until it is released. Returns its id.</summary>
    public long PlaceHold(HoldRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        lock (_lock)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            var plateIndex = request.Kind == HoldKind.Plate ? _keys.Index.Of(request.Plate!) : null;
            var (holdId, records) = _holds.Place(request, plateIndex, _timeProvider.GetUtcNow());
            StoreLog.HoldPlaced(_logger, holdId, request.Kind, records);
            return holdId;
        }
    }

    /// <summary>Releases a hold; false when no such active hold exists.</summary>
    public bool ReleaseHold(long holdId)
    {
        lock (_lock)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            var records = _holds.Release(holdId, _timeProvider.GetUtcNow());
            if (records >= 0)
            {
                StoreLog.HoldReleased(_logger, holdId, records);
            }

            return records >= 0;
        }
    }

    /// <summary>Runs one bounded purge step (see <see cref="RingPurger"/>) and raises any alarms.</summary>
    public PurgeResult PurgeStep()
    {
        var alarms = new List<StorageAlarm>();
        PurgeResult result;
        lock (_lock)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            result = _purger.Step(_liveBytes, _timeProvider.GetUtcNow(), alarms);
            _liveBytes -= result.FreedBytes;
        }

        if (result.Purged + result.ImagesDropped + result.ReadsDropped > 0)
        {
            StoreLog.Purged(_logger, result.Purged, result.ImagesDropped, result.ReadsDropped, result.FreedBytes);
        }

        foreach (var alarm in alarms)
        {
            RaiseAlarm(alarm);
        }

        return result;
    }

    /// <summary>Checkpoints the WAL into the database file and truncates it.</summary>
    public void Checkpoint()
    {
        lock (_lock)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            StoreQueries.Scalar(_connection, "PRAGMA wal_checkpoint(TRUNCATE)");
        }
    }

    /// <summary>Counts, sizes, times and the days of capacity.</summary>
    public StoreStats GetStats()
    {
        lock (_lock)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            return StoreQueries.Stats(_connection, Path, _ring, _liveBytes, _holds.ActiveCount, _timeProvider.GetUtcNow());
        }
    }

    /// <summary>Integrity check of the file plus decryption of every record and image; changes nothing.</summary>
    public VerifyReport Verify(CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            var report = StoreVerifier.Verify(_connection, _keys, cancellationToken);
            foreach (var unreadable in report.Unreadable)
            {
                StoreLog.RecordUnreadable(_logger, unreadable.Id, unreadable.Reason);
            }

            return report;
        }
    }

    /// <summary>
    /// Rotates the device key without closing the store: every key re-wrapped under a new device key, and a
    /// new data-key generation for new records. Old records stay readable. Returns the new data key's id.
    /// </summary>
    public long RotateKey()
    {
        lock (_lock)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            var now = _timeProvider.GetUtcNow();
            var keyId = KeyRotation.Rotate(_connection, _keyLocation, _kek, DeviceId, now);
            var kek = new KeyEncryptionKey(KeyFile.Read(_keyLocation.Path));
            var keys = KeyRing.LoadOrCreate(_connection, kek, DeviceId, now);
            _retiredKeys.Add(_keys); // a seal outside the lock may still be using it; disposed with the store
            _kek.Dispose();
            Volatile.Write(ref _keys, keys);
            _kek = kek;
            StoreLog.KeyRotated(_logger, keyId);
            return keyId;
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        lock (_lock)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            _commands.Dispose();
            _keys.Dispose();
            foreach (var retired in _retiredKeys)
            {
                retired.Dispose();
            }

            _kek.Dispose();
            _connection.Dispose();
        }
    }

    private void RaiseAlarm(StorageAlarm alarm)
    {
        switch (alarm.Kind)
        {
            case StorageAlarmKind.ImagesDropped:
                StoreLog.ImagesDropped(_logger, alarm.Records, alarm.OldestCapturedAt, alarm.LiveBytes, alarm.BudgetBytes);
                break;
            case StorageAlarmKind.ReadsDropped:
                StoreLog.ReadsDropped(_logger, alarm.Records, alarm.OldestCapturedAt, alarm.LiveBytes, alarm.BudgetBytes);
                break;
            default:
                StoreLog.BudgetHeld(_logger, alarm.LiveBytes, alarm.BudgetBytes);
                break;
        }

        Alarm?.Invoke(this, alarm);
    }
}
