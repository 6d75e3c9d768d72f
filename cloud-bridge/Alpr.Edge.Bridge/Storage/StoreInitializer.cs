using Microsoft.Extensions.Hosting;

namespace Alpr.Edge.Bridge.Storage;

/// <summary>Creates the central store's tables before the broker, the ingest or the web server start.</summary>
public sealed class StoreInitializer(ICentralStore store) : IHostedService
{
    /// <inheritdoc />
    public Task StartAsync(CancellationToken cancellationToken) => store.InitializeAsync(cancellationToken);

    /// <inheritdoc />
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
