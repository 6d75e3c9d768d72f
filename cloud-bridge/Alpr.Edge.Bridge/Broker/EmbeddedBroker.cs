using System.Net;
using Alpr.Edge.Bridge.Hosting;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MQTTnet.Server;

namespace Alpr.Edge.Bridge.Broker;

/// <summary>
/// An MQTT broker inside the bridge, on 127.0.0.1 only, for development and demonstrations.
/// Registered before the ingest, so it is listening before the ingest connects and stops after it.
/// Sessions are kept in memory while it runs: they do not survive a restart of the bridge.
/// </summary>
public sealed class EmbeddedBroker : IHostedService, IDisposable
{
    private readonly int _port;
    private readonly ILogger<EmbeddedBroker> _logger;
    private MqttServer? _server;

    /// <summary>Creates the broker on <see cref="BridgeOptions.EmbeddedBrokerPort"/>.</summary>
    public EmbeddedBroker(IOptions<BridgeOptions> options, ILogger<EmbeddedBroker> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _port = options.Value.EmbeddedBrokerPort
            ?? throw new InvalidOperationException("EmbeddedBroker needs embeddedBrokerPort to be set");
        _logger = logger;
    }

    /// <inheritdoc />
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var factory = new MqttServerFactory();
        var serverOptions = factory.CreateServerOptionsBuilder()
            .WithDefaultEndpoint()
            .WithDefaultEndpointBoundIPAddress(IPAddress.Loopback)
            .WithDefaultEndpointBoundIPV6Address(IPAddress.None)
            .WithDefaultEndpointPort(_port)
            .WithPersistentSessions(true)
            .Build();
        _server = factory.CreateMqttServer(serverOptions);
        _server.ClientConnectedAsync += e =>
        {
            BrokerLog.ClientConnected(_logger, e.ClientId);
            return Task.CompletedTask;
        };
        _server.ClientDisconnectedAsync += e =>
        {
            BrokerLog.ClientDisconnected(_logger, e.ClientId, e.DisconnectType);
            return Task.CompletedTask;
        };
        await _server.StartAsync().WaitAsync(cancellationToken);
        BrokerLog.Started(_logger, _port);
    }

    /// <inheritdoc />
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_server is { IsStarted: true } server)
        {
            await server.StopAsync(new MqttServerStopOptions()).WaitAsync(cancellationToken);
            BrokerLog.Stopped(_logger);
        }
    }

    /// <inheritdoc />
    public void Dispose() => _server?.Dispose();
}
