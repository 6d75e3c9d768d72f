using System.CommandLine;
using Alpr.Edge.Bridge.Hosting;
using Alpr.Edge.Bridge.Printing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Alpr.Edge.Bridge.Cli;

/// <summary><c>alpr-bridge run</c>: defaults, then <c>--config</c>, then the other options; runs until stopped.</summary>
internal sealed class RunCommand : Command
{
    private readonly Option<string?> _config = new("--config") { Description = "JSON file with bridge options (unknown keys are rejected)", HelpName = "FILE" };
    private readonly Option<string?> _data = new("--data") { Description = "Data folder holding bridge.db [default: ./bridge-data]", HelpName = "DIR" };
    private readonly Option<string?> _urls = new("--urls") { Description = "URL(s) for the web page and API: http on loopback, or https with webCertificateFile/webKeyFile [default: http://127.0.0.1:5080]", HelpName = "URL" };
    private readonly Option<int?> _embeddedBroker = new("--embedded-broker") { Description = "Run an MQTT broker on 127.0.0.1:PORT and ingest from it", HelpName = "PORT" };
    private readonly Option<string?> _broker = new("--broker") { Description = "External MQTT broker [default: mqtt://127.0.0.1:1883]", HelpName = "mqtt[s]://host:port" };
    private readonly Option<bool> _printPlates = new("--print-plates") { Description = "Print each record's plate text on standard output (the demo's feed); by default only its id" };
    private readonly BrokerTlsCliOptions _tls = new();
    private readonly TextWriter _output;
    private readonly TextWriter _error;

    public RunCommand(TextWriter output, TextWriter error)
        : base("run", "Run the bridge until Ctrl+C or SIGTERM.")
    {
        _output = output;
        _error = error;
        Options.Add(_config);
        Options.Add(_data);
        Options.Add(_urls);
        Options.Add(_embeddedBroker);
        Options.Add(_broker);
        Options.Add(_printPlates);
        _tls.AddTo(this);
        SetAction(RunAsync);
    }

    private async Task<int> RunAsync(ParseResult parseResult, CancellationToken cancellationToken)
    {
        var options = new BridgeOptions();
        if (parseResult.GetValue(_config) is { } configPath && !BridgeConfigFile.TryLoad(configPath, out options, out var configError))
        {
            return await UsageAsync(configError!);
        }

        options.DataDirectory = parseResult.GetValue(_data) ?? options.DataDirectory;
        options.Urls = parseResult.GetValue(_urls) ?? options.Urls;
        options.EmbeddedBrokerPort = parseResult.GetValue(_embeddedBroker) ?? options.EmbeddedBrokerPort;
        options.Broker = parseResult.GetValue(_broker) ?? options.Broker;
        _tls.ApplyTo(parseResult, options);

        var validation = new BridgeOptionsValidator().Validate(Microsoft.Extensions.Options.Options.DefaultName, options);
        if (validation.Failed)
        {
            return await UsageAsync(string.Join("; ", validation.Failures));
        }

        try
        {
            await using var host = BridgeApplication.Build(options, services => services.AddSingleton(new RecordPrinter(_output, parseResult.GetValue(_printPlates))));
            await host.RunAsync(cancellationToken);
            return ExitCodes.Success;
        }
        catch (OptionsValidationException ex)
        {
            return await UsageAsync(string.Join("; ", ex.Failures));
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return ExitCodes.Success;
        }
        catch (Exception ex)
        {
            var cause = ex is AggregateException { InnerException: { } inner } ? inner : ex;
            var message = cause is System.Net.Sockets.SocketException { SocketErrorCode: System.Net.Sockets.SocketError.AddressAlreadyInUse } && options.EmbeddedBrokerPort is { } port
                ? $"the embedded broker's port 127.0.0.1:{port} is already in use; stop what listens there or choose another --embedded-broker PORT"
                : cause.Message;
            await _error.WriteLineAsync($"alpr-bridge: {message.ReplaceLineEndings(" ")}");
            return ExitCodes.Failure;
        }
    }

    private async Task<int> UsageAsync(string reason)
    {
        await _error.WriteLineAsync($"alpr-bridge: {reason.ReplaceLineEndings(" ")}");
        return ExitCodes.Usage;
    }
}
