using System.Data.Common;
using Alpr.Edge.Contracts;

namespace Alpr.Edge.Bridge.Storage;

/// <summary>
/// What both SQL engines share, written once: the read lookups over one engine-supplied query, legal holds and the
/// purge history over plain ADO.NET. An engine supplies its connections, how it binds and reads ids and times, and
/// its own purge. Derived stores implement <see cref="ICentralStore"/>; these methods are part of it.
/// </summary>
public abstract partial class RelationalCentralStore
{
    /// <summary>The most recently captured reads, newest first.</summary>
    public Task<IReadOnlyList<StoredRead>> GetRecentReadsAsync(int limit, CancellationToken cancellationToken) =>
        QueryReadsAsync(string.Empty, [], limit, 0, cancellationToken);

    /// <summary>Reads of one plate, newest first.</summary>
    public Task<IReadOnlyList<StoredRead>> GetReadsByPlateAsync(string plate, int limit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(plate);
        return QueryReadsAsync("WHERE plate = @plate", [new("@plate", plate)], limit, 0, cancellationToken);
    }

    /// <summary>Reads matching every condition of <paramref name="query"/>, newest captured first.</summary>
    public Task<IReadOnlyList<StoredRead>> FindReadsAsync(ReadQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var parameters = new List<KeyValuePair<string, object>>();
        var where = ReadQuerySql.Where(query, (name, value) => parameters.Add(new(name, value)), TimeParameter);
        return QueryReadsAsync(where, parameters, query.Limit, query.Offset, cancellationToken);
    }

    /// <summary>
    /// The engine's plan for <see cref="FindReadsAsync"/>: <paramref name="explain"/> (e.g. <c>EXPLAIN</c>) runs in front of
    /// the very statement, with the very parameters, that <see cref="FindReadsAsync"/> sends; one line per row of the plan.
    /// </summary>
    protected async Task<IReadOnlyList<string>> ExplainFindReadsAsync(string explain, ReadQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var parameters = new List<KeyValuePair<string, object>>();
        var where = ReadQuerySql.Where(query, (name, value) => parameters.Add(new(name, value)), TimeParameter);
        await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var command = ReadsCommand(connection, where, parameters, query.Limit, query.Offset);
        return await ExplainAsync(command, explain, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>One read by id, or null.</summary>
    public async Task<StoredRead?> GetReadAsync(Guid id, CancellationToken cancellationToken)
    {
        var reads = await QueryReadsAsync("WHERE id = @id", [new("@id", IdParameter(id))], 1, 0, cancellationToken).ConfigureAwait(false);
        return reads.Count == 0 ? null : reads[0];
    }

    /// <summary>Stores a read; false when one with the same id and capture time is already stored.</summary>
    protected Task<bool> InsertReadAsync(PlateReadMessage read, DateTimeOffset receivedAt, CancellationToken cancellationToken) =>
        InsertOneAsync(ReadInsertSql, read, (command, r) => BindRead(command, r, receivedAt), cancellationToken);

    /// <summary>
    /// Runs <c>SELECT payload, received_at FROM reads {where}</c>, newest captured first, skipping <paramref name="offset"/>,
    /// at most <paramref name="limit"/>.
    /// </summary>
    private async Task<IReadOnlyList<StoredRead>> QueryReadsAsync(
        string where, IReadOnlyList<KeyValuePair<string, object>> parameters, int limit, int offset, CancellationToken cancellationToken)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var command = ReadsCommand(connection, where, parameters, limit, offset);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var reads = new List<StoredRead>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            reads.Add(new StoredRead(StoredJson.Read(reader.GetString(0), ContractsJson.Default.PlateReadMessage), ReadTime(reader, 1)));
        }

        return reads;
    }

    private DbCommand ReadsCommand(
        DbConnection connection, string where, IReadOnlyList<KeyValuePair<string, object>> parameters, int limit, int offset)
    {
        var command = Command(connection,
            $"SELECT payload, received_at FROM reads {where} ORDER BY captured_at DESC, {ReadsTieBreak} LIMIT @limit OFFSET @offset;");
        Add(command, "@limit", Math.Max(0, limit));
        Add(command, "@offset", Math.Max(0, offset));
        foreach (var (name, value) in parameters)
        {
            Add(command, name, value);
        }

        return command;
    }

    /// <summary>Runs <paramref name="explain"/> in front of <paramref name="command"/>'s statement; every row's first column.</summary>
    private static async Task<IReadOnlyList<string>> ExplainAsync(DbCommand command, string explain, CancellationToken cancellationToken)
    {
#pragma warning disable CA2100 // explain is the engine's own constant; the statement is this library's own text.
        command.CommandText = $"{explain} {command.CommandText}";
#pragma warning restore CA2100
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var lines = new List<string>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            lines.Add(Convert.ToString(reader.GetValue(0), System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty);
        }

        return lines;
    }

    /// <summary>How reads captured at the same time are ordered, after <c>captured_at DESC</c>.</summary>
    protected abstract string ReadsTieBreak { get; }

    /// <summary>A capture time as this engine stores it.</summary>
    protected abstract object TimeParameter(DateTimeOffset time);

    /// <summary>A record id as this engine stores it.</summary>
    protected abstract object IdParameter(Guid id);

    /// <summary>A time column as this engine stores it.</summary>
    protected abstract DateTimeOffset ReadTime(DbDataReader reader, int column);

    /// <summary>An id column as this engine stores it.</summary>
    protected abstract Guid ReadId(DbDataReader reader, int column);

    /// <summary>An open connection from the engine's pool; the caller disposes it.</summary>
    protected abstract Task<DbConnection> OpenConnectionAsync(CancellationToken cancellationToken);
}
