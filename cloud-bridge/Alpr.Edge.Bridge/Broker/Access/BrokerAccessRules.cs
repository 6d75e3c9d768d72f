using Alpr.Edge.Contracts;

namespace Alpr.Edge.Bridge.Broker.Access;

/// <summary>
/// Who may publish and subscribe to what on the uplink's topic tree (docs/uplink.md, "Broker identity and ACLs"). An
/// identity is the name the broker knows a client by (a device's certificate CN is its device id; the bridge's is one of
/// <see cref="BridgeIdentities"/>). A device may speak only for itself and hear only what is meant for it; only the bridge
/// answers, commands and sends hot lists, and only it hears the devices. Nobody else may do anything.
/// </summary>
public sealed class BrokerAccessRules
{
    /// <summary>Topic leaves a device publishes under <c>alpr/v1/{its id}/</c>.</summary>
    public static readonly IReadOnlyList<string> DevicePublishes = ["read", "hit", "event", "status", "health"];

    /// <summary>Topic leaves a device subscribes to under <c>alpr/v1/{its id}/</c>; only the bridge publishes them.</summary>
    public static readonly IReadOnlyList<string> DeviceReceives = ["ack", "command", "hotlist"];

    /// <summary>Creates the rules for the bridge's identities (at least one).</summary>
    public BrokerAccessRules(IEnumerable<string> bridgeIdentities)
    {
        ArgumentNullException.ThrowIfNull(bridgeIdentities);
        BridgeIdentities = [.. bridgeIdentities.Distinct(StringComparer.Ordinal)];
        if (BridgeIdentities.Count == 0)
        {
            throw new ArgumentException("at least one bridge identity is needed", nameof(bridgeIdentities));
        }

        foreach (var identity in BridgeIdentities)
        {
            if (!IsIdentity(identity))
            {
                throw new ArgumentException(
                    $"bridge identity '{identity}' is not usable; use 1-64 letters, digits, '-', '_' or '.' (the CN of the bridge's certificate)", nameof(bridgeIdentities));
            }
        }
    }

    /// <summary>The bridge's identities (several bridge instances sharing the subscription each have their own).</summary>
    public IReadOnlyList<string> BridgeIdentities { get; }

    /// <summary>Whether <paramref name="identity"/> could be a device id or bridge name: 1-64 of letters, digits, '-', '_', '.' (so never an MQTT wildcard or level separator).</summary>
    public static bool IsIdentity(string? identity) =>
        identity is { Length: >= 1 and <= 64 } && identity.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.');

    /// <summary>Whether <paramref name="identity"/> is one of the bridge's.</summary>
    public bool IsBridge(string identity) => BridgeIdentities.Contains(identity, StringComparer.Ordinal);

    /// <summary>Whether <paramref name="identity"/> may publish on <paramref name="topic"/> (a topic name, no wildcards).</summary>
    public bool MayPublish(string identity, string topic)
    {
        if (!IsIdentity(identity) || !TrySplit(topic, out var device, out var leaf))
        {
            return false;
        }

        return IsBridge(identity)
            ? DeviceReceives.Contains(leaf, StringComparer.Ordinal) && !IsBridge(device)
            : device == identity && DevicePublishes.Contains(leaf, StringComparer.Ordinal);
    }

    /// <summary>
    /// Whether <paramref name="identity"/> may subscribe to <paramref name="filter"/>: a device to its own three inbound
    /// topics only, the bridge to the devices' data topics (one device or <c>+</c>) only; <c>#</c> and other wildcards never.
    /// </summary>
    public bool MaySubscribe(string identity, string filter)
    {
        if (!IsIdentity(identity) || !TrySplit(filter, out var device, out var leaf, allowSingleLevelDevice: IsBridge(identity)))
        {
            return false;
        }

        return IsBridge(identity)
            ? DevicePublishes.Contains(leaf, StringComparer.Ordinal) && !IsBridge(device)
            : device == identity && DeviceReceives.Contains(leaf, StringComparer.Ordinal);
    }

    private static bool TrySplit(string topic, out string device, out string leaf, bool allowSingleLevelDevice = false)
    {
        device = leaf = string.Empty;
        var parts = topic.Split('/');
        if (parts.Length != 4 || $"{parts[0]}/{parts[1]}" != MqttTopics.Root)
        {
            return false;
        }

        device = parts[2];
        leaf = parts[3];
        return (IsIdentity(device) || (allowSingleLevelDevice && device == "+")) && !leaf.Contains('+', StringComparison.Ordinal) && !leaf.Contains('#', StringComparison.Ordinal);
    }
}
