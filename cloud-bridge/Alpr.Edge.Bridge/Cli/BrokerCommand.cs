using System.CommandLine;

namespace Alpr.Edge.Bridge.Cli;

/// <summary><c>alpr-bridge broker mosquitto-config</c>: the broker configuration the uplink's access rules need.</summary>
internal sealed class BrokerCommand : Command
{
    public BrokerCommand(TextWriter output, TextWriter error)
        : base("broker", "Write the configuration of the department's MQTT broker (identities from certificates, per-device ACLs).")
    {
        Subcommands.Add(new BrokerMosquittoConfigCommand(output, error));
    }
}
