using Alpr.Edge.Capture.Health;

namespace Alpr.Edge.Firmware.Capture;

/// <summary>
/// The device's cameras and how each one is doing (state with reason, frames delivered and dropped, reconnects), for the status
/// publisher and the logs. Read-only: capture owns the states.
/// </summary>
public interface ICameraHealth
{
    /// <summary>A snapshot per camera, in configuration order (the device's camera first).</summary>
    IReadOnlyList<CameraHealth> Cameras { get; }

    /// <summary>Raised when a camera changes state (on capture's thread; keep handlers short).</summary>
    event EventHandler<CameraHealth>? Changed;
}
