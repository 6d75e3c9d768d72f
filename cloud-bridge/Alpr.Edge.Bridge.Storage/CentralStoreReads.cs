namespace Alpr.Edge.Bridge.Storage;

/// <summary>
/// The read lookups both engines share, written once over one query: an engine supplies how it runs a
/// <c>SELECT</c> of reads with a <c>WHERE</c> clause (parameters named <c>@...</c>) and how it binds ids and times.
/// Derived stores implement <see cref="ICentralStore"/>; these methods are its read lookups.
/// </summary>
public abstract class CentralStoreReads
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
}
