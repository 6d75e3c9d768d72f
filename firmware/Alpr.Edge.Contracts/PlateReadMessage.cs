namespace Alpr.Edge.Contracts;

/// <summary>
/// One read of one vehicle pass, published by a device on <c>alpr/v1/{deviceId}/read</c>.
/// <see cref="Id"/> is stable across re-sends so the bridge can drop duplicates.
/// </summary>
public sealed record PlateReadMessage
{
    /// <summary>Stable id of the read, assigned on the device.</summary>
    public required Guid Id { get; init; }

    /// <summary>The device that made the read.</summary>
    public required string DeviceId { get; init; }

    /// <summary>The camera on that device.</summary>
    public required string Camera { get; init; }

    /// <summary>Normalised plate text (A-Z, 0-9).</summary>
    public required string Plate { get; init; }

    /// <summary>Overall confidence, 0..1.</summary>
    public required double Confidence { get; init; }

    /// <summary>Wall-clock time of the frame the read came from.</summary>
    public required DateTimeOffset CapturedAt { get; init; }

    /// <summary>Plate box in the frame, if known.</summary>
    public PlateBox? Box { get; init; }

    /// <summary>Other texts the recogniser considered, best first.</summary>
    public IReadOnlyList<PlateAlternative> Alternatives { get; init; } = [];

    /// <summary>Frames the vehicle's plate was seen in during this pass.</summary>
    public int? Sightings { get; init; }

    /// <summary>Milliseconds per recognition stage (detect, crop, recognize, post) on the frame of the best sighting.</summary>
    public IReadOnlyDictionary<string, double>? StageMilliseconds { get; init; }

    /// <summary>Latitude of the site in degrees north, when the device is configured with it.</summary>
    public double? Latitude { get; init; }

    /// <summary>Longitude of the site in degrees east.</summary>
    public double? Longitude { get; init; }

    /// <summary>Firmware version that made the read.</summary>
    public string? FirmwareVersion { get; init; }
}
