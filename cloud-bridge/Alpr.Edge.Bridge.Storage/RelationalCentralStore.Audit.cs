using System.Data.Common;

namespace Alpr.Edge.Bridge.Storage;

/// <summary>
/// The audit chain (<see cref="IAuditStore"/>), the same SQL on both engines; only how an append takes the chain's
/// lock differs (<see cref="BeginAuditAppendAsync"/>).
/// </summary>
public abstract partial class RelationalCentralStore
{
    private const string AuditColumns =
        "sequence, at, user_name, agency, remote_address, action, outcome, purpose, case_number, target, detail, previous_hash, hash";

    /// <summary>Appends one entry under the chain's lock; see <see cref="IAuditStore.AppendAuditEntryAsync"/>.</summary>
    public async Task<AuditEntry> AppendAuditEntryAsync(Func<AuditChainHead, AuditEntry> buildEntry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(buildEntry);
        await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await BeginAuditAppendAsync(connection, cancellationToken).ConfigureAwait(false);
        var head = await ReadAuditHeadAsync(connection, transaction, cancellationToken).ConfigureAwait(false);
        var entry = buildEntry(head);
        if (entry.Sequence != head.Sequence + 1)
        {
            throw new InvalidOperationException($"audit entry {entry.Sequence} does not follow the chain's head {head.Sequence}");
        }

        await using (var command = Command(connection, $"""
            INSERT INTO audit_entries ({AuditColumns})
            VALUES (@sequence, @at, @user, @agency, @remote, @action, @outcome, @purpose, @case, @target, @detail, @previous, @hash);
            """))
        {
            command.Transaction = transaction;
            Add(command, "@sequence", entry.Sequence);
            Add(command, "@at", TimeParameter(entry.At));
            Add(command, "@user", entry.User);
            Add(command, "@agency", entry.Agency);
            Add(command, "@remote", entry.RemoteAddress);
            Add(command, "@action", entry.Action);
            Add(command, "@outcome", entry.Outcome);
            Add(command, "@purpose", entry.Purpose);
            Add(command, "@case", entry.CaseNumber);
            Add(command, "@target", entry.Target);
            Add(command, "@detail", entry.Detail);
            Add(command, "@previous", entry.PreviousHash);
            Add(command, "@hash", entry.Hash);
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return entry;
    }

    /// <summary>The chain's last sequence and hash.</summary>
    public async Task<AuditChainHead> GetAuditHeadAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        return await ReadAuditHeadAsync(connection, null, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Entries after <paramref name="afterSequence"/>, in sequence order.</summary>
    public Task<IReadOnlyList<AuditEntry>> GetAuditEntriesAsync(long afterSequence, int limit, CancellationToken cancellationToken) =>
        QueryAuditAsync("WHERE sequence > @after ORDER BY sequence LIMIT @limit", [new("@after", afterSequence), new("@limit", Math.Max(0, limit))], cancellationToken);

    /// <summary>The latest entries, newest first.</summary>
    public Task<IReadOnlyList<AuditEntry>> GetRecentAuditEntriesAsync(int limit, CancellationToken cancellationToken) =>
        QueryAuditAsync("ORDER BY sequence DESC LIMIT @limit", [new("@limit", Math.Max(0, limit))], cancellationToken);

    /// <summary>Entries appended in [<paramref name="since"/>, <paramref name="until"/>), in sequence order.</summary>
    public Task<IReadOnlyList<AuditEntry>> GetAuditEntriesBetweenAsync(DateTimeOffset since, DateTimeOffset until, CancellationToken cancellationToken) =>
        QueryAuditAsync("WHERE at >= @from AND at < @to ORDER BY sequence", [new("@from", TimeParameter(since)), new("@to", TimeParameter(until))], cancellationToken);

    /// <summary>Stores a checkpoint; false when one for the same sequence is already stored.</summary>
    public async Task<bool> AddAuditCheckpointAsync(AuditCheckpoint checkpoint, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(checkpoint);
        await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var command = Command(connection, """
            INSERT INTO audit_checkpoints (sequence, hash, at, key_id, signature)
            VALUES (@sequence, @hash, @at, @key, @signature)
            ON CONFLICT (sequence) DO NOTHING;
            """);
        Add(command, "@sequence", checkpoint.Sequence);
        Add(command, "@hash", checkpoint.Hash);
        Add(command, "@at", TimeParameter(checkpoint.At));
        Add(command, "@key", checkpoint.KeyId);
        Add(command, "@signature", checkpoint.Signature);
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1;
    }

    /// <summary>Every checkpoint, in sequence order.</summary>
    public async Task<IReadOnlyList<AuditCheckpoint>> GetAuditCheckpointsAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var command = Command(connection, "SELECT sequence, hash, at, key_id, signature FROM audit_checkpoints ORDER BY sequence;");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var checkpoints = new List<AuditCheckpoint>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            checkpoints.Add(new AuditCheckpoint(reader.GetInt64(0), reader.GetString(1), ReadTime(reader, 2), reader.GetString(3), reader.GetString(4)));
        }

        return checkpoints;
    }

    /// <summary>
    /// Begins the transaction of one append and takes the chain's lock in it, held until commit: the next append, from
    /// this process or another, waits for it and then reads the new head.
    /// </summary>
    protected abstract Task<DbTransaction> BeginAuditAppendAsync(DbConnection connection, CancellationToken cancellationToken);

    private static async Task<AuditChainHead> ReadAuditHeadAsync(DbConnection connection, DbTransaction? transaction, CancellationToken cancellationToken)
    {
        await using var command = Command(connection, "SELECT sequence, hash FROM audit_entries ORDER BY sequence DESC LIMIT 1;");
        command.Transaction = transaction;
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return await reader.ReadAsync(cancellationToken).ConfigureAwait(false)
            ? new AuditChainHead(reader.GetInt64(0), reader.GetString(1))
            : AuditChainHead.Empty;
    }

    private async Task<IReadOnlyList<AuditEntry>> QueryAuditAsync(
        string tail, IReadOnlyList<KeyValuePair<string, object>> parameters, CancellationToken cancellationToken)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var command = Command(connection, $"SELECT {AuditColumns} FROM audit_entries {tail};");
        foreach (var (name, value) in parameters)
        {
            Add(command, name, value);
        }

        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var entries = new List<AuditEntry>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            entries.Add(new AuditEntry(
                reader.GetInt64(0),
                ReadTime(reader, 1),
                reader.GetString(2),
                Text(reader, 3),
                Text(reader, 4),
                reader.GetString(5),
                reader.GetString(6),
                Text(reader, 7),
                Text(reader, 8),
                Text(reader, 9),
                Text(reader, 10),
                reader.GetString(11),
                reader.GetString(12)));
        }

        return entries;
    }

    private static string? Text(DbDataReader reader, int column) => reader.IsDBNull(column) ? null : reader.GetString(column);
}
