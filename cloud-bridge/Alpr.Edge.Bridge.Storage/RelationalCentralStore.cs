using System.Data.Common;

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
        QueryReadsAsync(string.Empty, [], limit, cancellationToken);

    /// <summary>Reads of one plate, newest first.</summary>
    public Task<IReadOnlyList<StoredRead>> GetReadsByPlateAsync(string plate, int limit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(plate);
        return QueryReadsAsync("WHERE plate = @plate", [new("@plate", plate)], limit, cancellationToken);
    }

    /// <summary>Reads matching every condition of <paramref name="query"/>, newest captured first.</summary>
    public Task<IReadOnlyList<StoredRead>> FindReadsAsync(ReadQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var parameters = new List<KeyValuePair<string, object>>();
        var where = ReadQuerySql.Where(query, (name, value) => parameters.Add(new(name, value)), TimeParameter);
        return QueryReadsAsync(where, parameters, query.Limit, cancellationToken);
    }

    /// <summary>One read by id, or null.</summary>
    public async Task<StoredRead?> GetReadAsync(Guid id, CancellationToken cancellationToken)
    {
        var reads = await QueryReadsAsync("WHERE id = @id", [new("@id", IdParameter(id))], 1, cancellationToken).ConfigureAwait(false);
        return reads.Count == 0 ? null : reads[0];
    }

    /// <summary>Runs <c>SELECT payload, received_at FROM reads {where} ORDER BY newest captured first LIMIT @limit</c>.</summary>
    protected abstract Task<IReadOnlyList<StoredRead>> QueryReadsAsync(
        string where, IReadOnlyList<KeyValuePair<string, object>> parameters, int limit, CancellationToken cancellationToken);

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
