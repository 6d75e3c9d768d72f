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
public sealed partial class SqliteCentralStore : RelationalCentralStore, ICentralStore, IDisposable
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
                Directory.CreateDirectory(directory);
            }

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
    public async Task<bool> AddReadAsync(PlateReadMessage read, DateTimeOffset receivedAt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(read);
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            INSERT INTO reads (id, device_id, camera, plate, confidence, captured_at, received_at, firmware_version, payload)
            VALUES ($id, $device, $camera, $plate, $confidence, $captured, $received, $firmware, $payload)
            ON CONFLICT (id) DO NOTHING;
            """;
        command.Parameters.AddWithValue("$id", IdText(read.Id));
        command.Parameters.AddWithValue("$device", read.DeviceId);
        command.Parameters.AddWithValue("$camera", read.Camera);
        command.Parameters.AddWithValue("$plate", read.Plate);
        command.Parameters.AddWithValue("$confidence", read.Confidence);
        command.Parameters.AddWithValue("$captured", TimeText(read.CapturedAt));
        command.Parameters.AddWithValue("$received", TimeText(receivedAt));
        command.Parameters.AddWithValue("$firmware", (object?)read.FirmwareVersion ?? DBNull.Value);
        command.Parameters.AddWithValue("$payload", Json(read, ContractsJson.Default.PlateReadMessage));
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    /// <inheritdoc />
    public async Task<bool> AddHitAsync(HotlistHitMessage hit, DateTimeOffset receivedAt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(hit);
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            INSERT INTO hits (id, read_id, device_id, camera, plate, captured_at, list_name, category, entry_plate,
                              match_kind, case_number, verification, received_at, payload)
            VALUES ($id, $read, $device, $camera, $plate, $captured, $list, $category, $entry,
                    $match, $case, 'Unverified', $received, $payload)
            ON CONFLICT (id) DO NOTHING;
            """;
        command.Parameters.AddWithValue("$id", IdText(hit.Id));
        command.Parameters.AddWithValue("$read", IdText(hit.Read.Id));
        command.Parameters.AddWithValue("$device", hit.Read.DeviceId);
        command.Parameters.AddWithValue("$camera", hit.Read.Camera);
        command.Parameters.AddWithValue("$plate", hit.Read.Plate);
        command.Parameters.AddWithValue("$captured", TimeText(hit.Read.CapturedAt));
        command.Parameters.AddWithValue("$list", hit.ListName);
        command.Parameters.AddWithValue("$category", hit.Category);
        command.Parameters.AddWithValue("$entry", hit.EntryPlate);
        command.Parameters.AddWithValue("$match", hit.MatchKind);
        command.Parameters.AddWithValue("$case", (object?)hit.CaseNumber ?? DBNull.Value);
        command.Parameters.AddWithValue("$received", TimeText(receivedAt));
        command.Parameters.AddWithValue("$payload", StoredJson.WriteHit(hit));
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<StoredHit>> GetRecentHitsAsync(int limit, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT payload, received_at, verification FROM hits ORDER BY captured_at DESC, rowid DESC LIMIT $limit;";
        command.Parameters.AddWithValue("$limit", Math.Max(0, limit));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var hits = new List<StoredHit>();
        while (await reader.ReadAsync(cancellationToken))
        {
            hits.Add(ToStoredHit(reader));
        }

        return hits;
    }

    /// <inheritdoc />
    public async Task<StoredHit?> GetHitAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT payload, received_at, verification FROM hits WHERE id = $id;";
        command.Parameters.AddWithValue("$id", IdText(id));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? ToStoredHit(reader) : null;
    }

    /// <inheritdoc />
    public async Task<StoreCounts> CountAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT (SELECT COUNT(*) FROM reads), (SELECT COUNT(*) FROM hits);";
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return new StoreCounts(reader.GetInt64(0), reader.GetInt64(1));
    }

    /// <inheritdoc />
    public async Task AddAccessAuditAsync(AccessAuditEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            INSERT INTO access_audit (at, user_name, remote_address, method, path, purpose)
            VALUES ($at, $user, $remote, $method, $path, $purpose);
            """;
        command.Parameters.AddWithValue("$at", TimeText(entry.At));
        command.Parameters.AddWithValue("$user", entry.User);
        command.Parameters.AddWithValue("$remote", (object?)entry.RemoteAddress ?? DBNull.Value);
        command.Parameters.AddWithValue("$method", entry.Method);
        command.Parameters.AddWithValue("$path", entry.Path);
        command.Parameters.AddWithValue("$purpose", (object?)entry.Purpose ?? DBNull.Value);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<AccessAuditEntry>> GetRecentAccessAuditAsync(int limit, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT at, user_name, remote_address, method, path, purpose FROM access_audit ORDER BY id DESC LIMIT $limit;";
        command.Parameters.AddWithValue("$limit", Math.Max(0, limit));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var entries = new List<AccessAuditEntry>();
        while (await reader.ReadAsync(cancellationToken))
        {
            entries.Add(new AccessAuditEntry(
                ParseTime(reader.GetString(0)),
                reader.GetString(1),
                reader.IsDBNull(2) ? null : reader.GetString(2),
                reader.GetString(3),
                reader.GetString(4),
                reader.IsDBNull(5) ? null : reader.GetString(5)));
        }

        return entries;
    }

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
    protected override DateTimeOffset ReadTime(System.Data.Common.DbDataReader reader, int column) => ParseTime(reader.GetString(column));

    /// <inheritdoc />
    protected override Guid ReadId(System.Data.Common.DbDataReader reader, int column) => Guid.Parse(reader.GetString(column));

    /// <inheritdoc />
    protected override object TimeParameter(DateTimeOffset time) => TimeText(time);

    /// <inheritdoc />
    protected override object IdParameter(Guid id) => IdText(id);

    /// <inheritdoc />
    protected override async Task<IReadOnlyList<StoredRead>> QueryReadsAsync(
        string where, IReadOnlyList<KeyValuePair<string, object>> parameters, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT payload, received_at FROM reads {where} ORDER BY captured_at DESC, rowid DESC LIMIT @limit;";
        command.Parameters.AddWithValue("@limit", Math.Max(0, limit));
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var reads = new List<StoredRead>();
        while (await reader.ReadAsync(cancellationToken))
        {
            reads.Add(ToStoredRead(reader));
        }

        return reads;
    }

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

    private static StoredRead ToStoredRead(SqliteDataReader reader) =>
        new(Parse(reader.GetString(0), ContractsJson.Default.PlateReadMessage), ParseTime(reader.GetString(1)));

    private static StoredHit ToStoredHit(SqliteDataReader reader) =>
        StoredJson.ReadHit(reader.GetString(0), reader.GetString(2), ParseTime(reader.GetString(1)));

    private static string Json<T>(T message, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> typeInfo) =>
        StoredJson.Write(message, typeInfo);

    private static T Parse<T>(string json, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> typeInfo)
        where T : class => StoredJson.Read(json, typeInfo);

    private static string OneLine(Exception ex) => (ex.InnerException is SqliteException inner ? inner.Message : ex.Message).ReplaceLineEndings(" ");

    private static string IdText(Guid id) => id.ToString("D");

    private static string TimeText(DateTimeOffset time) => time.UtcDateTime.ToString(TimeFormat, CultureInfo.InvariantCulture);

    private static DateTimeOffset ParseTime(string text) =>
        DateTimeOffset.ParseExact(text, TimeFormat, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
}
