using Alpr.Edge.Storage.Encryption;
using Alpr.Edge.Storage.Keys;
using Alpr.Edge.Storage.Outbox;
using Microsoft.Data.Sqlite;

namespace Alpr.Edge.Storage.Verification;

/// <summary>Runs <c>PRAGMA integrity_check</c>, then opens every record and image blob; changes nothing.</summary>
internal static class StoreVerifier
{
    public static VerifyReport Verify(SqliteConnection connection, KeyRing keys, CancellationToken cancellationToken)
    {
        var integrity = new List<string>();
        using (var check = connection.CreateCommand())
        {
            check.CommandText = "PRAGMA integrity_check";
            using var reader = check.ExecuteReader();
            while (reader.Read())
            {
                var line = reader.GetString(0);
                if (line != "ok")
                {
                    integrity.Add(line);
                }
            }
        }

        var unreadable = new List<UnreadableRecord>();
        long records = 0, images = 0;
        try
        {
            using var select = connection.CreateCommand();
            select.CommandText = """
                SELECT r.id, r.kind, r.key_id, r.sealed, i.key_id, i.sealed
                FROM records r LEFT JOIN images i ON i.seq = r.seq ORDER BY r.seq
                """;
            using var reader = select.ExecuteReader();
            while (reader.Read())
            {
                cancellationToken.ThrowIfCancellationRequested();
                var id = RecordIds.FromBytes((byte[])reader.GetValue(0));
                var kind = (RecordKind)reader.GetInt32(1);
                records++;
                if (!RecordOpener.TryOpenRecord(keys, id, kind, reader.GetInt64(2), (byte[])reader.GetValue(3), out _, out _, out var reason))
                {
                    unreadable.Add(new UnreadableRecord(id, reason));
                    continue;
                }

                if (!reader.IsDBNull(5))
                {
                    images++;
                    if (!RecordOpener.TryOpenImages(keys, id, reader.GetInt64(4), (byte[])reader.GetValue(5), out _, out _, out reason))
                    {
                        unreadable.Add(new UnreadableRecord(id, reason));
                    }
                }
            }
        }
        catch (SqliteException ex)
        {
            integrity.Add($"reading records failed: {ex.Message}");
        }

        return new VerifyReport(integrity, records, images, unreadable);
    }
}
