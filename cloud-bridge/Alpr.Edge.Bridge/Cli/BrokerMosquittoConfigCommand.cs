using System.CommandLine;
using System.Net;
using Alpr.Edge.Bridge.Broker.Access;

namespace Alpr.Edge.Bridge.Cli;

/// <summary>
/// <c>alpr-bridge broker mosquitto-config --out DIR --ca CA --cert CERT --key KEY</c>: writes <c>mosquitto.conf</c> and the
/// ACL file for a Mosquitto 2 broker that admits only clients with a department certificate, takes each one's identity
/// from its CN and lets each speak and hear only as <see cref="BrokerAccessRules"/> says (docs/uplink.md).
/// </summary>
internal sealed class BrokerMosquittoConfigCommand : Command
{
    private readonly Option<string> _out = new("--out") { Description = "Folder to write mosquitto.conf and alpr-uplink.acl into", HelpName = "DIR", Required = true };
    private readonly Option<string> _ca = new("--ca") { Description = "The department CA (PEM) every client certificate must chain to", HelpName = "FILE", Required = true };
    private readonly Option<string> _cert = new("--cert") { Description = "The broker's certificate (PEM)", HelpName = "FILE", Required = true };
    private readonly Option<string> _key = new("--key") { Description = "The broker's private key (PEM)", HelpName = "FILE", Required = true };
    private readonly Option<int> _port = new("--port") { Description = "Listener port", HelpName = "PORT", DefaultValueFactory = _ => 8883 };
    private readonly Option<string> _bind = new("--bind") { Description = "Listener address", HelpName = "ADDRESS", DefaultValueFactory = _ => "0.0.0.0" };
    private readonly Option<string[]> _bridges = new("--bridge-identity")
    {
        Description = "CN of a bridge instance's certificate (repeat for instances sharing the subscription)",
        HelpName = "NAME",
        DefaultValueFactory = _ => ["alpr-bridge"],
        AllowMultipleArgumentsPerToken = false,
    };

    private readonly Option<string> _persistence = new("--persistence") { Description = "Mosquitto's folder for sessions and queued messages", HelpName = "DIR", DefaultValueFactory = _ => "/var/lib/mosquitto/" };
    private readonly TextWriter _output;
    private readonly TextWriter _error;

    public BrokerMosquittoConfigCommand(TextWriter output, TextWriter error)
        : base("mosquitto-config", "Write mosquitto.conf and its ACL file: mutual TLS, identity = certificate CN = client id, per-device topics.")
    {
        _output = output;
        _error = error;
        foreach (var option in new Option[] { _out, _ca, _cert, _key, _port, _bind, _bridges, _persistence })
        {
            Options.Add(option);
        }

        SetAction(RunAsync);
    }

    private async Task<int> RunAsync(ParseResult parseResult, CancellationToken cancellationToken)
    {
        var files = new[] { ("--ca", parseResult.GetValue(_ca)!), ("--cert", parseResult.GetValue(_cert)!), ("--key", parseResult.GetValue(_key)!) };
        foreach (var (option, file) in files)
        {
            if (!File.Exists(file))
            {
                return await HotlistCommand.FailAsync(_error, ExitCodes.Usage, $"{option}: no such file: {file}");
            }
        }

        var port = parseResult.GetValue(_port);
        if (port is < 1 or > 65535)
        {
            return await HotlistCommand.FailAsync(_error, ExitCodes.Usage, $"--port must be 1..65535, got {port}");
        }

        var bind = parseResult.GetValue(_bind)!;
        if (!IPAddress.TryParse(bind, out _))
        {
            return await HotlistCommand.FailAsync(_error, ExitCodes.Usage, $"--bind must be an IP address, got '{bind}'");
        }

        BrokerAccessRules rules;
        try
        {
            rules = new BrokerAccessRules(parseResult.GetValue(_bridges)!);
        }
        catch (ArgumentException ex)
        {
            return await HotlistCommand.FailAsync(_error, ExitCodes.Usage, $"--bridge-identity: {ex.Message.Split(" (Parameter", 2)[0]}");
        }

        var config = new MosquittoConfig
        {
            BindAddress = bind,
            Port = port,
            CaFile = Path.GetFullPath(files[0].Item2),
            CertificateFile = Path.GetFullPath(files[1].Item2),
            KeyFile = Path.GetFullPath(files[2].Item2),
            PersistenceDirectory = parseResult.GetValue(_persistence)!,
            Rules = rules,
        };
        try
        {
            var (configuration, acl) = config.WriteTo(parseResult.GetValue(_out)!);
            await _output.WriteLineAsync($"wrote {configuration} and {acl} (bridge identities: {string.Join(", ", rules.BridgeIdentities)}); run: mosquitto -c {configuration}");
            return ExitCodes.Success;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return await HotlistCommand.FailAsync(_error, ExitCodes.Failure, ex.Message);
        }
    }
}
