namespace Alpr.Edge.Firmware.Device;

/// <summary>Who this device is (config section <c>Device</c>).</summary>
public sealed class DeviceOptions
{
    /// <summary>Config section name.</summary>
    public const string SectionName = "Device";

    /// <summary>Device id, used in MQTT topics; the host name when not set.</summary>
    public string? DeviceId { get; set; }

    /// <summary>Name of the camera this device reads from.</summary>
    public string Camera { get; set; } = "cam0";
}
