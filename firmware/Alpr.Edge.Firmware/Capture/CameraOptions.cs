namespace Alpr.Edge.Firmware.Capture;

/// <summary>One more camera on the device (<c>Capture:Cameras</c>).</summary>
public sealed class CameraOptions
{
    /// <summary>The camera's name in reads and status (unique on the device).</summary>
    public string Name { get; set; } = string.Empty;

    /// <summary>The camera's source, in any form <see cref="CaptureOptions.Source"/> takes.</summary>
    public string Source { get; set; } = string.Empty;
}
