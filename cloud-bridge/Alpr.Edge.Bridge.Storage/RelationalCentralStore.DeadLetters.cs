namespace Alpr.Edge.Bridge.Storage;

/// <summary>Dead letters, the same SQL on both engines.</summary>
public abstract partial class RelationalCentralStore
{
    /// <summary>Keeps a refused message with its reason.</summary>
    public async Task AddDeadLetterAsync(DeadLetter letter, CancellationToken cancellationToken) =>
        await InsertOneAsync(DeadLetterInsertSql, letter, BindDeadLetter, cancellationToken).ConfigureAwait(false);

    /// <summary>The latest dead letters, newest first.</summary>
    public async Task<IReadOnlyList<DeadLetter>> GetDeadLettersAsync(int limit, CancellationToken cancellationToken)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var command = Command(connection,
            "SELECT received_at, topic, reason, payload, payload_bytes FROM dead_letters ORDER BY id DESC LIMIT @limit;");
        Add(command, "@limit", Math.Max(0, limit));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var letters = new List<DeadLetter>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            letters.Add(new DeadLetter(ReadTime(reader, 0), reader.GetString(1), reader.GetString(2), (byte[])reader.GetValue(3), reader.GetInt64(4)));
        }

        return letters;
    }
}
