using Alpr.Edge.Bridge.Hosting;
using Alpr.Edge.Bridge.Storage;
using Alpr.Edge.Bridge.Storage.Postgres;
using Microsoft.Extensions.Logging.Abstractions;

namespace Alpr.Edge.IntegrationTests.CentralStore;

/// <summary>The contract on a real PostgreSQL server: a new database for each test.</summary>
[Collection(PostgresTests.Collection)]
public sealed class PostgresCentralStoreContractTests(PostgresServer server) : CentralStoreContractTests
{
    private readonly string _directory = Directory.CreateTempSubdirectory("alpr-central-postgres-").FullName;
    private string? _connectionString;

    private string ConnectionString => _connectionString ?? throw new InvalidOperationException("no database yet");

    protected override string AuditDataDirectory => _directory;

    protected override object? StorageConfig => new Dictionary<string, string> { ["provider"] = "postgres", ["connectionString"] = ConnectionString };

    /// <summary>As the superuser (or the tables' owner) would: the append-only triggers switched off.</summary>
    protected override string DisableAuditTriggersSql =>
        "ALTER TABLE audit_entries DISABLE TRIGGER USER; ALTER TABLE audit_checkpoints DISABLE TRIGGER USER;";

    protected override async Task<ICentralStore> CreateStoreAsync()
    {
        _connectionString = await server.CreateDatabaseAsync(nameof(PostgresCentralStoreContractTests));
        return ReopenStore();
    }

    protected override ICentralStore ReopenStore() =>
        new PostgresCentralStore(ConnectionString, NullLogger<PostgresCentralStore>.Instance);

    protected override Task ExecuteAsAdministratorAsync(string sql) => PostgresServer.QueryAsync(ConnectionString, sql);

    /// <summary>
    /// The chain's head now; restoring deletes every entry and checkpoint after it (triggers disabled, then enabled
    /// again), which is what restoring a dump taken now would leave.
    /// </summary>
    protected override async Task<Func<Task>> SnapshotAsync()
    {
        var head = (await CentralStores.AuditOf(Store).GetAuditHeadAsync(None)).Sequence;
        return async () =>
        {
            await ExecuteAsAdministratorAsync(DisableAuditTriggersSql);
            await ExecuteAsAdministratorAsync($"DELETE FROM audit_entries WHERE sequence > {head}; DELETE FROM audit_checkpoints WHERE sequence > {head};");
            await ExecuteAsAdministratorAsync("ALTER TABLE audit_entries ENABLE TRIGGER USER; ALTER TABLE audit_checkpoints ENABLE TRIGGER USER;");
            await ReopenAsync();
        };
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        Directory.Delete(_directory, recursive: true);
    }
}
