namespace Alpr.Edge.Contracts;

/// <summary>The MQTT topic tree shared by devices and the bridge (version 1).</summary>
public static class MqttTopics
{
    /// <summary>Root of every topic.</summary>
    public const string Root = "alpr/v1";

    /// <summary>Device to bridge: one read per message.</summary>
    public static string Read(string deviceId) => $"{Root}/{deviceId}/read";

    /// <summary>Device to bridge: one hot-list hit per message.</summary>
    public static string Hit(string deviceId) => $"{Root}/{deviceId}/hit";

    /// <summary>Device to bridge: availability and status (retained).</summary>
    public static string Status(string deviceId) => $"{Root}/{deviceId}/status";

    /// <summary>Device to bridge: the periodic status (<see cref="DeviceHealthMessage"/>, retained).</summary>
    public static string Health(string deviceId) => $"{Root}/{deviceId}/health";

    /// <summary>Bridge to device: acknowledgements of stored records.</summary>
    public static string Ack(string deviceId) => $"{Root}/{deviceId}/ack";

    /// <summary>Device to bridge: an audit-relevant device event (tamper, hot list rejected, store alarm...).</summary>
    public static string Event(string deviceId) => $"{Root}/{deviceId}/event";

    /// <summary>Bridge to device: a command (place or release a hold...).</summary>
    public static string Command(string deviceId) => $"{Root}/{deviceId}/command";

    /// <summary>Bridge to device: the signed hot-list bundle the device should run (retained).</summary>
    public static string Hotlist(string deviceId) => $"{Root}/{deviceId}/hotlist";

    /// <summary>Subscription filter for every device's reads.</summary>
    public const string AllReads = Root + "/+/read";

    /// <summary>Subscription filter for every device's hits.</summary>
    public const string AllHits = Root + "/+/hit";

    /// <summary>Subscription filter for every device's events.</summary>
    public const string AllEvents = Root + "/+/event";

    /// <summary>Subscription filter for every device's status.</summary>
    public const string AllStatus = Root + "/+/status";

    /// <summary>Subscription filter for every device's periodic status.</summary>
    public const string AllHealth = Root + "/+/health";

    /// <summary>Extracts the device id from a device topic, or null when the topic is not one of ours.</summary>
    public static string? DeviceIdOf(string topic)
    {
        ArgumentNullException.ThrowIfNull(topic);
        var parts = topic.Split('/');
        return parts.Length == 4 && parts[0] == "alpr" && parts[1] == "v1" && parts[2].Length > 0 ? parts[2] : null;
    }
}
