using System.Globalization;
using Alpr.Edge.Storage.Outbox;
using Alpr.Edge.Storage.Ring;
using Microsoft.Data.Sqlite;

namespace Alpr.Edge.Storage;

/// <summary>Read-only queries over the clear bookkeeping columns (counts, sizes, times).</summary>
internal static class StoreQueries
{
    public static long Scalar(SqliteConnection connection, string sql, params (string Name, object Value)[] parameters)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        var result = command.ExecuteScalar();
        return result is null or DBNull ? 0 : Convert.ToInt64(result, CultureInfo.InvariantCulture);
    }

    /// <summary>Every capture day from the oldest record to the newest (two index probes).</summary>
    public static IEnumerable<long> CaptureDays(SqliteConnection connection)
    {
        var first = Scalar(connection, "SELECT MIN(captured_at) / 86400000 FROM records");
        var last = Scalar(connection, "SELECT MAX(captured_at) / 86400000 FROM records");
        for (var day = first; day <= last; day++)
        {
            yield return day;
        }
    }

    public static long LiveBytes(SqliteConnection connection)
        => Scalar(connection, $"SELECT COALESCE(SUM(record_bytes + image_bytes), 0) + COUNT(*) * {RingOptions.RecordOverheadBytes} FROM records");

    public static StoreCounts Count(SqliteConnection connection, RecordKind kind)
    {
        using var select = connection.CreateCommand();
        select.CommandText = "SELECT state, COUNT(*) FROM records WHERE kind = $kind GROUP BY state";
        select.Parameters.AddWithValue("$kind", (int)kind);
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

    public static StoreStats Stats(SqliteConnection connection, string path, RingOptions ring, long liveBytes, int activeHolds, DateTimeOffset now)
    {
        var reads = Count(connection, RecordKind.Read);
        var hits = Count(connection, RecordKind.Hit);
        long? oldest = null, newest = null;
        using (var range = connection.CreateCommand())
        {
            range.CommandText = "SELECT MIN(captured_at), MAX(captured_at) FROM records";
            using var reader = range.ExecuteReader();
            if (reader.Read() && !reader.IsDBNull(0))
            {
                oldest = reader.GetInt64(0);
                newest = reader.GetInt64(1);
            }
        }

        var since = now - TimeSpan.FromDays(1);
        if (oldest is { } first && first > since.ToUnixTimeMilliseconds())
        {
            since = DateTimeOffset.FromUnixTimeMilliseconds(first);
        }

        var recentReads = Scalar(connection, "SELECT COUNT(*) FROM records WHERE captured_at >= $since AND kind = 0", ("$since", since.ToUnixTimeMilliseconds()));
        var records = reads.NotSent + reads.InFlight + reads.Acked + hits.NotSent + hits.InFlight + hits.Acked;
        var fileBytes = FileLength(path) + FileLength(path + "-wal");
        return new StoreStats
        {
            Path = path,
            SchemaVersion = (int)Scalar(connection, "PRAGMA user_version"),
            Reads = reads.NotSent + reads.InFlight + reads.Acked,
            Hits = hits.NotSent + hits.InFlight + hits.Acked,
            Backlog = reads.NotSent + reads.InFlight + hits.NotSent + hits.InFlight,
            Held = Scalar(connection, "SELECT COUNT(*) FROM records WHERE held = 1"),
            ActiveHolds = activeHolds,
            Unreadable = Scalar(connection, "SELECT COUNT(*) FROM records WHERE unreadable = 1"),
            ReadsWithImages = Scalar(connection, "SELECT COUNT(*) FROM records WHERE image_bytes > 0"),
            LiveBytes = liveBytes,
            BudgetBytes = ring.DiskBudgetBytes,
            FileBytes = fileBytes,
            Oldest = oldest is null ? null : DateTimeOffset.FromUnixTimeMilliseconds(oldest.Value),
            Newest = newest is null ? null : DateTimeOffset.FromUnixTimeMilliseconds(newest.Value),
            Capacity = CapacityEstimate.Compute(ring, recentReads, now - since, records, liveBytes),
            KeyGenerations = (int)Scalar(connection, "SELECT COUNT(*) FROM keys WHERE purpose = 0"),
        };
    }

    private static long FileLength(string path) => File.Exists(path) ? new FileInfo(path).Length : 0;
}
