namespace Alpr.Edge.Contracts;

/// <summary>
/// An audit-relevant event on a device (enclosure opened, hot list rejected, store budget exhausted...),
/// stored on the device and published on <c>alpr/v1/{deviceId}/event</c> at QoS 1 until the bridge acknowledges it.
/// </summary>
public sealed record DeviceEventMessage
{
    /// <summary>Stable id of the event, assigned on the device.</summary>
    public required Guid Id { get; init; }

    /// <summary>The device that raised it.</summary>
    public required string DeviceId { get; init; }

    /// <summary>What happened, one of <see cref="DeviceEventKinds"/> (kebab-case).</summary>
    public required string Kind { get; init; }

    /// <summary><c>info</c>, <c>warning</c> or <c>alarm</c>.</summary>
    public required string Severity { get; init; }

    /// <summary>When it happened (device wall clock).</summary>
    public required DateTimeOffset OccurredAt { get; init; }

    /// <summary>One human-readable line: what happened and, where there is one, what to do.</summary>
    public required string Message { get; init; }

    /// <summary>Machine-readable details (never plate text of non-hits, never key material).</summary>
    public IReadOnlyDictionary<string, string> Data { get; init; } = new Dictionary<string, string>();

    /// <summary>Firmware version that raised it.</summary>
    public string? FirmwareVersion { get; init; }
}
