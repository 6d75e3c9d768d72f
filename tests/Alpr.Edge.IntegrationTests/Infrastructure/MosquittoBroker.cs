using System.Diagnostics;
using System.Net.Sockets;
using System.Text;

namespace Alpr.Edge.IntegrationTests.Infrastructure;

/// <summary>
/// A real Mosquitto broker on a free loopback port, started for a test and stopped with it.
/// It can be stopped and started again on the same port to simulate an outage.
/// </summary>
public sealed class MosquittoBroker : IAsyncDisposable
{
    private const string Executable = "/usr/sbin/mosquitto";
    private readonly string _directory;
    private readonly StringBuilder _output = new();
    private readonly BrokerTls? _tls;
    private Process? _process;

    private readonly Func<int, string, string>? _configure;

    private int _maxInflightMessages = 100;

    private MosquittoBroker(int port, string directory, BrokerTls? tls, Func<int, string, string>? configure = null)
    {
        Port = port;
        _directory = directory;
        _tls = tls;
        _configure = configure;
    }

    public int Port { get; }

    public Uri Url => new($"{(_tls is null ? "mqtt" : "mqtts")}://127.0.0.1:{Port}");

    /// <summary>What the broker printed, for failure messages.</summary>
    public string Output
    {
        get { lock (_output) { return _output.ToString(); } }
    }

    public static Task<MosquittoBroker> StartAsync(CancellationToken cancellationToken = default) => StartAsync(null, cancellationToken);

    /// <summary>Starts a broker whose only listener is TLS (with <paramref name="tls"/>'s files), requiring client certificates from its CA.</summary>
    public static async Task<MosquittoBroker> StartAsync(BrokerTls? tls, CancellationToken cancellationToken = default)
    {
        if (!File.Exists(Executable))
        {
            throw new InvalidOperationException($"{Executable} is missing: run scripts/setup (it installs Debian's mosquitto).");
        }

        var directory = Directory.CreateTempSubdirectory("alpr-mosquitto-").FullName;
        var broker = new MosquittoBroker(FreePort.Next(), directory, tls);
        await broker.StartAgainAsync(cancellationToken);
        return broker;
    }

    /// <summary>
    /// Starts a plain broker that sends each subscriber up to <paramref name="maxInflightMessages"/> unacknowledged QoS 1
    /// messages (0: no limit, whatever the client's receive maximum says).
    /// </summary>
    public static async Task<MosquittoBroker> StartWithInflightLimitAsync(int maxInflightMessages, CancellationToken cancellationToken = default)
    {
        var directory = Directory.CreateTempSubdirectory("alpr-mosquitto-").FullName;
        var broker = new MosquittoBroker(FreePort.Next(), directory, null) { _maxInflightMessages = maxInflightMessages };
        await broker.StartAgainAsync(cancellationToken);
        return broker;
    }

    /// <summary>
    /// Starts a TLS broker from a configuration the product writes: <paramref name="configure"/> gets the free port and an
    /// empty folder and returns the path of the mosquitto.conf it wrote there. The harness adds only logging and
    /// <c>user root</c> (as root, Mosquitto otherwise drops to the mosquitto user, who cannot read the test's temporary files).
    /// </summary>
    public static async Task<MosquittoBroker> StartWithConfigurationAsync(BrokerTls tls, Func<int, string, string> configure, CancellationToken cancellationToken = default)
    {
        var directory = Directory.CreateTempSubdirectory("alpr-mosquitto-").FullName;
        var broker = new MosquittoBroker(FreePort.Next(), directory, tls, configure);
        await broker.StartAgainAsync(cancellationToken);
        return broker;
    }

    /// <summary>Starts the broker (again) on the same port.</summary>
    public async Task StartAgainAsync(CancellationToken cancellationToken = default)
    {
        if (_process is { HasExited: false })
        {
            throw new InvalidOperationException("the broker is already running");
        }

        const string Logging = """
            log_dest stderr
            log_type error
            log_type warning
            log_type notice
            user root
            """;
        var config = Path.Combine(_directory, "mosquitto.conf");
        if (_configure is not null)
        {
            config = _configure(Port, _directory);
            await File.AppendAllTextAsync(config, "\n# added by the test harness\n" + Logging + "\n", cancellationToken);
        }
        else
        {
            await File.WriteAllTextAsync(config, $"""
                listener {Port} 127.0.0.1
                {TlsSettings()}
                allow_anonymous true
                persistence false
                max_queued_messages 100000
                max_inflight_messages {_maxInflightMessages}
                {Logging}
                """, cancellationToken);
        }

        var start = new ProcessStartInfo(Executable, ["-c", config])
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => Append(e.Data);
        process.ErrorDataReceived += (_, e) => Append(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        _process = process;

        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(TimeSpan.FromSeconds(10));
        while (true)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"mosquitto exited with {process.ExitCode}: {Output}");
            }

            try
            {
                using var probe = new TcpClient();
                await probe.ConnectAsync("127.0.0.1", Port, deadline.Token);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(50, deadline.Token);
            }
        }
    }

    /// <summary>Stops the broker, as a network outage would look to clients.</summary>
    public async Task StopAsync()
    {
        if (_process is null)
        {
            return;
        }

        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
        _process = null;
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private string TlsSettings() => _tls is null ? string.Empty : $"""
        cafile {_tls.CaFile}
        certfile {_tls.CertificateFile}
        keyfile {_tls.KeyFile}
        require_certificate true
        """;

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
        }
    }
}
