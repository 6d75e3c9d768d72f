using Alpr.Edge.Bridge.Storage;
using Alpr.Edge.Bridge.Storage.Sqlite;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;

namespace Alpr.Edge.IntegrationTests.CentralStore;

/// <summary>The contract on SQLite: a new file in a temporary folder for each test.</summary>
public sealed class SqliteCentralStoreContractTests : CentralStoreContractTests
{
    private readonly string _directory = Directory.CreateTempSubdirectory("alpr-central-sqlite-").FullName;

    private string DatabasePath => Path.Combine(_directory, "bridge.db");

    protected override string AuditDataDirectory => _directory;

    protected override object? StorageConfig => null;

    protected override string DisableAuditTriggersSql => """
        DROP TRIGGER audit_entries_no_update; DROP TRIGGER audit_entries_no_delete;
        DROP TRIGGER audit_checkpoints_no_update; DROP TRIGGER audit_checkpoints_no_delete;
        """;

    protected override Task<ICentralStore> CreateStoreAsync() => Task.FromResult(ReopenStore());

    protected override ICentralStore ReopenStore() => new SqliteCentralStore(DatabasePath, NullLogger<SqliteCentralStore>.Instance);

    protected override async Task ExecuteAsAdministratorAsync(string sql)
    {
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = DatabasePath, Pooling = false }.ToString());
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>A consistent copy of the file (VACUUM INTO); restoring copies it back over bridge.db, as from a backup.</summary>
    protected override async Task<Func<Task>> SnapshotAsync()
    {
        var copy = Path.Combine(_directory, "backup.db");
        await ExecuteAsAdministratorAsync($"VACUUM INTO '{copy}';");
        return async () =>
        {
            await CloseStoreAsync();
            foreach (var suffix in new[] { "-wal", "-shm" })
            {
                File.Delete(DatabasePath + suffix);
            }

            File.Copy(copy, DatabasePath, overwrite: true);
            await ReopenAsync();
        };
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        Directory.Delete(_directory, recursive: true);
    }

    private async Task CloseStoreAsync()
    {
        await Alpr.Edge.Bridge.Hosting.CentralStores.CloseAsync(Store);
        SqliteConnection.ClearAllPools();
    }
}
