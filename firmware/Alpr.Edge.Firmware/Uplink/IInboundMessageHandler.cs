namespace Alpr.Edge.Firmware.Uplink;

/// <summary>
/// A handler for bridge-to-device MQTT traffic other than acknowledgements (hot lists, commands). Register
/// implementations as singletons in DI; the uplink subscribes to each <see cref="Topic"/> on every connection and
/// hands it each message received on it. A handler rejects bad input itself (logged reason and a device event) and
/// must not throw for it; an exception is logged by the uplink and the message dropped.
/// </summary>
public interface IInboundMessageHandler
{
    /// <summary>The exact topic (no wildcards) this handler takes, for the given device id, e.g. <c>MqttTopics.Hotlist(deviceId)</c>.</summary>
    string Topic(string deviceId);

    /// <summary>The largest payload accepted, in bytes; the uplink refuses larger ones before calling the handler.</summary>
    int MaxPayloadBytes { get; }

    /// <summary>Handles one message.</summary>
    Task HandleAsync(ReadOnlyMemory<byte> payload, CancellationToken cancellationToken);
}
