using Alpr.Edge.Storage.Encryption;
using Alpr.Edge.Storage.Evidence;
using Alpr.Edge.Storage.Keys;
using Alpr.Edge.Storage.Outbox;
using Microsoft.Data.Sqlite;

namespace Alpr.Edge.Storage;

/// <summary>The store's hot-path statements, prepared once and reused under the store's lock.</summary>
internal sealed class StoreCommands : IDisposable
{
    private readonly SqliteConnection _connection;
    private readonly SqliteCommand _insertRecord;
    private readonly SqliteCommand _insertImages;
    private readonly SqliteCommand _markSent;
    private readonly SqliteCommand _markAcked;

    public StoreCommands(SqliteConnection connection)
    {
        _connection = connection;
        _insertRecord = Prepare("""
            INSERT INTO records (id, kind, captured_at, keep_plate, plate_index, key_id, record_bytes, image_bytes, sealed, held)
            VALUES ($id, $kind, $capturedAt, $keep, $plate, $key, $recordBytes, $imageBytes, $sealed, $held)
            """, "$id", "$kind", "$capturedAt", "$keep", "$plate", "$key", "$recordBytes", "$imageBytes", "$sealed", "$held");
        _insertImages = Prepare("INSERT INTO images (seq, key_id, sealed) VALUES ($seq, $key, $sealed)", "$seq", "$key", "$sealed");
        _markSent = Prepare("UPDATE records SET state = 1, sent_at = $now, attempts = attempts + 1 WHERE seq = $seq", "$now", "$seq");
        // Only a record in flight (sent, not yet acknowledged) can be acknowledged: an id the device never sent, or sent and
        // already returned to the outbox, is ignored (the caller counts it), so a forged or stale ack cannot mark it transferred.
        _markAcked = Prepare("UPDATE records SET state = 2, acked_at = $now WHERE id = $id AND state = 1", "$now", "$id");
    }

    public void Insert(SealedRow row, bool held)
    {
        var p = _insertRecord.Parameters;
        p[0].Value = row.Id;
        p[1].Value = (int)row.Kind;
        p[2].Value = row.CapturedAtMs;
        p[3].Value = row.KeepPlate ? 1 : 0;
        p[4].Value = row.PlateIndex;
        p[5].Value = row.KeyId;
        p[6].Value = row.Sealed.Length;
        p[7].Value = row.SealedImages?.Length ?? 0;
        p[8].Value = row.Sealed;
        p[9].Value = held ? 1 : 0;
        // No RETURNING: through Microsoft.Data.Sqlite it opens a reader per row and cost a third of the insert.
        _insertRecord.ExecuteNonQuery();
        if (row.SealedImages is { } images)
        {
            var seq = SQLitePCL.raw.sqlite3_last_insert_rowid(_connection.Handle);
            var q = _insertImages.Parameters;
            q[0].Value = seq;
            q[1].Value = row.KeyId;
            q[2].Value = images;
            _insertImages.ExecuteNonQuery();
        }
    }

    /// <summary>Not-sent records, then stale in-flight ones, merged in capture order (each query walks the outbox index).</summary>
    public List<SendCandidate> SendCandidates(RecordKind kind, int max, long staleBeforeMs)
    {
        var candidates = Select(kind, "state = 0", max, null);
        candidates.AddRange(Select(kind, "state = 1 AND sent_at <= $stale", max, staleBeforeMs));
        candidates.Sort(static (a, b) => a.CapturedAtMs != b.CapturedAtMs ? a.CapturedAtMs.CompareTo(b.CapturedAtMs) : a.Seq.CompareTo(b.Seq));
        return candidates.Count > max ? candidates.GetRange(0, max) : candidates;
    }

    public void MarkSent(long seq, long nowMs)
    {
        _markSent.Parameters[0].Value = nowMs;
        _markSent.Parameters[1].Value = seq;
        _markSent.ExecuteNonQuery();
    }

    public int MarkAcked(byte[] id, long nowMs)
    {
        _markAcked.Parameters[0].Value = nowMs;
        _markAcked.Parameters[1].Value = id;
        return _markAcked.ExecuteNonQuery();
    }

    public void MarkUnreadable(long seq)
    {
        using var update = _connection.CreateCommand();
        update.CommandText = "UPDATE records SET unreadable = 1 WHERE seq = $seq";
        update.Parameters.AddWithValue("$seq", seq);
        update.ExecuteNonQuery();
    }

    public List<Guid> FindByIndex(byte[] plateIndex)
    {
        var ids = new List<Guid>();
        foreach (var day in StoreQueries.CaptureDays(_connection).ToList())
        {
            using var select = _connection.CreateCommand();
            select.CommandText = $"SELECT id FROM records WHERE {Schema.StoreSchema.CaptureDay} = $day AND plate_index = $plate ORDER BY captured_at";
            select.Parameters.AddWithValue("$day", day);
            select.Parameters.AddWithValue("$plate", plateIndex);
            using var reader = select.ExecuteReader();
            while (reader.Read())
            {
                ids.Add(RecordIds.FromBytes((byte[])reader.GetValue(0)));
            }
        }

        return ids;
    }

    /// <summary>A record and its images decrypted; null with a null reason when absent, null with a reason when unreadable.</summary>
    public DecryptedRecord? ReadBack(KeyRing keys, Guid id, out string? reason)
    {
        reason = null;
        using var select = _connection.CreateCommand();
        select.CommandText = """
            SELECT r.kind, r.captured_at, r.state, r.held, r.key_id, r.sealed, i.key_id, i.sealed
            FROM records r LEFT JOIN images i ON i.seq = r.seq WHERE r.id = $id
            """;
        select.Parameters.AddWithValue("$id", RecordIds.ToBytes(id));
        using var reader = select.ExecuteReader();
        if (!reader.Read())
        {
            return null;
        }

        var kind = (RecordKind)reader.GetInt32(0);
        if (!RecordOpener.TryOpenRecord(keys, id, kind, reader.GetInt64(4), (byte[])reader.GetValue(5), out var json, out var site, out var why))
        {
            reason = why;
            return null;
        }

        var evidence = new ReadEvidence { Site = site };
        if (!reader.IsDBNull(7))
        {
            if (!RecordOpener.TryOpenImages(keys, id, reader.GetInt64(6), (byte[])reader.GetValue(7), out var crop, out var overview, out why))
            {
                reason = why;
                return null;
            }

            evidence = evidence with { PlateCropJpeg = crop, OverviewJpeg = overview };
        }

        return new DecryptedRecord(id, kind, DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(1)), (TransferState)reader.GetInt32(2), reader.GetInt64(3) != 0, json, evidence);
    }

    public void Dispose()
    {
        _insertRecord.Dispose();
        _insertImages.Dispose();
        _markSent.Dispose();
        _markAcked.Dispose();
    }

    private List<SendCandidate> Select(RecordKind kind, string where, int max, long? staleBeforeMs)
    {
        using var select = _connection.CreateCommand();
        select.CommandText = $"""
            SELECT seq, id, captured_at, attempts, key_id, sealed FROM records
            WHERE kind = $kind AND {where} AND unreadable = 0 ORDER BY captured_at, seq LIMIT $max
            """;
        select.Parameters.AddWithValue("$kind", (int)kind);
        select.Parameters.AddWithValue("$max", max);
        if (staleBeforeMs is { } stale)
        {
            select.Parameters.AddWithValue("$stale", stale);
        }

        var rows = new List<SendCandidate>();
        using var reader = select.ExecuteReader();
        while (reader.Read())
        {
            rows.Add(new SendCandidate(reader.GetInt64(0), (byte[])reader.GetValue(1), reader.GetInt64(2), reader.GetInt32(3), reader.GetInt64(4), (byte[])reader.GetValue(5)));
        }

        return rows;
    }

    private SqliteCommand Prepare(string sql, params string[] parameters)
    {
        var command = _connection.CreateCommand();
        command.CommandText = sql;
        foreach (var name in parameters)
        {
            command.Parameters.Add(new SqliteParameter { ParameterName = name, Value = DBNull.Value });
        }

        return command;
    }

    internal readonly record struct SendCandidate(long Seq, byte[] Id, long CapturedAtMs, int Attempts, long KeyId, byte[] Sealed);
}
