using Alpr.Edge.Bridge.Ingest;
using Alpr.Edge.Bridge.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Alpr.Edge.Bridge.Hosting;

/// <summary>
/// A built bridge: start and stop it in-process (tests) or run it until shut down (the CLI).
/// Made by <see cref="BridgeApplication.Build"/>.
/// </summary>
public sealed class BridgeHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    internal BridgeHost(WebApplication app) => _app = app;

    /// <summary>The bridge's services.</summary>
    public IServiceProvider Services => _app.Services;

    /// <summary>The central store the ingest writes to.</summary>
    public ICentralStore Store => _app.Services.GetRequiredService<ICentralStore>();

    /// <summary>Whether the ingest is connected and subscribed; wait on it before devices publish.</summary>
    public IngestState Ingest => _app.Services.GetRequiredService<IngestState>();

    /// <summary>Ingest counters (received, stored, duplicates, dropped).</summary>
    public IngestMetrics Metrics => _app.Services.GetRequiredService<IngestMetrics>();

    /// <summary>The addresses the web server listens on, with real ports (valid once started).</summary>
    public IReadOnlyList<Uri> WebAddresses =>
        _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.Select(a => new Uri(a)).ToList()
        ?? [];

    /// <summary>Initialises the store, starts the embedded broker (if any), the ingest and the web server.</summary>
    public Task StartAsync(CancellationToken cancellationToken) => _app.StartAsync(cancellationToken);

    /// <summary>Stops the web server, the ingest (disconnecting cleanly) and then the embedded broker.</summary>
    public Task StopAsync(CancellationToken cancellationToken) => _app.StopAsync(cancellationToken);

    /// <summary>Starts and runs until <paramref name="cancellationToken"/> is cancelled or the process is asked to stop.</summary>
    public Task RunAsync(CancellationToken cancellationToken) => _app.RunAsync(cancellationToken);

    /// <inheritdoc />
    public ValueTask DisposeAsync() => _app.DisposeAsync();
}
