using Alpr.Edge.Contracts;
using Microsoft.Data.Sqlite;

namespace Alpr.Edge.Firmware.Storage;

/// <summary>
/// The device's own store and outbox: every read and hit, with its transfer state, in a plain SQLite
/// file (<c>device.db</c>, WAL, synchronous FULL) until the bridge acknowledges it. One connection,
/// used under a lock; every write is its own committed transaction. The encrypted ring store
/// replaces this class in a later issue.
/// </summary>
public sealed class DeviceStore : IDisposable
{
    /// <summary>File name inside the data folder.</summary>
    public const string FileName = "device.db";

    private const string Schema = """
        PRAGMA journal_mode = WAL;
        PRAGMA synchronous = FULL;
        CREATE TABLE IF NOT EXISTS reads (
            seq INTEGER PRIMARY KEY AUTOINCREMENT,
            id TEXT NOT NULL UNIQUE,
            captured_at INTEGER NOT NULL,
            payload BLOB NOT NULL,
            state INTEGER NOT NULL DEFAULT 0,
            sent_at INTEGER,
            attempts INTEGER NOT NULL DEFAULT 0,
            acked_at INTEGER);
        CREATE INDEX IF NOT EXISTS reads_pending ON reads (state, captured_at);
        CREATE TABLE IF NOT EXISTS hits (
            seq INTEGER PRIMARY KEY AUTOINCREMENT,
            id TEXT NOT NULL UNIQUE,
            read_id TEXT NOT NULL,
            captured_at INTEGER NOT NULL,
            payload BLOB NOT NULL,
            state INTEGER NOT NULL DEFAULT 0,
            sent_at INTEGER,
            attempts INTEGER NOT NULL DEFAULT 0,
            acked_at INTEGER);
        CREATE INDEX IF NOT EXISTS hits_pending ON hits (state, captured_at);
        """;

    private readonly SqliteConnection _connection;
    private readonly TimeProvider _timeProvider;
    private readonly Lock _lock = new();

    private DeviceStore(SqliteConnection connection, TimeProvider timeProvider, string path)
    {
        _connection = connection;
        _timeProvider = timeProvider;
        Path = path;
    }

    /// <summary>Full path of the database file.</summary>
    public string Path { get; }

    /// <summary>Opens (creating if needed) <c>device.db</c> in <paramref name="directory"/>.</summary>
    public static DeviceStore Open(string directory, TimeProvider timeProvider)
    {
        ArgumentException.ThrowIfNullOrEmpty(directory);
        ArgumentNullException.ThrowIfNull(timeProvider);
        Directory.CreateDirectory(directory);
        var path = System.IO.Path.GetFullPath(System.IO.Path.Combine(directory, FileName));
        var connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = false,
        }.ToString();
        var connection = new SqliteConnection(connectionString);
        try
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = Schema;
            command.ExecuteNonQuery();
        }
        catch
        {
            connection.Dispose();
            throw;
        }

        return new DeviceStore(connection, timeProvider, path);
    }

    /// <summary>Stores a read and its hits in one committed transaction, all <see cref="TransferState.NotSent"/>.</summary>
    public void Add(PlateReadMessage read, IReadOnlyList<HotlistHitMessage> hits)
    {
        ArgumentNullException.ThrowIfNull(read);
        ArgumentNullException.ThrowIfNull(hits);
        lock (_lock)
        {
            using var transaction = _connection.BeginTransaction();
            foreach (var hit in hits)
            {
                using var insertHit = _connection.CreateCommand();
                insertHit.Transaction = transaction;
                insertHit.CommandText = "INSERT INTO hits (id, read_id, captured_at, payload) VALUES ($id, $readId, $capturedAt, $payload)";
                insertHit.Parameters.AddWithValue("$id", hit.Id.ToString());
                insertHit.Parameters.AddWithValue("$readId", hit.Read.Id.ToString());
                insertHit.Parameters.AddWithValue("$capturedAt", hit.Read.CapturedAt.ToUnixTimeMilliseconds());
                insertHit.Parameters.AddWithValue("$payload", WireFormat.Serialize(hit, ContractsJson.Default.HotlistHitMessage));
                insertHit.ExecuteNonQuery();
            }

            using var insertRead = _connection.CreateCommand();
            insertRead.Transaction = transaction;
            insertRead.CommandText = "INSERT INTO reads (id, captured_at, payload) VALUES ($id, $capturedAt, $payload)";
            insertRead.Parameters.AddWithValue("$id", read.Id.ToString());
            insertRead.Parameters.AddWithValue("$capturedAt", read.CapturedAt.ToUnixTimeMilliseconds());
            insertRead.Parameters.AddWithValue("$payload", WireFormat.Serialize(read, ContractsJson.Default.PlateReadMessage));
            insertRead.ExecuteNonQuery();
            transaction.Commit();
        }
    }

    /// <summary>
    /// Takes up to <paramref name="max"/> records of <paramref name="kind"/> to publish, oldest first: those
    /// not yet sent, and those in flight for longer than <paramref name="resendAfter"/> without an
    /// acknowledgement. They are marked <see cref="TransferState.InFlight"/> before they are returned.
    /// </summary>
    public IReadOnlyList<StoredRecord> TakeForSending(RecordKind kind, int max, TimeSpan resendAfter)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(max);
        var now = _timeProvider.GetUtcNow().ToUnixTimeMilliseconds();
        var staleBefore = now - (long)resendAfter.TotalMilliseconds;
        var table = TableOf(kind);
        lock (_lock)
        {
            using var transaction = _connection.BeginTransaction();
            var records = new List<StoredRecord>();
            using (var select = _connection.CreateCommand())
            {
                select.Transaction = transaction;
                select.CommandText = $"""
                    SELECT id, captured_at, payload, attempts FROM {table}
                    WHERE state = 0 OR (state = 1 AND sent_at <= $staleBefore)
                    ORDER BY captured_at, seq LIMIT $max
                    """;
                select.Parameters.AddWithValue("$staleBefore", staleBefore);
                select.Parameters.AddWithValue("$max", max);
                using var reader = select.ExecuteReader();
                while (reader.Read())
                {
                    records.Add(new StoredRecord(
                        Guid.Parse(reader.GetString(0)),
                        kind,
                        DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(1)),
                        (byte[])reader.GetValue(2),
                        reader.GetInt32(3) + 1));
                }
            }

            foreach (var record in records)
            {
                using var update = _connection.CreateCommand();
                update.Transaction = transaction;
                update.CommandText = $"UPDATE {table} SET state = 1, sent_at = $now, attempts = attempts + 1 WHERE id = $id";
                update.Parameters.AddWithValue("$now", now);
                update.Parameters.AddWithValue("$id", record.Id.ToString());
                update.ExecuteNonQuery();
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
        var changed = 0;
        lock (_lock)
        {
            using var transaction = _connection.BeginTransaction();
            foreach (var table in new[] { "hits", "reads" })
            {
                foreach (var id in ids)
                {
                    using var update = _connection.CreateCommand();
                    update.Transaction = transaction;
                    update.CommandText = $"UPDATE {table} SET state = 2, acked_at = $now WHERE id = $id AND state <> 2";
                    update.Parameters.AddWithValue("$now", now);
                    update.Parameters.AddWithValue("$id", id.ToString());
                    changed += update.ExecuteNonQuery();
                }
            }

            transaction.Commit();
        }

        return changed;
    }

    /// <summary>Puts every in-flight record back to <see cref="TransferState.NotSent"/> (after a reconnect); returns how many.</summary>
    public int ReturnInFlight()
    {
        lock (_lock)
        {
            using var update = _connection.CreateCommand();
            update.CommandText = "UPDATE hits SET state = 0 WHERE state = 1; UPDATE reads SET state = 0 WHERE state = 1;";
            return update.ExecuteNonQuery();
        }
    }

    /// <summary>Reads and hits published less than <paramref name="resendAfter"/> ago and not yet acknowledged.</summary>
    public long CountAwaitingAck(TimeSpan resendAfter)
    {
        var staleBefore = _timeProvider.GetUtcNow().ToUnixTimeMilliseconds() - (long)resendAfter.TotalMilliseconds;
        lock (_lock)
        {
            using var select = _connection.CreateCommand();
            select.CommandText = """
                SELECT (SELECT COUNT(*) FROM hits WHERE state = 1 AND sent_at > $staleBefore)
                     + (SELECT COUNT(*) FROM reads WHERE state = 1 AND sent_at > $staleBefore)
                """;
            select.Parameters.AddWithValue("$staleBefore", staleBefore);
            return (long)select.ExecuteScalar()!;
        }
    }

    /// <summary>The transfer state of a read or hit, or null when the store does not hold it.</summary>
    public TransferState? GetState(Guid id)
    {
        lock (_lock)
        {
            using var select = _connection.CreateCommand();
            select.CommandText = "SELECT state FROM hits WHERE id = $id UNION ALL SELECT state FROM reads WHERE id = $id";
            select.Parameters.AddWithValue("$id", id.ToString());
            var state = select.ExecuteScalar();
            return state is null ? null : (TransferState)Convert.ToInt32(state, System.Globalization.CultureInfo.InvariantCulture);
        }
    }

    /// <summary>Records of <paramref name="kind"/> in each transfer state.</summary>
    public StoreCounts Count(RecordKind kind)
    {
        lock (_lock)
        {
            using var select = _connection.CreateCommand();
            select.CommandText = $"SELECT state, COUNT(*) FROM {TableOf(kind)} GROUP BY state";
            using var reader = select.ExecuteReader();
            long notSent = 0, inFlight = 0, acked = 0;
            while (reader.Read())
            {
                var count = reader.GetInt64(1);
                switch ((TransferState)reader.GetInt32(0))
                {
                    case TransferState.NotSent: notSent = count; break;
                    case TransferState.InFlight: inFlight = count; break;
                    case TransferState.Acked: acked = count; break;
                }
            }

            return new StoreCounts(notSent, inFlight, acked);
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        lock (_lock)
        {
            _connection.Dispose();
        }
    }

    private static string TableOf(RecordKind kind) => kind == RecordKind.Hit ? "hits" : "reads";
}
