using Alpr.Edge.Bridge.Storage;
using Alpr.Edge.Bridge.Storage.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;

namespace Alpr.Edge.IntegrationTests.CentralStore;

/// <summary>The contract on SQLite: a new file in a temporary folder for each test.</summary>
public sealed class SqliteCentralStoreContractTests : CentralStoreContractTests
{
    private readonly string _directory = Directory.CreateTempSubdirectory("alpr-central-sqlite-").FullName;

    private string DatabasePath => Path.Combine(_directory, "bridge.db");

    protected override Task<ICentralStore> CreateStoreAsync() => Task.FromResult(ReopenStore());

    protected override ICentralStore ReopenStore() => new SqliteCentralStore(DatabasePath, NullLogger<SqliteCentralStore>.Instance);

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        Directory.Delete(_directory, recursive: true);
    }
}
