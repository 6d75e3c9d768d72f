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

    /// <summary>The site's latitude in degrees north, recorded with every read (sealed in the store, sent to the bridge).</summary>
    public double? Latitude { get; set; }

    /// <summary>The site's longitude in degrees east.</summary>
    public double? Longitude { get; set; }
}
