using System.Globalization;
using Alpr.Edge.Bridge.Storage.Migrations;
using Alpr.Edge.Contracts;
using EvolveDb.Dialect;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace Alpr.Edge.Bridge.Storage.Sqlite;

/// <summary>
/// <see cref="ICentralStore"/> on one SQLite file in WAL mode. Each call opens a pooled connection,
/// so the ingest loop and web requests can use it concurrently (SQLite serialises the writes).
/// The schema comes from the Evolve migrations in <c>Migrations/</c>.
/// </summary>
public sealed partial class SqliteCentralStore : RelationalCentralStore, ICentralStore, IHitDispositionStore, ICletsRecordStore, ISharingStore, IAccountStore, IAuditStore, IDisposable
{
    private const string TimeFormat = "yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'";
    private readonly string _databasePath;
    private readonly string _connectionString;
    private readonly ILogger _logger;
    private readonly int _purgeBatchSize;

    /// <summary>
    /// Uses (and on <see cref="InitializeAsync"/> creates) the database at <paramref name="databasePath"/>.
    /// A purge deletes at most <paramref name="purgeBatchSize"/> reads per statement, so writers wait only briefly.
    /// </summary>
    public SqliteCentralStore(string databasePath, ILogger<SqliteCentralStore> logger, int purgeBatchSize = 5_000)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(databasePath);
        ArgumentNullException.ThrowIfNull(logger);
        ArgumentOutOfRangeException.ThrowIfLessThan(purgeBatchSize, 1);
        _logger = logger;
        _purgeBatchSize = purgeBatchSize;
        _databasePath = Path.GetFullPath(databasePath);
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = _databasePath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = true,
            DefaultTimeout = 30,
        }.ToString();
    }

    /// <inheritdoc />
    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        try
        {
            var directory = Path.GetDirectoryName(_databasePath);
            if (!string.IsNullOrEmpty(directory))
            {
                OwnerOnlyFiles.EnsureFolder(directory, _logger);
            }

            OwnerOnlyFiles.EnsureFile(_databasePath, _logger);

            await using var connection = await OpenAsync(cancellationToken);
            await using (var command = connection.CreateCommand())
            {
                // WAL cannot be switched on inside a migration's transaction; it is a property of the file, kept from then on.
                command.CommandText = "PRAGMA journal_mode = WAL;";
                await command.ExecuteNonQueryAsync(cancellationToken);
            }

            // Evolve is synchronous; the token is honoured up to the start of the migrations.
            await Task.Run(() => SchemaMigrator.Migrate(connection, DBMS.SQLite, typeof(SqliteCentralStore).Assembly, _databasePath, _logger), cancellationToken);
            StorageLog.SchemaReady(_logger, _databasePath, "SQLite");
        }
        catch (Exception ex) when (ex is SqliteException or IOException or UnauthorizedAccessException or EvolveDb.EvolveException)
        {
            throw new StoreUnavailableException($"cannot open the SQLite store {_databasePath}: {OneLine(ex)}", ex);
        }
    }

    /// <inheritdoc />
    public Task<bool> AddReadAsync(PlateReadMessage read, DateTimeOffset receivedAt, CancellationToken cancellationToken) =>
        InsertReadAsync(read, receivedAt, cancellationToken);

    /// <inheritdoc />
    public Task<IngestBatchResult> AddBatchAsync(IngestBatch batch, CancellationToken cancellationToken) =>
        InsertBatchAsync(batch, cancellationToken);

    /// <summary>Closes this database's pooled connections so the file can be moved or deleted.</summary>
    public void Dispose()
    {
        using var connection = new SqliteConnection(_connectionString);
        SqliteConnection.ClearPool(connection);
    }

    /// <inheritdoc />
    public async Task<PurgeResult> PurgeReadsAsync(DateTimeOffset cutoff, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        var (spared, holds) = await CountSparedAsync(connection, cutoff, cancellationToken);
        var purged = 0L;
        int deleted;
        do
        {
            // One batch per statement (its own transaction): ingest keeps writing between batches.
            await using var command = connection.CreateCommand();
            command.CommandText = $"""
                DELETE FROM reads WHERE rowid IN (
                    SELECT rowid FROM reads r WHERE r.captured_at < @cutoff AND NOT {RetentionSql.ReadIsHeld} LIMIT @batch);
                """;
            command.Parameters.AddWithValue("@cutoff", TimeText(cutoff));
            command.Parameters.AddWithValue("@batch", _purgeBatchSize);
            deleted = await command.ExecuteNonQueryAsync(cancellationToken);
            purged += deleted;
        }
        while (deleted == _purgeBatchSize);

        var result = new PurgeResult(now, cutoff, purged, spared, holds, []);
        await RecordPurgeAsync(connection, result, cancellationToken);
        StorageLog.Purged(_logger, _databasePath, result);
        return result;
    }

    /// <inheritdoc />
    protected override async Task<System.Data.Common.DbConnection> OpenConnectionAsync(CancellationToken cancellationToken) =>
        await OpenAsync(cancellationToken);

    /// <inheritdoc />
    protected override Task<System.Data.Common.DbTransaction> BeginAuditAppendAsync(
        System.Data.Common.DbConnection connection, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        cancellationToken.ThrowIfCancellationRequested();
        // BEGIN IMMEDIATE takes the database's write lock at once (waiting up to the busy timeout): the head read next
        // cannot change before the commit, whichever process appends.
        return Task.FromResult<System.Data.Common.DbTransaction>(((SqliteConnection)connection).BeginTransaction(deferred: false));
    }

    /// <inheritdoc />
    protected override DateTimeOffset ReadTime(System.Data.Common.DbDataReader reader, int column) => ParseTime(reader.GetString(column));

    /// <inheritdoc />
    protected override Guid ReadId(System.Data.Common.DbDataReader reader, int column) => Guid.Parse(reader.GetString(column));

    /// <inheritdoc />
    protected override object TimeParameter(DateTimeOffset time) => TimeText(time);

    /// <inheritdoc />
    protected override string InsertionOrder => "rowid";

    /// <inheritdoc />
    protected override string ReadsTieBreak => "rowid DESC";

    /// <inheritdoc />
    protected override string Json(string parameter) => parameter;

    /// <inheritdoc />
    protected override object IdParameter(Guid id) => IdText(id);

    private async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            await using var pragma = connection.CreateCommand();
            pragma.CommandText = "PRAGMA synchronous = NORMAL;";
            await pragma.ExecuteNonQueryAsync(cancellationToken);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    private static string OneLine(Exception ex) => (ex.InnerException is SqliteException inner ? inner.Message : ex.Message).ReplaceLineEndings(" ");

    private static string IdText(Guid id) => id.ToString("D");

    private static string TimeText(DateTimeOffset time) => time.UtcDateTime.ToString(TimeFormat, CultureInfo.InvariantCulture);

    private static DateTimeOffset ParseTime(string text) =>
        DateTimeOffset.ParseExact(text, TimeFormat, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
}
