using Alpr.Edge.Contracts;

namespace Alpr.Edge.Bridge.Storage;

/// <summary>Hits, counts and the access audit trail, the same SQL on both engines.</summary>
public abstract partial class RelationalCentralStore
{
    /// <summary>
    /// Stores a hit as <see cref="HitVerification.Unverified"/> whatever the device sent;
    /// false when a hit with the same id was already stored.
    /// </summary>
    public Task<bool> AddHitAsync(HotlistHitMessage hit, DateTimeOffset receivedAt, CancellationToken cancellationToken) =>
        InsertOneAsync(HitInsertSql, hit, (command, h) => BindHit(command, h, receivedAt), cancellationToken);

    /// <summary>The most recently captured hits, newest first.</summary>
    public Task<IReadOnlyList<StoredHit>> GetRecentHitsAsync(int limit, CancellationToken cancellationToken) =>
        QueryHitsAsync($"ORDER BY captured_at DESC, {InsertionOrder} DESC LIMIT @limit", "@limit", Math.Max(0, limit), cancellationToken);

    /// <summary>Hits whose read matches every condition <paramref name="query"/> sets, newest captured first.</summary>
    public Task<IReadOnlyList<StoredHit>> FindHitsAsync(ReadQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var parameters = new List<KeyValuePair<string, object>> { new("@limit", query.Limit), new("@offset", query.Offset) };
        var where = ReadQuerySql.Where(query, (name, value) => parameters.Add(new(name, value)), TimeParameter, forHits: true);
        return QueryHitsAsync(HitsTail(where), parameters, cancellationToken);
    }

    /// <summary>The engine's plan for <see cref="FindHitsAsync"/>, as <see cref="ExplainFindReadsAsync"/> gives it for reads.</summary>
    protected async Task<IReadOnlyList<string>> ExplainFindHitsAsync(string explain, ReadQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var parameters = new List<KeyValuePair<string, object>> { new("@limit", query.Limit), new("@offset", query.Offset) };
        var where = ReadQuerySql.Where(query, (name, value) => parameters.Add(new(name, value)), TimeParameter, forHits: true);
        await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var command = HitsCommand(connection, HitsTail(where), parameters);
        return await ExplainAsync(command, explain, cancellationToken).ConfigureAwait(false);
    }

    private string HitsTail(string where) => $"{where} ORDER BY captured_at DESC, {InsertionOrder} DESC LIMIT @limit OFFSET @offset";

    /// <summary>One hit by id, or null.</summary>
    public async Task<StoredHit?> GetHitAsync(Guid id, CancellationToken cancellationToken)
    {
        var hits = await QueryHitsAsync("WHERE id = @id", "@id", IdParameter(id), cancellationToken).ConfigureAwait(false);
        return hits.Count == 0 ? null : hits[0];
    }

    /// <summary>How many reads and hits are stored.</summary>
    public async Task<StoreCounts> CountAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var command = Command(connection, "SELECT (SELECT count(*) FROM reads), (SELECT count(*) FROM hits);");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
        return new StoreCounts(reader.GetInt64(0), reader.GetInt64(1));
    }

    /// <summary>Appends one row to the access audit trail.</summary>
    public async Task AddAccessAuditAsync(AccessAuditEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var command = Command(connection, """
            INSERT INTO access_audit (at, user_name, remote_address, method, path, purpose)
            VALUES (@at, @user, @remote, @method, @path, @purpose);
            """);
        Add(command, "@at", TimeParameter(entry.At));
        Add(command, "@user", entry.User);
        Add(command, "@remote", entry.RemoteAddress);
        Add(command, "@method", entry.Method);
        Add(command, "@path", entry.Path);
        Add(command, "@purpose", entry.Purpose);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The latest access audit rows, newest first.</summary>
    public async Task<IReadOnlyList<AccessAuditEntry>> GetRecentAccessAuditAsync(int limit, CancellationToken cancellationToken)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var command = Command(connection,
            "SELECT at, user_name, remote_address, method, path, purpose FROM access_audit ORDER BY id DESC LIMIT @limit;");
        Add(command, "@limit", Math.Max(0, limit));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var entries = new List<AccessAuditEntry>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            entries.Add(new AccessAuditEntry(
                ReadTime(reader, 0),
                reader.GetString(1),
                reader.IsDBNull(2) ? null : reader.GetString(2),
                reader.GetString(3),
                reader.GetString(4),
                reader.IsDBNull(5) ? null : reader.GetString(5)));
        }

        return entries;
    }

    /// <summary>A JSON parameter as this engine's payload column takes it (e.g. cast to <c>jsonb</c>).</summary>
    protected abstract string Json(string parameter);

    /// <summary>The column that orders rows of equal time by insertion (SQLite's <c>rowid</c>, an identity column elsewhere).</summary>
    protected abstract string InsertionOrder { get; }

    private Task<IReadOnlyList<StoredHit>> QueryHitsAsync(string tail, string name, object value, CancellationToken cancellationToken) =>
        QueryHitsAsync(tail, [new(name, value)], cancellationToken);

    private async Task<IReadOnlyList<StoredHit>> QueryHitsAsync(string tail, IReadOnlyList<KeyValuePair<string, object>> parameters, CancellationToken cancellationToken)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var command = HitsCommand(connection, tail, parameters);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var hits = new List<StoredHit>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            hits.Add(StoredJson.ReadHit(reader.GetString(0), reader.GetString(2), ReadTime(reader, 1)));
        }

        return hits;
    }

    private static System.Data.Common.DbCommand HitsCommand(
        System.Data.Common.DbConnection connection, string tail, IReadOnlyList<KeyValuePair<string, object>> parameters)
    {
        var command = Command(connection, $"SELECT payload, received_at, verification FROM hits {tail};");
        foreach (var (name, value) in parameters)
        {
            Add(command, name, value);
        }

        return command;
    }
}
