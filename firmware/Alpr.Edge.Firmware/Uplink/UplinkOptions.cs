namespace Alpr.Edge.Firmware.Uplink;

/// <summary>The MQTT uplink to the bridge (config section <c>Uplink</c>).</summary>
public sealed class UplinkOptions
{
    /// <summary>Config section name.</summary>
    public const string SectionName = "Uplink";

    /// <summary><c>mqtt://HOST[:PORT]</c> or <c>mqtts://HOST[:PORT]</c>.</summary>
    public string BrokerUrl { get; set; } = "mqtt://127.0.0.1:1883";

    /// <summary>MQTT client id; <c>alpr-edge-{DeviceId}</c> when not set.</summary>
    public string? ClientId { get; set; }

    /// <summary>Longest wait for the broker to accept a connection.</summary>
    public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Longest wait for a publish or subscribe to be confirmed.</summary>
    public TimeSpan OperationTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>A record published this long ago without the bridge's acknowledgement is sent again.</summary>
    public TimeSpan AckTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>MQTT keep-alive period.</summary>
    public TimeSpan KeepAlive { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>First wait before reconnecting; it doubles after each failure.</summary>
    public TimeSpan ReconnectMinDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Longest wait before reconnecting.</summary>
    public TimeSpan ReconnectMaxDelay { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// Most reads published and not yet acknowledged at a time, so a backlog does not flood the broker's
    /// queue for an absent bridge (Mosquitto drops QoS 1 messages past <c>max_queued_messages</c>).
    /// Hits are never held back.
    /// </summary>
    public int MaxInFlight { get; set; } = 200;

    /// <summary>Records taken from the store per round (hits are always taken first).</summary>
    public int BatchSize { get; set; } = 50;

    /// <summary>
    /// Most reads published per second (a token bucket of <see cref="BatchSize"/>), so a backlog drains without
    /// filling the link; hits and events are never held back and go out before the next read.
    /// </summary>
    public double MaxReadsPerSecond { get; set; } = 100;

    /// <summary>How often the periodic status (<c>alpr/v1/{deviceId}/health</c>, retained) is published; also on every connection.</summary>
    public TimeSpan StatusInterval { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// PEM file of the CA the broker's certificate must chain to (<c>mqtts://</c> only). When set, only this CA is
    /// trusted (the system's roots are not); when not set, the system's roots are.
    /// </summary>
    public string? CaFile { get; set; }

    /// <summary>PEM file of this device's client certificate for mutual TLS (with <see cref="ClientKeyFile"/>).</summary>
    public string? ClientCertificateFile { get; set; }

    /// <summary>PEM file of the private key of <see cref="ClientCertificateFile"/> (owner-only permissions).</summary>
    public string? ClientKeyFile { get; set; }

    /// <summary>
    /// P-256 public key PEM files of the bridge (its <c>hotlist-signing.pub.pem</c>; several during a key rotation). When
    /// set, acknowledgements and commands are accepted only signed by one of them, for this device, unexpired and not
    /// replayed; an unsigned or forged one is refused and raised as an <c>inbound-rejected</c> event. When empty they are
    /// accepted unsigned (a warning at start-up says so): set it on every production device.
    /// </summary>
    public string[] TrustedBridgeKeyFiles { get; set; } = [];
}
