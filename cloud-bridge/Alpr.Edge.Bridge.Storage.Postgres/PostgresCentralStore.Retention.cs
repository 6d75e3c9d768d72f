using System.Data.Common;
using System.Globalization;
using System.Text.RegularExpressions;
using Npgsql;

namespace Alpr.Edge.Bridge.Storage.Postgres;

/// <summary>Retention on PostgreSQL: whole month partitions of <c>reads</c> are dropped, never a DELETE over a year.</summary>
public sealed partial class PostgresCentralStore
{
    /// <inheritdoc />
    public async Task<PurgeResult> PurgeReadsAsync(DateTimeOffset cutoff, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        var (spared, holds) = await CountSparedAsync(connection, cutoff, cancellationToken);
        var purged = 0L;
        var dropped = new List<string>();
        foreach (var partition in await DuePartitionsAsync(connection, cutoff, cancellationToken))
        {
            // One transaction per month: a month goes whole, or (when a hold selects some of its reads) loses its unheld reads.
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            var table = $"\"{partition}\"";
            if (await ScalarAsync<bool>(connection, $"SELECT EXISTS (SELECT 1 FROM {table} r WHERE {RetentionSql.ReadIsHeld});", cancellationToken))
            {
                await using var delete = new NpgsqlCommand($"DELETE FROM {table} r WHERE NOT {RetentionSql.ReadIsHeld};", connection);
                purged += await delete.ExecuteNonQueryAsync(cancellationToken);
            }
            else
            {
                purged += await ScalarAsync<long>(connection, $"SELECT count(*) FROM {table};", cancellationToken);
                await using var drop = new NpgsqlCommand($"ALTER TABLE reads DETACH PARTITION {table}; DROP TABLE {table};", connection);
                await drop.ExecuteNonQueryAsync(cancellationToken);
                dropped.Add(partition);
            }

            await transaction.CommitAsync(cancellationToken);
        }

        var result = new PurgeResult(now, cutoff, purged, spared, holds, dropped);
        await RecordPurgeAsync(connection, result, cancellationToken);
        StorageLog.Purged(_logger, _name, result);
        return result;
    }

    /// <inheritdoc />
    protected override async Task<DbConnection> OpenConnectionAsync(CancellationToken cancellationToken) =>
        await _dataSource.OpenConnectionAsync(cancellationToken);

    /// <inheritdoc />
    protected override DateTimeOffset ReadTime(DbDataReader reader, int column) =>
        (reader ?? throw new ArgumentNullException(nameof(reader))).GetFieldValue<DateTimeOffset>(column);

    /// <inheritdoc />
    protected override Guid ReadId(DbDataReader reader, int column) =>
        (reader ?? throw new ArgumentNullException(nameof(reader))).GetGuid(column);

    /// <summary>The month partitions that lie entirely before <paramref name="cutoff"/>, oldest first.</summary>
    private static async Task<IReadOnlyList<string>> DuePartitionsAsync(NpgsqlConnection connection, DateTimeOffset cutoff, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("""
            SELECT c.relname FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
            WHERE i.inhparent = 'reads'::regclass ORDER BY c.relname;
            """, connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var due = new List<string>();
        while (await reader.ReadAsync(cancellationToken))
        {
            var name = reader.GetString(0);
            if (PartitionName().Match(name) is { Success: true } match)
            {
                var start = new DateTimeOffset(
                    int.Parse(match.Groups[1].ValueSpan, CultureInfo.InvariantCulture), int.Parse(match.Groups[2].ValueSpan, CultureInfo.InvariantCulture), 1, 0, 0, 0, TimeSpan.Zero);
                if (start.AddMonths(1) <= cutoff)
                {
                    due.Add(name);
                }
            }
        }

        return due;
    }

    private static async Task<T> ScalarAsync<T>(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        return (T)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    [GeneratedRegex(@"^reads_(\d{4})_(\d{2})$", RegexOptions.CultureInvariant)]
    private static partial Regex PartitionName();
}
