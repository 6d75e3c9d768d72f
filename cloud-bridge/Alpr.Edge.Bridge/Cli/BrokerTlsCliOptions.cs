using System.CommandLine;
using Alpr.Edge.Bridge.Hosting;

namespace Alpr.Edge.Bridge.Cli;

/// <summary>The TLS options to the broker that <c>run</c> and <c>hotlist publish</c> share (<c>mqtts://</c> brokers only).</summary>
internal sealed class BrokerTlsCliOptions
{
    private readonly Option<string?> _caFile = new("--ca-file") { Description = "PEM CA the broker's certificate must chain to (alone) [config: caFile]", HelpName = "FILE" };
    private readonly Option<string?> _certificate = new("--client-certificate") { Description = "PEM client certificate for mutual TLS [config: clientCertificateFile]", HelpName = "FILE" };
    private readonly Option<string?> _key = new("--client-key") { Description = "PEM private key of --client-certificate [config: clientKeyFile]", HelpName = "FILE" };

    public void AddTo(Command command)
    {
        command.Options.Add(_caFile);
        command.Options.Add(_certificate);
        command.Options.Add(_key);
    }

    /// <summary>Overrides <paramref name="options"/>' TLS files with those given on the command line.</summary>
    public void ApplyTo(ParseResult parseResult, BridgeOptions options)
    {
        options.CaFile = parseResult.GetValue(_caFile) ?? options.CaFile;
        options.ClientCertificateFile = parseResult.GetValue(_certificate) ?? options.ClientCertificateFile;
        options.ClientKeyFile = parseResult.GetValue(_key) ?? options.ClientKeyFile;
    }
}
