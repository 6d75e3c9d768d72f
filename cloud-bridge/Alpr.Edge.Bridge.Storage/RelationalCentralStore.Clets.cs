namespace Alpr.Edge.Bridge.Storage;

/// <summary>CLETS-derived details (<see cref="ICletsRecordStore"/>), the same SQL on both engines.</summary>
public abstract partial class RelationalCentralStore
{
    /// <summary>Adds or replaces CLETS records in one transaction.</summary>
    public async Task<int> PutCletsRecordsAsync(IReadOnlyCollection<CletsRecord> records, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(records);
        await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var written = 0;
        foreach (var record in records)
        {
            await using var command = Command(connection, """
                INSERT INTO clets_records (reference, details, imported_at, imported_by) VALUES (@reference, @details, @at, @by)
                ON CONFLICT (reference) DO UPDATE SET details = excluded.details, imported_at = excluded.imported_at, imported_by = excluded.imported_by;
                """);
            command.Transaction = transaction;
            Add(command, "@reference", record.Reference);
            Add(command, "@details", record.Details);
            Add(command, "@at", TimeParameter(record.ImportedAt));
            Add(command, "@by", record.ImportedBy);
            written += await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return written;
    }

    /// <summary>The known records among <paramref name="references"/>.</summary>
    public async Task<IReadOnlyDictionary<string, CletsRecord>> GetCletsRecordsAsync(IReadOnlyCollection<string> references, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(references);
        var found = new Dictionary<string, CletsRecord>(StringComparer.Ordinal);
        if (references.Count == 0)
        {
            return found;
        }

        await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        foreach (var reference in references.Distinct(StringComparer.Ordinal))
        {
            await using var command = Command(connection, "SELECT reference, details, imported_at, imported_by FROM clets_records WHERE reference = @reference;");
            Add(command, "@reference", reference);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            if (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                found[reference] = new CletsRecord(reader.GetString(0), reader.GetString(1), ReadTime(reader, 2), reader.GetString(3));
            }
        }

        return found;
    }
}
