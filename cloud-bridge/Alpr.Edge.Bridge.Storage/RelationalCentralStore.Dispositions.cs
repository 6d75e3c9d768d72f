using System.Globalization;

namespace Alpr.Edge.Bridge.Storage;

/// <summary>Hit verification (<see cref="IHitDispositionStore"/>), the same SQL on both engines.</summary>
public abstract partial class RelationalCentralStore
{
    /// <summary>Appends a disposition and makes it the hit's current state; false when there is no such hit.</summary>
    public async Task<bool> AddHitDispositionAsync(HitDispositionRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        if (record.Disposition == HitDisposition.Unverified)
        {
            throw new ArgumentException("a recorded disposition cannot be Unverified", nameof(record));
        }

        await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using var insert = Command(connection, """
            INSERT INTO hit_dispositions (hit_id, disposition, corrected_plate, note, by_user, agency, at)
            SELECT id, @disposition, @corrected, @note, @by, @agency, @at FROM hits WHERE id = @hit;
            """);
        insert.Transaction = transaction;
        Add(insert, "@hit", IdParameter(record.HitId));
        Add(insert, "@disposition", record.Disposition.ToString());
        Add(insert, "@corrected", record.CorrectedPlate);
        Add(insert, "@note", record.Note);
        Add(insert, "@by", record.By);
        Add(insert, "@agency", record.Agency);
        Add(insert, "@at", TimeParameter(record.At));
        if (await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) != 1)
        {
            return false;
        }

        // The device-facing summary keeps its three states: confirmed, or found not to apply.
        await using var update = Command(connection, "UPDATE hits SET verification = @verification WHERE id = @hit;");
        update.Transaction = transaction;
        Add(update, "@hit", IdParameter(record.HitId));
        Add(update, "@verification", record.Disposition == HitDisposition.Confirmed ? "Confirmed" : "Rejected");
        await update.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return true;
    }

    /// <summary>The hit's verification history, oldest first.</summary>
    public async Task<IReadOnlyList<HitDispositionRecord>> GetHitDispositionsAsync(Guid hitId, CancellationToken cancellationToken)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var command = Command(connection, """
            SELECT hit_id, disposition, corrected_plate, note, by_user, agency, at FROM hit_dispositions
            WHERE hit_id = @hit ORDER BY seq;
            """);
        Add(command, "@hit", IdParameter(hitId));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var records = new List<HitDispositionRecord>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            records.Add(new HitDispositionRecord(
                ReadId(reader, 0),
                Enum.Parse<HitDisposition>(reader.GetString(1)),
                reader.IsDBNull(2) ? null : reader.GetString(2),
                reader.IsDBNull(3) ? null : reader.GetString(3),
                reader.GetString(4),
                reader.IsDBNull(5) ? null : reader.GetString(5),
                ReadTime(reader, 6)));
        }

        return records;
    }

    /// <summary>Marks a confirmed hit actionable; returns the disposition the hit had, or null when there is no such hit.</summary>
    public async Task<HitDisposition?> MarkHitActionableAsync(Guid hitId, string by, DateTimeOffset at, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(by);
        await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using var current = Command(connection, """
            SELECT h.id, (SELECT d.disposition FROM hit_dispositions d WHERE d.hit_id = h.id ORDER BY d.seq DESC LIMIT 1)
            FROM hits h WHERE h.id = @hit;
            """);
        current.Transaction = transaction;
        Add(current, "@hit", IdParameter(hitId));
        HitDisposition? disposition = null;
        await using (var reader = await current.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            if (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                disposition = reader.IsDBNull(1) ? HitDisposition.Unverified : Enum.Parse<HitDisposition>(reader.GetString(1));
            }
        }

        if (disposition == HitDisposition.Confirmed)
        {
            await using var mark = Command(connection, "UPDATE hits SET actionable_at = @at, actionable_by = @by WHERE id = @hit AND actionable_at IS NULL;");
            mark.Transaction = transaction;
            Add(mark, "@hit", IdParameter(hitId));
            Add(mark, "@at", TimeParameter(at));
            Add(mark, "@by", by);
            await mark.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return disposition;
    }

    /// <summary>Misreads per device and week (weeks start Monday 00:00 UTC), the latest disposition per hit and week counting.</summary>
    public async Task<IReadOnlyList<MisreadWeek>> GetMisreadsPerDeviceWeekAsync(DateTimeOffset since, DateTimeOffset until, CancellationToken cancellationToken)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var command = Command(connection, """
            SELECT h.device_id, d.hit_id, d.disposition, d.at FROM hit_dispositions d JOIN hits h ON h.id = d.hit_id
            WHERE d.at >= @from AND d.at < @to ORDER BY d.seq;
            """);
        Add(command, "@from", TimeParameter(since));
        Add(command, "@to", TimeParameter(until));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var latest = new Dictionary<(string Device, DateOnly Week, Guid Hit), HitDisposition>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var week = WeekStart(ReadTime(reader, 3));
            latest[(reader.GetString(0), week, ReadId(reader, 1))] = Enum.Parse<HitDisposition>(reader.GetString(2));
        }

        return latest
            .GroupBy(entry => (entry.Key.Device, entry.Key.Week))
            .Select(group => new MisreadWeek(group.Key.Device, group.Key.Week, group.Count(), group.Count(entry => entry.Value == HitDisposition.Misread)))
            .OrderBy(week => week.WeekStart)
            .ThenBy(week => week.DeviceId, StringComparer.Ordinal)
            .ToList();
    }

    private static DateOnly WeekStart(DateTimeOffset at)
    {
        var day = DateOnly.FromDateTime(at.UtcDateTime);
        var sinceMonday = ((int)day.DayOfWeek + 6) % 7;
        return day.AddDays(-sinceMonday);
    }
}
