using Alpr.Edge.Storage.Durability;
using Microsoft.Data.Sqlite;

namespace Alpr.Edge.Storage.Ring;

/// <summary>
/// One bounded purge step of the ring, in one transaction, touching at most
/// <see cref="RingOptions.PurgeBatchSize"/> records. Order of work:
/// (1) acknowledged, unheld records older than <see cref="RingOptions.MaxAge"/>;
/// (2) while over budget, the oldest acknowledged, unheld records;
/// (3) still over (the budget is exhausted by un-transferred reads), images of the oldest unheld reads;
/// (4) still over with no images left, plate records of the oldest unheld reads without hits.
/// Held records are never touched; hits and reads with hits lose their plate records only once acknowledged.
/// Each query walks a partial index in capture order, so the cost per record does not grow with the store.
/// </summary>
internal sealed class RingPurger
{
    private readonly SqliteConnection _connection;
    private readonly RingOptions _options;

    public RingPurger(SqliteConnection connection, RingOptions options)
    {
        _connection = connection;
        _options = options;
    }

    /// <summary>Runs one step; <paramref name="liveBytes"/> is the store's logical size before it.</summary>
    public PurgeResult Step(long liveBytes, DateTimeOffset now, List<StorageAlarm> alarms)
    {
        var budget = _options.DiskBudgetBytes;
        var left = _options.PurgeBatchSize;
        long freed = 0;
        int purged = 0, imagesDropped = 0, readsDropped = 0;
        var more = false;
        using var transaction = WriteTransaction.Begin(_connection);

        var aged = Candidates("state = 2 AND held = 0 AND captured_at < $cutoff", left, now - _options.MaxAge);
        foreach (var victim in aged)
        {
            freed += Delete(victim);
        }

        purged += aged.Count;
        left -= aged.Count;
        more |= left == 0;

        if (left > 0 && liveBytes - freed > budget)
        {
            foreach (var victim in Candidates("state = 2 AND held = 0", left, null))
            {
                if (liveBytes - freed <= budget)
                {
                    break;
                }

                freed += Delete(victim);
                purged++;
                left--;
            }

            more |= left == 0 && liveBytes - freed > budget;
        }

        if (left > 0 && liveBytes - freed > budget)
        {
            DateTimeOffset? oldest = null;
            foreach (var victim in Candidates("image_bytes > 0 AND held = 0", left, null))
            {
                if (liveBytes - freed <= budget)
                {
                    break;
                }

                freed += DropImages(victim);
                oldest ??= DateTimeOffset.FromUnixTimeMilliseconds(victim.CapturedAtMs);
                imagesDropped++;
                left--;
            }

            if (imagesDropped > 0)
            {
                alarms.Add(new StorageAlarm(StorageAlarmKind.ImagesDropped, imagesDropped, oldest, liveBytes - freed, budget));
            }

            more |= left == 0 && liveBytes - freed > budget;
        }

        if (left > 0 && liveBytes - freed > budget)
        {
            DateTimeOffset? oldest = null;
            foreach (var victim in Candidates("keep_plate = 0 AND held = 0", left, null))
            {
                if (liveBytes - freed <= budget)
                {
                    break;
                }

                freed += Delete(victim);
                oldest ??= DateTimeOffset.FromUnixTimeMilliseconds(victim.CapturedAtMs);
                readsDropped++;
                left--;
            }

            if (readsDropped > 0)
            {
                alarms.Add(new StorageAlarm(StorageAlarmKind.ReadsDropped, readsDropped, oldest, liveBytes - freed, budget));
            }

            more |= left == 0 && liveBytes - freed > budget;
            if (left > 0 && liveBytes - freed > budget)
            {
                alarms.Add(new StorageAlarm(StorageAlarmKind.BudgetHeldByProtectedRecords, 0, null, liveBytes - freed, budget));
            }
        }

        transaction.Commit();
        return new PurgeResult(purged, imagesDropped, readsDropped, freed, more);
    }

    private List<Victim> Candidates(string where, int limit, DateTimeOffset? cutoff)
    {
        using var select = _connection.CreateCommand();
        select.CommandText = $"SELECT seq, record_bytes, image_bytes, captured_at FROM records WHERE {where} ORDER BY captured_at LIMIT $limit";
        select.Parameters.AddWithValue("$limit", limit);
        if (cutoff is { } at)
        {
            select.Parameters.AddWithValue("$cutoff", at.ToUnixTimeMilliseconds());
        }

        var victims = new List<Victim>();
        using var reader = select.ExecuteReader();
        while (reader.Read())
        {
            victims.Add(new Victim(reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3)));
        }

        return victims;
    }

    private long Delete(Victim victim)
    {
        using var delete = _connection.CreateCommand();
        delete.CommandText = "DELETE FROM images WHERE seq = $seq; DELETE FROM records WHERE seq = $seq;";
        delete.Parameters.AddWithValue("$seq", victim.Seq);
        delete.ExecuteNonQuery();
        return victim.RecordBytes + victim.ImageBytes + RingOptions.RecordOverheadBytes;
    }

    private long DropImages(Victim victim)
    {
        using var drop = _connection.CreateCommand();
        drop.CommandText = "DELETE FROM images WHERE seq = $seq; UPDATE records SET image_bytes = 0 WHERE seq = $seq;";
        drop.Parameters.AddWithValue("$seq", victim.Seq);
        drop.ExecuteNonQuery();
        return victim.ImageBytes;
    }

    private readonly record struct Victim(long Seq, long RecordBytes, long ImageBytes, long CapturedAtMs);
}
