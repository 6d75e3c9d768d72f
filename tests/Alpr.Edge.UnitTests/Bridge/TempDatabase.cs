using Alpr.Edge.Bridge.Storage.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;

namespace Alpr.Edge.UnitTests.Bridge;

/// <summary>A real SQLite central store in a temporary folder, deleted afterwards.</summary>
public sealed class TempDatabase : IAsyncDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("alpr-bridge-unit-").FullName;

    public TempDatabase() => Store = new SqliteCentralStore(Path.Combine(_directory, "bridge.db"), NullLogger<SqliteCentralStore>.Instance);

    public SqliteCentralStore Store { get; }

    public string DatabasePath => Path.Combine(_directory, "bridge.db");

    public static async Task<TempDatabase> CreateAsync()
    {
        var database = new TempDatabase();
        await database.Store.InitializeAsync(CancellationToken.None);
        return database;
    }

    public ValueTask DisposeAsync()
    {
        Store.Dispose();
        Directory.Delete(_directory, recursive: true);
        return ValueTask.CompletedTask;
    }
}
