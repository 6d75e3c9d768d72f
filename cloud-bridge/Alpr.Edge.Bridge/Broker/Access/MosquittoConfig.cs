using System.Globalization;
using System.Text;
using Alpr.Edge.Contracts;

namespace Alpr.Edge.Bridge.Broker.Access;

/// <summary>
/// Renders <see cref="BrokerAccessRules"/> as a Mosquitto 2 configuration: one mutual-TLS listener whose client identity is
/// the certificate's CN (<c>use_identity_as_username</c>), which is also forced as the client id
/// (<c>use_username_as_clientid</c>, so no client can take over another's session), no anonymous clients, a bounded packet
/// size, and an ACL file with the table's rows. Written by <c>alpr-bridge broker mosquitto-config</c>.
/// </summary>
public sealed class MosquittoConfig
{
    /// <summary>Largest MQTT packet the broker accepts (2 MiB): a plate crop and an overview fit, a flood of huge messages does not.</summary>
    public const int DefaultMaxPacketBytes = 2 * 1024 * 1024;

    /// <summary>The listener's address.</summary>
    public required string BindAddress { get; init; }

    /// <summary>The listener's port.</summary>
    public required int Port { get; init; }

    /// <summary>The department CA (PEM) that every client certificate must chain to.</summary>
    public required string CaFile { get; init; }

    /// <summary>The broker's certificate (PEM).</summary>
    public required string CertificateFile { get; init; }

    /// <summary>The broker's private key (PEM).</summary>
    public required string KeyFile { get; init; }

    /// <summary>Where Mosquitto keeps sessions and queued messages across restarts.</summary>
    public required string PersistenceDirectory { get; init; }

    /// <summary>The access table.</summary>
    public required BrokerAccessRules Rules { get; init; }

    /// <summary>Largest packet accepted, in bytes.</summary>
    public int MaxPacketBytes { get; init; } = DefaultMaxPacketBytes;

    /// <summary>The <c>mosquitto.conf</c> text, naming <paramref name="aclFile"/>.</summary>
    public string Configuration(string aclFile)
    {
        var text = new StringBuilder();
        text.AppendLine("# Alpr.Edge uplink broker, written by `alpr-bridge broker mosquitto-config` (docs/uplink.md, \"Broker identity and ACLs\").");
        text.AppendLine("# Every client shows a certificate from the department CA; its CN is its identity, its username and its client id.");
        text.AppendLine("per_listener_settings false");
        text.AppendLine("allow_anonymous false");
        text.AppendLine(CultureInfo.InvariantCulture, $"acl_file {aclFile}");
        text.AppendLine(CultureInfo.InvariantCulture, $"max_packet_size {MaxPacketBytes}");
        text.AppendLine("persistence true");
        text.AppendLine(CultureInfo.InvariantCulture, $"persistence_location {WithTrailingSlash(PersistenceDirectory)}");
        text.AppendLine(CultureInfo.InvariantCulture, $"listener {Port} {BindAddress}");
        text.AppendLine(CultureInfo.InvariantCulture, $"cafile {CaFile}");
        text.AppendLine(CultureInfo.InvariantCulture, $"certfile {CertificateFile}");
        text.AppendLine(CultureInfo.InvariantCulture, $"keyfile {KeyFile}");
        text.AppendLine("tls_version tlsv1.2");
        text.AppendLine("require_certificate true");
        text.AppendLine("use_identity_as_username true");
        text.AppendLine("use_username_as_clientid true");
        return text.ToString();
    }

    /// <summary>The ACL file's text: the bridge's rows per identity, then each device's own topics as patterns.</summary>
    public string AccessList()
    {
        var text = new StringBuilder();
        text.AppendLine("# Alpr.Edge uplink ACL, written by `alpr-bridge broker mosquitto-config`. Anything not listed is refused.");
        foreach (var bridge in Rules.BridgeIdentities)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"user {bridge}");
            foreach (var leaf in BrokerAccessRules.DeviceReceives)
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"topic write {MqttTopics.Root}/+/{leaf}");
            }

            foreach (var leaf in BrokerAccessRules.DevicePublishes)
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"topic read {MqttTopics.Root}/+/{leaf}");
            }

            text.AppendLine();
        }

        text.AppendLine("# A device (its certificate's CN, %u, is its device id) speaks only for itself and hears only what is meant for it.");
        foreach (var leaf in BrokerAccessRules.DevicePublishes)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"pattern write {MqttTopics.Root}/%u/{leaf}");
        }

        foreach (var leaf in BrokerAccessRules.DeviceReceives)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"pattern read {MqttTopics.Root}/%u/{leaf}");
        }

        return text.ToString();
    }

    /// <summary>Writes <c>mosquitto.conf</c> and <c>alpr-uplink.acl</c> into <paramref name="directory"/>; returns both paths.</summary>
    public (string ConfigurationFile, string AccessListFile) WriteTo(string directory)
    {
        Directory.CreateDirectory(directory);
        var acl = Path.GetFullPath(Path.Combine(directory, "alpr-uplink.acl"));
        var configuration = Path.GetFullPath(Path.Combine(directory, "mosquitto.conf"));
        File.WriteAllText(acl, AccessList());
        File.WriteAllText(configuration, Configuration(acl));
        return (configuration, acl);
    }

    private static string WithTrailingSlash(string directory) =>
        directory.EndsWith('/') ? directory : directory + "/";
}
