using Alpr.Edge.Bridge.Storage;
using Alpr.Edge.Bridge.Storage.Postgres;
using Microsoft.Extensions.Logging.Abstractions;

namespace Alpr.Edge.IntegrationTests.CentralStore;

/// <summary>The contract on a real PostgreSQL server: a new database for each test.</summary>
[Collection(PostgresTests.Collection)]
public sealed class PostgresCentralStoreContractTests(PostgresServer server) : CentralStoreContractTests
{
    private string? _connectionString;

    protected override async Task<ICentralStore> CreateStoreAsync()
    {
        _connectionString = await server.CreateDatabaseAsync(nameof(PostgresCentralStoreContractTests));
        return ReopenStore();
    }

    protected override ICentralStore ReopenStore() =>
        new PostgresCentralStore(_connectionString ?? throw new InvalidOperationException("no database yet"), NullLogger<PostgresCentralStore>.Instance);
}
