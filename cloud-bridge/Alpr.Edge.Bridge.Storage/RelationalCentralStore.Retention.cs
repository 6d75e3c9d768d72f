using System.Data.Common;

namespace Alpr.Edge.Bridge.Storage;

/// <summary>Legal holds and the purge history, the same SQL on both engines.</summary>
public abstract partial class RelationalCentralStore
{
    /// <summary>Places a legal hold; the reads it selects are never purged while it is in force.</summary>
    public async Task PlaceHoldAsync(LegalHold hold, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(hold);
        await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var command = Command(connection, """
            INSERT INTO legal_holds (id, case_number, plate, device_id, from_at, to_at, placed_by, reason, placed_at)
            VALUES (@id, @case, @plate, @device, @from, @to, @by, @reason, @at);
            """);
        Add(command, "@id", IdParameter(hold.Id));
        Add(command, "@case", hold.CaseNumber);
        Add(command, "@plate", hold.Plate);
        Add(command, "@device", hold.DeviceId);
        Add(command, "@from", hold.From is { } from ? TimeParameter(from) : null);
        Add(command, "@to", hold.To is { } to ? TimeParameter(to) : null);
        Add(command, "@by", hold.PlacedBy);
        Add(command, "@reason", hold.Reason);
        Add(command, "@at", TimeParameter(hold.PlacedAt));
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Releases a hold in force; false when there is no such hold or it was already released.</summary>
    public async Task<bool> ReleaseHoldAsync(Guid id, string releasedBy, DateTimeOffset at, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(releasedBy);
        await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var command = Command(connection,
            "UPDATE legal_holds SET released_by = @by, released_at = @at WHERE id = @id AND released_at IS NULL;");
        Add(command, "@by", releasedBy);
        Add(command, "@at", TimeParameter(at));
        Add(command, "@id", IdParameter(id));
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1;
    }

    /// <summary>Every hold, in force or released, newest placed first.</summary>
    public async Task<IReadOnlyList<LegalHold>> GetHoldsAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var command = Command(connection, """
            SELECT id, case_number, plate, device_id, from_at, to_at, placed_by, reason, placed_at, released_by, released_at
            FROM legal_holds ORDER BY placed_at DESC, case_number;
            """);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var holds = new List<LegalHold>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            holds.Add(new LegalHold
            {
                Id = ReadId(reader, 0),
                CaseNumber = reader.GetString(1),
                Plate = reader.IsDBNull(2) ? null : reader.GetString(2),
                DeviceId = reader.IsDBNull(3) ? null : reader.GetString(3),
                From = reader.IsDBNull(4) ? null : ReadTime(reader, 4),
                To = reader.IsDBNull(5) ? null : ReadTime(reader, 5),
                PlacedBy = reader.GetString(6),
                Reason = reader.GetString(7),
                PlacedAt = ReadTime(reader, 8),
                ReleasedBy = reader.IsDBNull(9) ? null : reader.GetString(9),
                ReleasedAt = reader.IsDBNull(10) ? null : ReadTime(reader, 10),
            });
        }

        return holds;
    }

    /// <summary>The latest purges, newest first.</summary>
    public async Task<IReadOnlyList<PurgeResult>> GetPurgesAsync(int limit, CancellationToken cancellationToken)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var command = Command(connection,
            "SELECT at, cutoff, purged, spared, sparing_holds, dropped_partitions FROM purges ORDER BY id DESC LIMIT @limit;");
        Add(command, "@limit", Math.Max(0, limit));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var purges = new List<PurgeResult>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            purges.Add(new PurgeResult(
                ReadTime(reader, 0), ReadTime(reader, 1), reader.GetInt64(2), reader.GetInt64(3), Split(reader.GetString(4)), Split(reader.GetString(5))));
        }

        return purges;
    }

    /// <summary>How many reads captured before <paramref name="cutoff"/> are held, and by which holds (case numbers).</summary>
    protected async Task<(long Spared, IReadOnlyList<string> Holds)> CountSparedAsync(
        DbConnection connection, DateTimeOffset cutoff, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        await using var command = Command(connection, RetentionSql.Spared);
        Add(command, "@cutoff", TimeParameter(cutoff));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var spared = 0L;
        var holds = new List<string>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            spared = reader.GetInt64(0);
            holds.Add(reader.GetString(1));
        }

        return (spared, holds.Distinct(StringComparer.Ordinal).ToList());
    }

    /// <summary>Writes a purge to the history, on <paramref name="connection"/> (inside the purge's transaction, if any).</summary>
    protected async Task RecordPurgeAsync(DbConnection connection, PurgeResult purge, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(purge);
        await using var command = Command(connection, """
            INSERT INTO purges (at, cutoff, purged, spared, sparing_holds, dropped_partitions)
            VALUES (@at, @cutoff, @purged, @spared, @holds, @partitions);
            """);
        Add(command, "@at", TimeParameter(purge.At));
        Add(command, "@cutoff", TimeParameter(purge.Cutoff));
        Add(command, "@purged", purge.Purged);
        Add(command, "@spared", purge.Spared);
        Add(command, "@holds", string.Join(',', purge.SparingHolds));
        Add(command, "@partitions", string.Join(',', purge.DroppedPartitions));
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>A command on <paramref name="connection"/>.</summary>
    protected static DbCommand Command(DbConnection connection, string sql)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var command = connection.CreateCommand();
#pragma warning disable CA2100 // The SQL is this library's own constant text; values travel as parameters.
        command.CommandText = sql;
#pragma warning restore CA2100
        return command;
    }

    /// <summary>Adds a parameter; null becomes SQL NULL.</summary>
    protected static void Add(DbCommand command, string name, object? value)
    {
        ArgumentNullException.ThrowIfNull(command);
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value ?? DBNull.Value;
        command.Parameters.Add(parameter);
    }

    private static string[] Split(string list) => list.Split(',', StringSplitOptions.RemoveEmptyEntries);
}
