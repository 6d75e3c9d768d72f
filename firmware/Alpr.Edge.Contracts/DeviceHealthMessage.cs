namespace Alpr.Edge.Contracts;

/// <summary>
/// The periodic status of a device, published retained on <c>alpr/v1/{deviceId}/health</c> every
/// <c>Uplink:StatusInterval</c> and on every connection. Availability (online/offline/stopped) stays on the
/// status topic; this is what the device is doing.
/// </summary>
public sealed record DeviceHealthMessage
{
    /// <summary>The device.</summary>
    public required string DeviceId { get; init; }

    /// <summary>When the status was taken (device wall clock).</summary>
    public required DateTimeOffset At { get; init; }

    /// <summary>Firmware version.</summary>
    public required string FirmwareVersion { get; init; }

    /// <summary>Version of the hot list in force, or null when none is installed.</summary>
    public string? HotlistVersion { get; init; }

    /// <summary>Records not yet acknowledged by the bridge.</summary>
    public required BacklogStatus Backlog { get; init; }

    /// <summary>Camera health, or null when there is no capture.</summary>
    public CameraStatus? Camera { get; init; }

    /// <summary>Every camera of the device, the device's own first (one device may drive several).</summary>
    public IReadOnlyList<CameraStatus>? Cameras { get; init; }

    /// <summary>Frames dropped, oldest first, because recognition fell behind the cameras (all cameras together).</summary>
    public long? FramesDroppedBehindRecognition { get; init; }

    /// <summary>Illuminator state, or null when there is no illuminator.</summary>
    public IlluminatorStatus? Illuminator { get; init; }

    /// <summary>SoC temperature in degrees Celsius, or null when unreadable.</summary>
    public double? SocTemperatureCelsius { get; init; }

    /// <summary>Disk use of the device store.</summary>
    public required DiskStatus Disk { get; init; }

    /// <summary>Seconds since the firmware started.</summary>
    public required double UptimeSeconds { get; init; }
}
