using Alpr.Edge.Bridge.Hosting;
using Alpr.Edge.Bridge.Printing;
using Alpr.Edge.IntegrationTests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Alpr.Edge.IntegrationTests.Bridge;

/// <summary>
/// A bridge started in-process for one test: its own data folder and free ports, records printed to a
/// <see cref="StringWriter"/>, logs recorded. Disposing it stops it and fails the test if an error was logged.
/// </summary>
public sealed class RunningBridge : IAsyncDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);
    private readonly StringWriter _output;
    private readonly RecordingLoggerProvider _logs;
    private readonly bool _ownsDirectory;

    private RunningBridge(BridgeHost host, BridgeOptions options, StringWriter output, RecordingLoggerProvider logs, bool ownsDirectory)
    {
        Host = host;
        Options = options;
        _output = output;
        _logs = logs;
        _ownsDirectory = ownsDirectory;
    }

    public BridgeHost Host { get; }

    public BridgeOptions Options { get; }

    public Uri Broker => Options.ResolveBrokerUri();

    public Uri Web => Host.WebAddresses[0];

    /// <summary>What the bridge printed on its record feed (standard output); a record is printed before it is acknowledged.</summary>
    public string Output => _output.ToString();

    public IReadOnlyList<RecordedLog> Logs => _logs.Logs;

    /// <summary>
    /// Starts a bridge with its embedded broker, or against <paramref name="broker"/>, and waits until it has subscribed.
    /// Its store is SQLite in the data folder unless <paramref name="storage"/> says otherwise.
    /// </summary>
    public static async Task<RunningBridge> StartAsync(
        string testName, Uri? broker = null, string? dataDirectory = null, StorageOptions? storage = null, Action<BridgeOptions>? configure = null)
    {
        var options = new BridgeOptions
        {
            DataDirectory = dataDirectory ?? Directory.CreateTempSubdirectory("alpr-bridge-test-").FullName,
            Urls = "http://127.0.0.1:0",
            EmbeddedBrokerPort = broker is null ? FreePort.Next() : null,
            Broker = broker?.ToString(),
            ClientId = ClientIdFor(testName),
            ReconnectDelayMin = TimeSpan.FromMilliseconds(100),
            ReconnectDelayMax = TimeSpan.FromSeconds(1),
            ConnectionCheckInterval = TimeSpan.FromSeconds(1),
            Storage = storage ?? new StorageOptions(),
        };
        configure?.Invoke(options);
        var output = new StringWriter();
        var logs = new RecordingLoggerProvider();
        var host = BridgeApplication.Build(options, services =>
        {
            services.AddSingleton(new RecordPrinter(TextWriter.Synchronized(output), printPlates: true));
            services.AddLogging(logging =>
            {
                logging.ClearProviders();
                logging.SetMinimumLevel(LogLevel.Debug);
                logging.AddProvider(logs);
            });
        });
        var bridge = new RunningBridge(host, options, output, logs, ownsDirectory: dataDirectory is null);
        using var deadline = new CancellationTokenSource(Timeout);
        await host.StartAsync(deadline.Token);
        await host.Ingest.WaitUntilReadyAsync(Timeout, deadline.Token);
        return bridge;
    }

    /// <summary>A client id that names the test, within MQTT's practical length limit, the same for the same test.</summary>
    public static string ClientIdFor(string testName) =>
        $"bridge-{testName[..Math.Min(testName.Length, 40)]}-{(uint)testName.GetHashCode(StringComparison.Ordinal):x8}";

    public HttpClient CreateHttpClient() => new() { BaseAddress = Web, Timeout = Timeout };

    public async ValueTask DisposeAsync()
    {
        using (var deadline = new CancellationTokenSource(Timeout))
        {
            await Host.StopAsync(deadline.Token);
        }

        await Host.DisposeAsync();
        if (_ownsDirectory)
        {
            Directory.Delete(Options.DataDirectory, recursive: true);
        }

        var errors = Logs.Where(l => l.Level >= LogLevel.Error).ToList();
        Assert.True(errors.Count == 0, "the bridge logged errors:\n" + string.Join('\n', errors));
    }
}
