namespace Alpr.Edge.Firmware.Uplink;

/// <summary>Retained payloads on <c>alpr/v1/{deviceId}/status</c> (the availability protocol).</summary>
public static class DeviceStatus
{
    /// <summary>Published after connecting.</summary>
    public const string Online = "online";

    /// <summary>The last will: the broker publishes it when the device vanishes.</summary>
    public const string Offline = "offline";

    /// <summary>Published on a clean stop.</summary>
    public const string Stopped = "stopped";
}
