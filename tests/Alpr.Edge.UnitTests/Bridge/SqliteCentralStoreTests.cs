using Alpr.Edge.Bridge.Storage;
using Alpr.Edge.Bridge.Storage.Migrations;
using Alpr.Edge.Bridge.Storage.Sqlite;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;

namespace Alpr.Edge.UnitTests.Bridge;

/// <summary>
/// What only the SQLite store does: its file, WAL mode and migrations from the schema of the release before migrations.
/// The behaviour every store shares is the contract suite (IntegrationTests/CentralStore).
/// </summary>
public sealed class SqliteCentralStoreTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task Data_survives_reopening_the_database_in_wal_mode()
    {
        await using var database = await TempDatabase.CreateAsync();
        var read = TestRecords.Read();
        await database.Store.AddReadAsync(read, TestRecords.Noon, None);

        using var reopened = new SqliteCentralStore(database.DatabasePath, NullLogger<SqliteCentralStore>.Instance);
        await reopened.InitializeAsync(None);

        Assert.NotNull(await reopened.GetReadAsync(read.Id, None));
        Assert.Equal("wal", await ScalarAsync(database.DatabasePath, "PRAGMA journal_mode;"));
    }

    [Fact]
    public async Task Empty_database_gets_every_migration_recorded_by_evolve()
    {
        await using var database = await TempDatabase.CreateAsync();

        Assert.Equal(["1", "2", "3", "4", "5", "7"], await ColumnAsync(database.DatabasePath, $"SELECT version FROM {SchemaMigrator.ChangelogTable} WHERE type = 0 AND success = 1 ORDER BY id;"));
        Assert.Equal("reads_device_camera", await ScalarAsync(database.DatabasePath, "SELECT name FROM sqlite_master WHERE name = 'reads_device_camera';"));
    }

    [Fact]
    public async Task Database_of_the_release_before_migrations_is_migrated_and_keeps_its_records()
    {
        await using var database = new TempDatabase();
        var read = TestRecords.Read();
        await CreatePreviousReleaseDatabaseAsync(database.DatabasePath, read);

        await database.Store.InitializeAsync(None);

        var stored = await database.Store.GetReadAsync(read.Id, None);
        Assert.Equal(read.Plate, stored!.Read.Plate);
        Assert.Equal(TestRecords.Noon, stored.ReceivedAt);
        Assert.Equal(["1", "2", "3", "4", "5", "7"], await ColumnAsync(database.DatabasePath, $"SELECT version FROM {SchemaMigrator.ChangelogTable} WHERE type = 0 AND success = 1 ORDER BY id;"));
        Assert.Equal("reads_device_camera", await ScalarAsync(database.DatabasePath, "SELECT name FROM sqlite_master WHERE name = 'reads_device_camera';"));
        Assert.False(await database.Store.AddReadAsync(read, TestRecords.Noon, None));
    }

    [Fact]
    public async Task Database_from_a_newer_bridge_is_refused_with_one_line_naming_the_versions()
    {
        await using var database = await TempDatabase.CreateAsync();
        await ExecuteAsync(database.DatabasePath, $"""
            INSERT INTO {SchemaMigrator.ChangelogTable} (type, version, description, name, checksum, installed_by, installed_on, success)
            VALUES (0, '99', 'from the future', 'V99__from_the_future.sql', 'x', 'test', '2026-01-01 00:00:00', 1);
            """);

        var error = await Assert.ThrowsAsync<StoreUnavailableException>(() => database.Store.InitializeAsync(None));

        Assert.Contains("schema version 99; this bridge knows up to 7. Use a newer bridge.", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public async Task File_that_is_not_a_database_is_refused_with_one_line_naming_it()
    {
        await using var database = new TempDatabase();
        await File.WriteAllTextAsync(database.DatabasePath, new string('x', 4096));

        var error = await Assert.ThrowsAsync<StoreUnavailableException>(() => database.Store.InitializeAsync(None));

        Assert.StartsWith($"cannot open the SQLite store {database.DatabasePath}: ", error.Message, StringComparison.Ordinal);
        Assert.Contains("not a database", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public async Task Purge_deletes_in_batches_until_nothing_due_is_left()
    {
        await using var database = new TempDatabase();
        using var store = new SqliteCentralStore(database.DatabasePath, NullLogger<SqliteCentralStore>.Instance, purgeBatchSize: 2);
        await store.InitializeAsync(None);
        for (var i = 0; i < 5; i++)
        {
            await store.AddReadAsync(TestRecords.Read(capturedAt: TestRecords.Noon.AddDays(-400 - i)), TestRecords.Noon, None);
        }

        var kept = TestRecords.Read(capturedAt: TestRecords.Noon.AddDays(-10));
        await store.AddReadAsync(kept, TestRecords.Noon, None);

        var result = await store.PurgeReadsAsync(TestRecords.Noon.AddDays(-365), TestRecords.Noon, None);

        Assert.Equal(5, result.Purged);
        Assert.Equal(new StoreCounts(1, 0), await store.CountAsync(None));
        Assert.NotNull(await store.GetReadAsync(kept.Id, None));
    }

    // Evolve's changelog: type 0 rows are applied versioned migrations (other types mark schema creation).

    /// <summary>
    /// A bridge.db as the release before migrations left it: its schema (which is, verbatim, migration V1), PRAGMA user_version 1,
    /// no changelog table, and a read in it.
    /// </summary>
    private static async Task CreatePreviousReleaseDatabaseAsync(string path, Alpr.Edge.Contracts.PlateReadMessage read)
    {
        var resource = $"{typeof(SqliteCentralStore).Assembly.GetName().Name}.Migrations.V1__previous_release_schema.sql";
        await using var stream = typeof(SqliteCentralStore).Assembly.GetManifestResourceStream(resource)!;
        var schema = await new StreamReader(stream).ReadToEndAsync();
        var payload = System.Text.Encoding.UTF8.GetString(Alpr.Edge.Contracts.WireFormat.Serialize(read, Alpr.Edge.Contracts.ContractsJson.Default.PlateReadMessage));
        await ExecuteAsync(path, $"""
            PRAGMA journal_mode = WAL;
            {schema}
            INSERT INTO reads (id, device_id, camera, plate, confidence, captured_at, received_at, firmware_version, payload)
            VALUES ('{read.Id:D}', '{read.DeviceId}', '{read.Camera}', '{read.Plate}', 0.97, '2026-11-28T12:00:00.0000000Z', '2026-11-28T12:00:00.0000000Z', NULL, '{payload}');
            PRAGMA user_version = 1;
            """);
    }

    private static async Task ExecuteAsync(string path, string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={path};Pooling=false");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<string?> ScalarAsync(string path, string sql) => (await ColumnAsync(path, sql)).SingleOrDefault();

    private static async Task<IReadOnlyList<string>> ColumnAsync(string path, string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={path};Pooling=false");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        var values = new List<string>();
        while (await reader.ReadAsync())
        {
            values.Add(Convert.ToString(reader.GetValue(0), System.Globalization.CultureInfo.InvariantCulture)!);
        }

        return values;
    }
}
