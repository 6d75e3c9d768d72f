using Alpr.Edge.Bridge.Storage.Migrations;
using Alpr.Edge.Contracts;
using EvolveDb.Dialect;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Alpr.Edge.Bridge.Storage.Postgres;

/// <summary>
/// <see cref="ICentralStore"/> on PostgreSQL, for production: <c>reads</c> partitioned by capture month (created as reads
/// arrive), B-tree indexes for plate, time and device/camera, a pg_trgm index for partial plates. Schema through the
/// Evolve migrations in <c>Migrations/</c>. Thread-safe: each call takes a pooled connection from one data source.
/// </summary>
public sealed partial class PostgresCentralStore : RelationalCentralStore, ICentralStore, IHitDispositionStore, ICletsRecordStore, ISharingStore, IAccountStore, IAuditStore, IAsyncDisposable, IDisposable
{
    /// <summary>The advisory lock that serialises appends to the audit chain ("alpr-aud" in ASCII).</summary>
    private const long AuditChainLockKey = 0x616c_7072_2d61_7564;

    private const string ExplainAnalyze = "EXPLAIN (ANALYZE, BUFFERS)";

    private readonly NpgsqlDataSource _dataSource;
    private readonly string _name;
    private readonly ILogger _logger;

    /// <summary>Uses the database <paramref name="connectionString"/> names; nothing is opened before <see cref="InitializeAsync"/>.</summary>
    public PostgresCentralStore(string connectionString, ILogger<PostgresCentralStore> logger)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        ArgumentNullException.ThrowIfNull(logger);
        _logger = logger;
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        _name = "PostgreSQL " + PostgresConnection.Describe(builder);
        _dataSource = NpgsqlDataSource.Create(builder);
    }

    /// <inheritdoc />
    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        NpgsqlConnection connection;
        try
        {
            connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is NpgsqlException or TimeoutException)
        {
            throw new StoreUnavailableException($"cannot reach {_name}: {Reason(ex)}", ex);
        }

        await using (connection)
        {
            try
            {
                // Evolve is synchronous; the token is honoured up to the start of the migrations.
                await Task.Run(() => SchemaMigrator.Migrate(connection, DBMS.PostgreSQL, typeof(PostgresCentralStore).Assembly, _name, _logger), cancellationToken);
            }
            catch (EvolveDb.EvolveException ex)
            {
                throw new StoreUnavailableException($"cannot migrate {_name}: {Reason(ex)}", ex);
            }
        }

        StorageLog.SchemaReady(_logger, _name, "PostgreSQL");
    }

    /// <inheritdoc />
    public async Task<bool> AddReadAsync(PlateReadMessage read, DateTimeOffset receivedAt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(read);
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                return await InsertReadAsync(read, receivedAt, cancellationToken);
            }
            catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.CheckViolation && attempt == 0)
            {
                // reads has no CHECK constraint: 23514 here means no partition holds this capture month yet.
                await EnsurePartitionAsync(read.CapturedAt, cancellationToken);
            }
        }
    }

    /// <summary>
    /// <c>EXPLAIN (ANALYZE, BUFFERS)</c> of the statement <see cref="RelationalCentralStore.FindReadsAsync"/> sends for
    /// <paramref name="query"/> (the same text and parameters), one line per row; <c>scripts/explain-at-scale</c> checks them.
    /// </summary>
    public Task<IReadOnlyList<string>> ExplainFindReadsAsync(ReadQuery query, CancellationToken cancellationToken) =>
        ExplainFindReadsAsync(ExplainAnalyze, query, cancellationToken);

    /// <summary>As <see cref="ExplainFindReadsAsync(ReadQuery, CancellationToken)"/>, for <see cref="RelationalCentralStore.FindHitsAsync"/>.</summary>
    public Task<IReadOnlyList<string>> ExplainFindHitsAsync(ReadQuery query, CancellationToken cancellationToken) =>
        ExplainFindHitsAsync(ExplainAnalyze, query, cancellationToken);

    /// <summary>Closes the pooled connections.</summary>
    public ValueTask DisposeAsync() => _dataSource.DisposeAsync();

    /// <summary>Closes the pooled connections.</summary>
    public void Dispose() => _dataSource.Dispose();

    private async Task EnsurePartitionAsync(DateTimeOffset capturedAt, CancellationToken cancellationToken)
    {
        await using var command = _dataSource.CreateCommand("SELECT ensure_reads_partition(@at);");
        command.Parameters.AddWithValue("@at", Utc(capturedAt));
        if (await command.ExecuteScalarAsync(cancellationToken) is string created)
        {
            StorageLog.PartitionCreated(_logger, _name, created);
        }
    }

    /// <inheritdoc />
    protected override async Task<System.Data.Common.DbTransaction> BeginAuditAppendAsync(
        System.Data.Common.DbConnection connection, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var transaction = await connection.BeginTransactionAsync(cancellationToken);
        try
        {
            // One lock for the chain, held until the transaction ends: appends from every bridge on this database queue on it.
            await using var command = new NpgsqlCommand("SELECT pg_advisory_xact_lock(@key);", (NpgsqlConnection)connection, (NpgsqlTransaction)transaction);
            command.Parameters.AddWithValue("@key", AuditChainLockKey);
            await command.ExecuteNonQueryAsync(cancellationToken);
            return transaction;
        }
        catch
        {
            await transaction.DisposeAsync();
            throw;
        }
    }

    /// <inheritdoc />
    protected override object TimeParameter(DateTimeOffset time) => Utc(time);

    /// <inheritdoc />
    protected override string InsertionOrder => "seq";

    /// <inheritdoc />
    protected override string ReadsTieBreak => "received_at DESC";

    /// <inheritdoc />
    protected override string Json(string parameter) => $"CAST({parameter} AS jsonb)";

    /// <inheritdoc />
    protected override object IdParameter(Guid id) => id;

    private static DateTimeOffset Utc(DateTimeOffset time) => time.ToUniversalTime();

    private static string Reason(Exception ex)
    {
        var root = ex;
        while (root.InnerException is not null && root is not PostgresException)
        {
            root = root.InnerException;
        }

        return (root is PostgresException pg ? $"{pg.MessageText} ({pg.SqlState})" : root.Message).ReplaceLineEndings(" ");
    }
}
