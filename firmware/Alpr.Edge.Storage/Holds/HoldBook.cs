using Alpr.Edge.Storage.Durability;
using Microsoft.Data.Sqlite;

namespace Alpr.Edge.Storage.Holds;

/// <summary>
/// The active holds, in the <c>holds</c> table and in memory (new records are checked against them as
/// they are stored). Placing a hold sets <c>held</c> on the records it matches; releasing one recomputes
/// <c>held</c> for those records from the holds still active.
/// </summary>
internal sealed class HoldBook
{
    private const string StillHeld = """
        EXISTS (SELECT 1 FROM holds h WHERE h.released_at IS NULL AND (
            (h.kind = 0 AND h.plate_index = records.plate_index)
            OR (h.kind = 1 AND records.captured_at BETWEEN h.from_ms AND h.to_ms)
            OR (h.kind = 2 AND h.record_id = records.id)))
        """;

    private readonly SqliteConnection _connection;
    private readonly List<ActiveHold> _active;

    private HoldBook(SqliteConnection connection, List<ActiveHold> active)
    {
        _connection = connection;
        _active = active;
    }

    public int ActiveCount => _active.Count;

    public static HoldBook Load(SqliteConnection connection)
    {
        var active = new List<ActiveHold>();
        using var select = connection.CreateCommand();
        select.CommandText = "SELECT hold_id, kind, plate_index, from_ms, to_ms, record_id FROM holds WHERE released_at IS NULL";
        using var reader = select.ExecuteReader();
        while (reader.Read())
        {
            active.Add(new ActiveHold(
                reader.GetInt64(0),
                (HoldKind)reader.GetInt32(1),
                reader.IsDBNull(2) ? null : (byte[])reader.GetValue(2),
                reader.IsDBNull(3) ? 0 : reader.GetInt64(3),
                reader.IsDBNull(4) ? 0 : reader.GetInt64(4),
                reader.IsDBNull(5) ? null : (byte[])reader.GetValue(5)));
        }

        return new HoldBook(connection, active);
    }

    /// <summary>True when an active hold covers a record about to be stored.</summary>
    public bool Covers(byte[] plateIndex, long capturedAtMs, byte[] recordId)
    {
        foreach (var hold in _active)
        {
            var match = hold.Kind switch
            {
                HoldKind.Plate => hold.PlateIndex.AsSpan().SequenceEqual(plateIndex),
                HoldKind.TimeWindow => capturedAtMs >= hold.FromMs && capturedAtMs <= hold.ToMs,
                _ => hold.RecordId.AsSpan().SequenceEqual(recordId),
            };
            if (match)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Stores the hold and marks the records it matches; returns its id and how many records it holds now.</summary>
    public (long HoldId, int Records) Place(HoldRequest request, byte[]? plateIndex, DateTimeOffset now)
    {
        var hold = new ActiveHold(
            0,
            request.Kind,
            plateIndex,
            request.From.ToUnixTimeMilliseconds(),
            request.To.ToUnixTimeMilliseconds(),
            request.Kind == HoldKind.Record ? Outbox.RecordIds.ToBytes(request.RecordId) : null);
        using var transaction = WriteTransaction.Begin(_connection);
        long holdId;
        using (var insert = _connection.CreateCommand())
        {
            insert.CommandText = """
                INSERT INTO holds (kind, plate_index, from_ms, to_ms, record_id, placed_at)
                VALUES ($kind, $plate, $from, $to, $record, $now) RETURNING hold_id
                """;
            insert.Parameters.AddWithValue("$kind", (int)hold.Kind);
            insert.Parameters.AddWithValue("$plate", (object?)hold.PlateIndex ?? DBNull.Value);
            insert.Parameters.AddWithValue("$from", hold.Kind == HoldKind.TimeWindow ? hold.FromMs : DBNull.Value);
            insert.Parameters.AddWithValue("$to", hold.Kind == HoldKind.TimeWindow ? hold.ToMs : DBNull.Value);
            insert.Parameters.AddWithValue("$record", (object?)hold.RecordId ?? DBNull.Value);
            insert.Parameters.AddWithValue("$now", now.ToUnixTimeMilliseconds());
            holdId = (long)insert.ExecuteScalar()!;
        }

        var marked = UpdateMatching("held = 1", hold);

        transaction.Commit();
        _active.Add(hold with { Id = holdId });
        return (holdId, marked);
    }

    /// <summary>Releases a hold; returns how many records it matched (they lose <c>held</c> unless another hold covers them), or -1 when no such active hold.</summary>
    public int Release(long holdId, DateTimeOffset now)
    {
        var index = _active.FindIndex(h => h.Id == holdId);
        if (index < 0)
        {
            return -1;
        }

        var hold = _active[index];
        using var transaction = WriteTransaction.Begin(_connection);
        using (var release = _connection.CreateCommand())
        {
            release.CommandText = "UPDATE holds SET released_at = $now WHERE hold_id = $id";
            release.Parameters.AddWithValue("$now", now.ToUnixTimeMilliseconds());
            release.Parameters.AddWithValue("$id", holdId);
            release.ExecuteNonQuery();
        }

        var matched = UpdateMatching($"held = {StillHeld}", hold);

        transaction.Commit();
        _active.RemoveAt(index);
        return matched;
    }

    /// <summary>Runs <c>UPDATE records SET {set}</c> on the records a hold matches; a plate hold probes the plate index day by day.</summary>
    private int UpdateMatching(string set, ActiveHold hold)
    {
        if (hold.Kind != HoldKind.Plate)
        {
            using var update = _connection.CreateCommand();
            if (hold.Kind == HoldKind.TimeWindow)
            {
                update.CommandText = $"UPDATE records SET {set} WHERE captured_at BETWEEN $from AND $to";
                update.Parameters.AddWithValue("$from", hold.FromMs);
                update.Parameters.AddWithValue("$to", hold.ToMs);
            }
            else
            {
                update.CommandText = $"UPDATE records SET {set} WHERE id = $record";
                update.Parameters.AddWithValue("$record", hold.RecordId);
            }

            return update.ExecuteNonQuery();
        }

        var changed = 0;
        foreach (var day in StoreQueries.CaptureDays(_connection))
        {
            using var update = _connection.CreateCommand();
            update.CommandText = $"UPDATE records SET {set} WHERE {Schema.StoreSchema.CaptureDay} = $day AND plate_index = $plate";
            update.Parameters.AddWithValue("$day", day);
            update.Parameters.AddWithValue("$plate", hold.PlateIndex);
            changed += update.ExecuteNonQuery();
        }

        return changed;
    }

    private sealed record ActiveHold(long Id, HoldKind Kind, byte[]? PlateIndex, long FromMs, long ToMs, byte[]? RecordId);
}
