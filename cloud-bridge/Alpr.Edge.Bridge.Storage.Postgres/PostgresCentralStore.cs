using Alpr.Edge.Bridge.Storage.Migrations;
using Alpr.Edge.Contracts;
using EvolveDb.Dialect;
using Microsoft.Extensions.Logging;
using Npgsql;
using NpgsqlTypes;

namespace Alpr.Edge.Bridge.Storage.Postgres;

/// <summary>
/// <see cref="ICentralStore"/> on PostgreSQL, for production: <c>reads</c> partitioned by capture month (created as reads
/// arrive), B-tree indexes for plate, time and device/camera, a pg_trgm index for partial plates. Schema through the
/// Evolve migrations in <c>Migrations/</c>. Thread-safe: each call takes a pooled connection from one data source.
/// </summary>
public sealed partial class PostgresCentralStore : RelationalCentralStore, ICentralStore, IAsyncDisposable, IDisposable
{
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
                await using var command = _dataSource.CreateCommand("""
                    INSERT INTO reads (id, device_id, camera, plate, confidence, captured_at, received_at, firmware_version, payload)
                    VALUES (@id, @device, @camera, @plate, @confidence, @captured, @received, @firmware, @payload)
                    ON CONFLICT (id, captured_at) DO NOTHING;
                    """);
                command.Parameters.AddWithValue("@id", read.Id);
                command.Parameters.AddWithValue("@device", read.DeviceId);
                command.Parameters.AddWithValue("@camera", read.Camera);
                command.Parameters.AddWithValue("@plate", read.Plate);
                command.Parameters.AddWithValue("@confidence", read.Confidence);
                command.Parameters.AddWithValue("@captured", Utc(read.CapturedAt));
                command.Parameters.AddWithValue("@received", Utc(receivedAt));
                command.Parameters.AddWithValue("@firmware", (object?)read.FirmwareVersion ?? DBNull.Value);
                command.Parameters.Add(Jsonb("@payload", StoredJson.Write(read, ContractsJson.Default.PlateReadMessage)));
                return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
            }
            catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.CheckViolation && attempt == 0)
            {
                // reads has no CHECK constraint: 23514 here means no partition holds this capture month yet.
                await EnsurePartitionAsync(read.CapturedAt, cancellationToken);
            }
        }
    }

    /// <inheritdoc />
    public async Task<bool> AddHitAsync(HotlistHitMessage hit, DateTimeOffset receivedAt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(hit);
        await using var command = _dataSource.CreateCommand("""
            INSERT INTO hits (id, read_id, device_id, camera, plate, captured_at, list_name, category, entry_plate,
                              match_kind, case_number, verification, received_at, payload)
            VALUES (@id, @read, @device, @camera, @plate, @captured, @list, @category, @entry,
                    @match, @case, 'Unverified', @received, @payload)
            ON CONFLICT (id) DO NOTHING;
            """);
        command.Parameters.AddWithValue("@id", hit.Id);
        command.Parameters.AddWithValue("@read", hit.Read.Id);
        command.Parameters.AddWithValue("@device", hit.Read.DeviceId);
        command.Parameters.AddWithValue("@camera", hit.Read.Camera);
        command.Parameters.AddWithValue("@plate", hit.Read.Plate);
        command.Parameters.AddWithValue("@captured", Utc(hit.Read.CapturedAt));
        command.Parameters.AddWithValue("@list", hit.ListName);
        command.Parameters.AddWithValue("@category", hit.Category);
        command.Parameters.AddWithValue("@entry", hit.EntryPlate);
        command.Parameters.AddWithValue("@match", hit.MatchKind);
        command.Parameters.AddWithValue("@case", (object?)hit.CaseNumber ?? DBNull.Value);
        command.Parameters.AddWithValue("@received", Utc(receivedAt));
        command.Parameters.Add(Jsonb("@payload", StoredJson.WriteHit(hit)));
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<StoredHit>> GetRecentHitsAsync(int limit, CancellationToken cancellationToken) =>
        QueryHitsAsync("ORDER BY captured_at DESC, received_at DESC LIMIT @limit", new("@limit", Math.Max(0, limit)), cancellationToken);

    /// <inheritdoc />
    public async Task<StoredHit?> GetHitAsync(Guid id, CancellationToken cancellationToken)
    {
        var hits = await QueryHitsAsync("WHERE id = @id", new("@id", id), cancellationToken);
        return hits.Count == 0 ? null : hits[0];
    }

    /// <inheritdoc />
    public async Task<StoreCounts> CountAsync(CancellationToken cancellationToken)
    {
        await using var command = _dataSource.CreateCommand("SELECT (SELECT count(*) FROM reads), (SELECT count(*) FROM hits);");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return new StoreCounts(reader.GetInt64(0), reader.GetInt64(1));
    }

    /// <inheritdoc />
    public async Task AddAccessAuditAsync(AccessAuditEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        await using var command = _dataSource.CreateCommand("""
            INSERT INTO access_audit (at, user_name, remote_address, method, path, purpose)
            VALUES (@at, @user, @remote, @method, @path, @purpose);
            """);
        command.Parameters.AddWithValue("@at", Utc(entry.At));
        command.Parameters.AddWithValue("@user", entry.User);
        command.Parameters.AddWithValue("@remote", (object?)entry.RemoteAddress ?? DBNull.Value);
        command.Parameters.AddWithValue("@method", entry.Method);
        command.Parameters.AddWithValue("@path", entry.Path);
        command.Parameters.AddWithValue("@purpose", (object?)entry.Purpose ?? DBNull.Value);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<AccessAuditEntry>> GetRecentAccessAuditAsync(int limit, CancellationToken cancellationToken)
    {
        await using var command = _dataSource.CreateCommand(
            "SELECT at, user_name, remote_address, method, path, purpose FROM access_audit ORDER BY id DESC LIMIT @limit;");
        command.Parameters.AddWithValue("@limit", Math.Max(0, limit));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var entries = new List<AccessAuditEntry>();
        while (await reader.ReadAsync(cancellationToken))
        {
            entries.Add(new AccessAuditEntry(
                reader.GetFieldValue<DateTimeOffset>(0),
                reader.GetString(1),
                reader.IsDBNull(2) ? null : reader.GetString(2),
                reader.GetString(3),
                reader.GetString(4),
                reader.IsDBNull(5) ? null : reader.GetString(5)));
        }

        return entries;
    }

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
    protected override object TimeParameter(DateTimeOffset time) => Utc(time);

    /// <inheritdoc />
    protected override object IdParameter(Guid id) => id;

    /// <inheritdoc />
    protected override async Task<IReadOnlyList<StoredRead>> QueryReadsAsync(
        string where, IReadOnlyList<KeyValuePair<string, object>> parameters, int limit, CancellationToken cancellationToken)
    {
        await using var command = _dataSource.CreateCommand(
            $"SELECT payload, received_at FROM reads {where} ORDER BY captured_at DESC, received_at DESC LIMIT @limit;");
        command.Parameters.AddWithValue("@limit", Math.Max(0, limit));
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var reads = new List<StoredRead>();
        while (await reader.ReadAsync(cancellationToken))
        {
            reads.Add(new StoredRead(StoredJson.Read(reader.GetString(0), ContractsJson.Default.PlateReadMessage), reader.GetFieldValue<DateTimeOffset>(1)));
        }

        return reads;
    }

    private async Task<IReadOnlyList<StoredHit>> QueryHitsAsync(string tail, KeyValuePair<string, object> parameter, CancellationToken cancellationToken)
    {
        await using var command = _dataSource.CreateCommand($"SELECT payload, received_at, verification FROM hits {tail};");
        command.Parameters.AddWithValue(parameter.Key, parameter.Value);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var hits = new List<StoredHit>();
        while (await reader.ReadAsync(cancellationToken))
        {
            hits.Add(StoredJson.ReadHit(reader.GetString(0), reader.GetString(2), reader.GetFieldValue<DateTimeOffset>(1)));
        }

        return hits;
    }

    private static NpgsqlParameter Jsonb(string name, string json) => new(name, NpgsqlDbType.Jsonb) { Value = json };

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
