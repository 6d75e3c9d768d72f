using Alpr.Edge.Bridge.Audit.Trail;
using Alpr.Edge.Bridge.Storage;
using Alpr.Edge.Bridge.Storage.Postgres;
using Alpr.Edge.Bridge.Storage.Sqlite;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Alpr.Edge.Bridge.Hosting;

/// <summary>The central store <c>storage.provider</c> names, for the service and for the command line's verbs alike.</summary>
public static class CentralStores
{
    /// <summary>A new, uninitialised store for <paramref name="options"/> (validated before).</summary>
    public static ICentralStore Create(BridgeOptions options, ILoggerFactory loggers)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(loggers);
        return options.Storage.Provider == StorageOptions.Postgres
            ? new PostgresCentralStore(
                PostgresConnection.Build(options.Storage.ConnectionString!, options.Storage.PasswordFile),
                loggers.CreateLogger<PostgresCentralStore>())
            : new SqliteCentralStore(options.DatabasePath, loggers.CreateLogger<SqliteCentralStore>());
    }

    /// <summary>The audit chain's tables of <paramref name="store"/> (both engines keep them).</summary>
    public static IAuditStore AuditOf(ICentralStore store) =>
        store as IAuditStore ?? throw new InvalidOperationException($"{store?.GetType().Name} keeps no audit chain");

    /// <summary>
    /// The audit trail for a command-line verb on <paramref name="store"/>: it appends to the same chain as the running
    /// bridge (under the chain's lock) but signs no checkpoints; the bridge's next periodic checkpoint covers its entries.
    /// </summary>
    public static ChainedAuditTrail TrailOf(ICentralStore store, TimeProvider time) =>
        new(AuditOf(store), time, NullLogger<ChainedAuditTrail>.Instance);

    /// <summary>Closes <paramref name="store"/> (the engines are disposable; the contract is not).</summary>
    public static async ValueTask CloseAsync(ICentralStore store)
    {
        switch (store)
        {
            case IAsyncDisposable asyncDisposable:
                await asyncDisposable.DisposeAsync();
                break;
            case IDisposable disposable:
                disposable.Dispose();
                break;
        }
    }
}
